"""Unit tests of python/strategy.py: Kelly sizing, staleness and signal validation, plus the vectors."""

import math

import pytest

import strategy
import vectors
from strategy import calculate_kelly, calculate_staleness, validate_signal

NAN = math.nan
INF = math.inf
BANKROLL = 1_000_000_000  # 1,000 USD in micro-USD
NO_ORDER_CAP = 10**15


def kelly(price, q, bankroll=BANKROLL, fraction=1.0, max_fraction=1.0, max_order=NO_ORDER_CAP, fee=0.0):
    return calculate_kelly(price, q, bankroll, fraction, max_fraction, max_order, fee)


# ---------------------------------------------------------------- calculate_kelly

def test_full_kelly_is_edge_over_one_minus_price():
    # f* = (0.625 - 0.5) / (1 - 0.5) = 0.25 of 1,000 USD (every number exact in binary)
    assert kelly(0.5, 0.625) == 250_000_000


def test_fractional_kelly_scales_the_stake():
    # quarter Kelly of f* = 0.25 -> 6.25 % of the bankroll
    assert kelly(0.5, 0.625, fraction=0.25) == 62_500_000


def test_decimal_inputs_floor_on_their_binary_values():
    # 0.6 is stored as 0.59999999999999997780; f* is then just below 0.2 even in exact
    # arithmetic, so the floored stake is 199,999,999 micro-USD, not 200,000,000.
    assert kelly(0.5, 0.6) == 199_999_999


def test_taker_fee_raises_the_effective_cost():
    # c = 0.4 + 0.02 = 0.42; f* = (0.5 - 0.42) / 0.58 = 0.137931...; 1e9 * that, floored
    assert kelly(0.4, 0.5, fee=0.02) == math.floor((0.5 - (0.4 + 0.02)) / (1.0 - (0.4 + 0.02)) * 1e9)
    assert kelly(0.4, 0.5, fee=0.02) == 137_931_034


def test_fee_that_eats_the_edge_gives_zero():
    assert kelly(0.4, 0.5, fee=0.1) == 0
    assert kelly(0.4, 0.5, fee=0.2) == 0


def test_zero_edge_gives_zero():
    assert kelly(0.6, 0.6) == 0


def test_negative_edge_gives_zero():
    assert kelly(0.6, 0.4) == 0
    assert kelly(0.6, 0.0) == 0


def test_bankroll_fraction_caps_the_stake():
    assert kelly(0.3, 0.9, max_fraction=0.05) == 50_000_000


def test_max_order_caps_the_stake():
    assert kelly(0.3, 0.9, max_fraction=0.5, max_order=20_000_000) == 20_000_000


def test_smallest_of_the_three_caps_wins():
    # kelly 0.25 * (0.9-0.3)/0.7 = 0.2142..., bankroll cap 0.1, order cap 0.05 of 1e9
    assert kelly(0.3, 0.9, fraction=0.25, max_fraction=0.1, max_order=50_000_000) == 50_000_000
    assert kelly(0.3, 0.9, fraction=0.25, max_fraction=0.1, max_order=500_000_000) == 100_000_000
    assert kelly(0.3, 0.9, fraction=0.25, max_fraction=0.5, max_order=500_000_000) == 214_285_714


def test_non_positive_max_order_gives_zero():
    assert kelly(0.3, 0.9, max_order=0) == 0
    assert kelly(0.3, 0.9, max_order=-1) == 0


def test_price_near_zero_with_certain_win_bets_the_cap():
    assert kelly(1e-12, 1.0, max_fraction=0.05) == 50_000_000
    assert kelly(1e-12, 1.0) == BANKROLL


def test_price_near_zero_with_tiny_edge_bets_little():
    # f* = (0.002 - 0.001) / 0.999
    assert kelly(0.001, 0.002) == math.floor((0.002 - 0.001) / (1.0 - 0.001) * 1e9)


def test_price_near_one_bets_only_on_certainty():
    assert kelly(0.999999, 1.0) == BANKROLL
    assert kelly(0.999999, 0.9999989) == 0
    assert kelly(1.0 - 1e-15, 0.99) == 0


def test_cost_of_one_or_more_gives_zero():
    assert kelly(0.99, 1.0, fee=0.01) == 0
    assert kelly(0.99, 1.0, fee=0.5) == 0


@pytest.mark.parametrize("price", [0.0, 1.0, -0.1, 1.5, NAN, INF, -INF])
def test_price_outside_open_unit_interval_gives_zero(price):
    assert kelly(price, 0.9) == 0


@pytest.mark.parametrize("q", [-0.01, 1.01, NAN, INF])
def test_win_probability_outside_unit_interval_gives_zero(q):
    assert kelly(0.5, q) == 0


def test_win_probability_bounds_are_valid():
    assert kelly(0.5, 1.0) == BANKROLL
    assert kelly(0.5, 0.0) == 0


@pytest.mark.parametrize("fee", [-0.001, NAN, INF])
def test_invalid_fee_gives_zero(fee):
    assert kelly(0.5, 0.9, fee=fee) == 0


@pytest.mark.parametrize("fraction", [0.0, -0.25, 1.01, NAN])
def test_invalid_kelly_fraction_gives_zero(fraction):
    assert kelly(0.5, 0.9, fraction=fraction) == 0


@pytest.mark.parametrize("max_fraction", [0.0, -0.05, 1.01, NAN])
def test_invalid_bankroll_fraction_gives_zero(max_fraction):
    assert kelly(0.5, 0.9, max_fraction=max_fraction) == 0


@pytest.mark.parametrize("bankroll", [0, -1, -BANKROLL, 2**53 + 1])
def test_invalid_bankroll_gives_zero(bankroll):
    assert kelly(0.5, 0.9, bankroll=bankroll) == 0


def test_largest_exact_bankroll_is_accepted():
    assert kelly(0.5, 1.0, bankroll=2**53, max_order=2**62) == 2**53


def test_stake_is_an_int_floored_never_rounded():
    result = kelly(0.5, 0.9, bankroll=3, fraction=0.25)  # 0.25 * 0.8 * 3 = 0.6000000000000001
    assert result == 0 and isinstance(result, int)
    assert kelly(0.5, 0.9, bankroll=10, fraction=0.25) == 2  # 2.0000000000000004


def test_double_one_ulp_below_an_integer_floors_down():
    # 0.29 * 100 is 28.999999999999996 in binary floating point: the stake is 28, not 29.
    assert 0.29 * 100.0 < 29.0
    assert kelly(0.1, 0.9, bankroll=100, max_fraction=0.29) == 28


def test_zero_stake_is_an_int():
    assert isinstance(kelly(0.6, 0.4), int)


# ---------------------------------------------------------------- calculate_staleness

T0 = 1_767_225_600_000


def test_fresh_signal_has_full_weight():
    assert calculate_staleness(T0, T0, T0 + 300_000, 0.05) == (0.0, 1.0, True, "")


def test_staleness_499_basis_points_is_accepted():
    ratio, weight, accepted, reason = calculate_staleness(T0, T0 - 4_990, T0 + 100_000, 0.05)
    assert ratio == pytest.approx(0.0499, abs=1e-15)
    assert accepted and reason == ""
    assert weight == pytest.approx(0.002, abs=1e-12)


def test_staleness_501_basis_points_is_rejected():
    ratio, weight, accepted, reason = calculate_staleness(T0, T0 - 5_010, T0 + 100_000, 0.05)
    assert ratio == pytest.approx(0.0501, abs=1e-15)
    assert (weight, accepted, reason) == (0.0, False, "stale")


def test_staleness_exactly_at_limit_is_accepted_with_zero_weight():
    assert calculate_staleness(T0, T0 - 15_000, T0 + 300_000, 0.05) == (0.05, 0.0, True, "")


def test_one_millisecond_past_the_limit_is_rejected():
    assert calculate_staleness(T0, T0 - 15_001, T0 + 300_000, 0.05)[2:] == (False, "stale")


def test_weight_decays_linearly_with_the_ratio():
    weights = [calculate_staleness(T0, T0 - age, T0 + 100_000, 0.05)[1] for age in (0, 1_000, 2_500, 4_000, 5_000)]
    assert weights == pytest.approx([1.0, 0.8, 0.5, 0.2, 0.0], abs=1e-12)


def test_window_over_gives_infinite_ratio():
    assert calculate_staleness(T0, T0 - 10, T0, 0.05) == (INF, 0.0, False, "window over")
    assert calculate_staleness(T0, T0 - 10, T0 - 1, 0.05) == (INF, 0.0, False, "window over")


def test_signal_slightly_in_the_future_counts_as_fresh():
    assert calculate_staleness(T0, T0 + strategy.FUTURE_TOLERANCE_MS, T0 + 300_000, 0.05) == (0.0, 1.0, True, "")


def test_signal_far_in_the_future_is_rejected():
    assert calculate_staleness(T0, T0 + strategy.FUTURE_TOLERANCE_MS + 1, T0 + 300_000, 0.05) == \
        (0.0, 0.0, False, "signal from the future")


@pytest.mark.parametrize("max_ratio", [0.0, -0.05, NAN, INF])
def test_invalid_max_ratio_is_rejected(max_ratio):
    ratio, weight, accepted, reason = calculate_staleness(T0, T0 - 1_000, T0 + 300_000, max_ratio)
    assert (weight, accepted, reason) == (0.0, False, strategy.REASON_BAD_MAX_RATIO)
    assert ratio == 1_000 / 300_000


def test_staleness_returns_floats():
    ratio, weight, accepted, reason = calculate_staleness(T0, T0, T0 + 1, 0.05)
    assert type(ratio) is float and type(weight) is float and type(accepted) is bool and type(reason) is str


# ---------------------------------------------------------------- validate_signal

def signal(mu_per_horizon=0.002, horizon=1200.0, dfo=0.001, vol=0.0001, remaining=240.0, tol=1.5):
    return validate_signal(mu_per_horizon, horizon, dfo, vol, remaining, tol)


# With the defaults: mu = s * 240 / 1200 = s / 5; band = 1.5 * 1e-4 * sqrt(240) = 0.0023238 and
# 4 bands = 0.0092952.

def test_forecast_agreeing_with_the_move_is_valid():
    assert signal(0.002, dfo=0.001) == (True, "")
    assert signal(-0.002, dfo=-0.001) == (True, "")


def test_weak_forecast_against_the_move_is_valid():
    assert signal(-0.01, dfo=0.002) == (True, "")  # mu = -0.002, inside the band


def test_strong_forecast_against_the_move_disagrees():
    assert signal(-0.02, dfo=0.002) == (False, "direction disagrees")  # mu = -0.004
    assert signal(0.02, dfo=-0.002) == (False, "direction disagrees")


def test_forecast_is_scaled_to_the_time_remaining():
    # the same forecast over a 20-minute horizon is 5 times weaker with 4 minutes left ...
    assert signal(-0.02, remaining=240.0, dfo=0.002) == (False, "direction disagrees")
    # ... and with 10 s left it shrinks below the (smaller) band
    assert signal(-0.02, remaining=10.0, dfo=0.002) == (True, "")


def test_huge_forecast_with_the_move_is_implausible():
    assert signal(0.2, dfo=0.002) == (False, "magnitude implausible")  # mu = 0.04


def test_forecast_inside_four_bands_is_plausible():
    assert signal(0.04, dfo=0.002) == (True, "")  # mu = 0.008


def test_direction_is_reported_before_magnitude():
    assert signal(-0.2, dfo=0.002) == (False, "direction disagrees")


def test_price_at_the_open_has_no_direction_to_disagree_with():
    assert signal(-0.02, dfo=0.0) == (True, "")
    assert signal(-0.2, dfo=0.0) == (False, "magnitude implausible")


def test_band_edges_are_inclusive():
    # mu = -1 * 4 / 4 = -1; band = 0.5 * 1 * sqrt(4) = 1
    assert validate_signal(-1.0, 4.0, 1.0, 1.0, 4.0, 0.5) == (True, "")
    assert validate_signal(-1.000001, 4.0, 1.0, 1.0, 4.0, 0.5) == (False, "direction disagrees")
    # mu = 4 * 1 / 2 = 2 = 4 bands of 0.5
    assert validate_signal(4.0, 2.0, 1.0, 1.0, 1.0, 0.5) == (True, "")
    assert validate_signal(4.000001, 2.0, 1.0, 1.0, 1.0, 0.5) == (False, "magnitude implausible")


def test_zero_tolerance_accepts_only_a_zero_forecast():
    assert signal(0.0, tol=0.0) == (True, "")
    assert signal(0.001, tol=0.0) == (False, "magnitude implausible")


@pytest.mark.parametrize("position,name", [
    (0, "signal_log_return"), (1, "horizon_seconds"), (2, "dfo_log"),
    (3, "vol_per_sqrt_s"), (4, "seconds_remaining"), (5, "tolerance_sigma")])
@pytest.mark.parametrize("bad", [NAN, INF, -INF])
def test_non_finite_input_is_named(position, name, bad):
    args = [0.002, 1200.0, 0.001, 0.0001, 240.0, 1.5]
    args[position] = bad
    assert validate_signal(*args) == (False, name + " is not finite")


@pytest.mark.parametrize("kwargs,reason", [
    ({"horizon": 0.0}, "horizon_seconds must be > 0"),
    ({"horizon": -300.0}, "horizon_seconds must be > 0"),
    ({"vol": 0.0}, "vol_per_sqrt_s must be > 0"),
    ({"vol": -0.0001}, "vol_per_sqrt_s must be > 0"),
    ({"remaining": 0.0}, "seconds_remaining must be > 0"),
    ({"remaining": -1.0}, "seconds_remaining must be > 0"),
    ({"tol": -0.5}, "tolerance_sigma must be >= 0"),
])
def test_out_of_range_input_is_named(kwargs, reason):
    assert signal(**kwargs) == (False, reason)


# ---------------------------------------------------------------- vectors.json

VECTORS = vectors.load()


def test_vectors_cover_every_function_with_enough_cases():
    counts = {k: len(VECTORS[k]) for k in ("calculate_kelly", "calculate_staleness", "validate_signal")}
    assert sum(counts.values()) >= 60 and min(counts.values()) >= 15


@pytest.mark.parametrize("case", VECTORS["calculate_kelly"], ids=lambda c: c["name"])
def test_kelly_vector(case):
    result = calculate_kelly(**case["args"])
    assert type(result) is int and result == case["expected"]


@pytest.mark.parametrize("case", VECTORS["calculate_staleness"], ids=lambda c: c["name"])
def test_staleness_vector(case):
    ratio, weight, accepted, reason = calculate_staleness(**case["args"])
    e = case["expected"]
    # bit-exact: the file was written from this very code, and repr round-trips every double
    assert (ratio, weight, accepted, reason) == (e["ratio"], e["weight"], e["accepted"], e["reason"])


@pytest.mark.parametrize("case", VECTORS["validate_signal"], ids=lambda c: c["name"])
def test_signal_vector(case):
    e = case["expected"]
    assert validate_signal(**case["args"]) == (e["valid"], e["reason"])


def test_vectors_file_is_what_the_generator_writes_today():
    import make_vectors
    assert vectors.encode(make_vectors.build()) == vectors.encode(VECTORS)
