"""Velocity strategy math: Kelly sizing, Allora signal validation and signal staleness.

The engine calls these three pure functions on its dedicated ``python-strategy`` thread through
Jep (``io.velocity.strategy.python.PythonStrategy``). ``io.velocity.strategy.StrategyMath`` is a
Java implementation of exactly the same rules that answers when Python is slow or fails, and
``python/tests/vectors.json`` (written by ``tests/make_vectors.py`` from this module) is checked
against both, so the two must agree bit for bit.

Floating-point contract (why Java and Python agree exactly)
    Every function uses only IEEE-754 double operations that both languages round correctly
    (``+ - * /``, ``sqrt``, comparisons), written as one operation at a time in the same order as
    the Java code, so each intermediate is the same double. CPython evaluates every arithmetic
    operator in its own C call, so nothing is fused or kept in extended precision. Integers are
    turned into doubles explicitly with ``float()`` (Java's ``(double)`` cast), never by Python's
    exact ``int / int`` division, and only where they are below 2**53 so the conversion is exact.
    No transcendental function (``exp``, ``log``, ...) is used: those are not correctly rounded
    and could differ between libm and Java's ``Math``.

Only the standard library is used.
"""

import math

MICROS_PER_USD = 1_000_000

# Largest integer a double holds exactly. A bankroll above it (9,007,199,254.740992 USD) is
# refused so that float(bankroll_micros) is exact in both languages.
MAX_EXACT_MICROS = 2**53

# A signal stamped later than now by more than this is refused: clocks of two honest machines
# (ours, synchronised by NTP, and the Allora network's) disagree by far less.
FUTURE_TOLERANCE_MS = 2_000

# validate_signal refuses a forecast larger than this many tolerance bands outright.
MAGNITUDE_BANDS = 4.0

# Reasons, shared word for word with the Java implementation.
REASON_OK = ""
REASON_WINDOW_OVER = "window over"
REASON_FROM_FUTURE = "signal from the future"
REASON_STALE = "stale"
REASON_BAD_MAX_RATIO = "max_ratio must be a finite number > 0"
REASON_DIRECTION = "direction disagrees"
REASON_MAGNITUDE = "magnitude implausible"


def calculate_kelly(price, win_prob, bankroll_micros, kelly_fraction, max_bankroll_fraction,
                    max_order_micros, fee_per_share):
    """Stake in micro-USD for buying a binary contract that pays 1.0 if it wins.

    Rules, in order:

    1. Invalid input gives 0: any of the doubles NaN; ``price`` not in the open interval (0, 1);
       ``win_prob`` not in [0, 1]; ``fee_per_share`` negative or infinite; ``kelly_fraction`` or
       ``max_bankroll_fraction`` not in (0, 1]; ``bankroll_micros`` not in (0, 2**53].
    2. Effective cost per share ``c = price + fee_per_share`` (the taker fee per share; 0 for a
       maker). ``c >= 1`` gives 0: the contract can never pay back its cost.
    3. Full Kelly fraction of bankroll ``f = (win_prob - c) / (1 - c)``. ``f <= 0`` (no edge or
       a negative edge) gives 0.
    4. Three caps, each a double computed exactly as written, left to right:
       ``kelly_fraction * f * bankroll``, ``max_bankroll_fraction * bankroll`` and
       ``max_order_micros``; the stake is ``floor`` of the smallest, and never below 0.

    Rounding: the result is the floor of a double, so where the exact decimal product is an
    integer but its double lands just below it (``0.29 * 100`` is ``28.999999999999996``) the
    stake is one micro-USD smaller than exact arithmetic would give. That errs towards the smaller
    order, so no epsilon is added (an epsilon could push a stake over a cap). Java computes the
    same doubles, so both round the same way; the vectors include such boundary cases.

    Args:
        price: ask price of one share, probability units (0, 1).
        win_prob: our probability that the share pays 1.0, [0, 1].
        bankroll_micros: bankroll in micro-USD (int).
        kelly_fraction: fraction of full Kelly to bet, (0, 1].
        max_bankroll_fraction: largest fraction of the bankroll in one order, (0, 1].
        max_order_micros: largest single order in micro-USD (int); <= 0 gives 0.
        fee_per_share: taker fee per share in probability units, >= 0.

    Returns:
        The stake in micro-USD as an int, 0 when nothing should be bought.
    """
    if not (0.0 < price < 1.0):
        return 0
    if not (0.0 <= win_prob <= 1.0):
        return 0
    if not (0.0 <= fee_per_share < math.inf):
        return 0
    if not (0.0 < kelly_fraction <= 1.0) or not (0.0 < max_bankroll_fraction <= 1.0):
        return 0
    if not (0 < bankroll_micros <= MAX_EXACT_MICROS):
        return 0
    cost = price + fee_per_share
    if cost >= 1.0:
        return 0
    full_kelly = (win_prob - cost) / (1.0 - cost)
    if not full_kelly > 0.0:
        return 0
    bankroll = float(bankroll_micros)
    kelly_stake = kelly_fraction * full_kelly * bankroll
    bankroll_cap = max_bankroll_fraction * bankroll
    stake = min(kelly_stake, bankroll_cap, float(max_order_micros))
    if stake <= 0.0:
        return 0
    return math.floor(stake)


def calculate_staleness(now_ms, signal_ts_ms, window_end_ms, max_ratio):
    """How stale an Allora signal is relative to the time left in the candle, and its weight.

    Rules, in order (all times are epoch milliseconds, ints):

    1. ``remaining = window_end_ms - now_ms``; ``remaining <= 0`` gives
       ``(inf, 0.0, False, "window over")``.
    2. ``age = max(0, now_ms - signal_ts_ms)``; ``ratio = float(age) / float(remaining)``.
    3. A signal stamped more than ``FUTURE_TOLERANCE_MS`` (2 s) after now gives
       ``(ratio, 0.0, False, "signal from the future")`` (ratio is 0.0 there, age being clamped).
       Within the tolerance it counts as age 0: the clocks merely disagree a little.
    4. ``max_ratio`` NaN, infinite or ``<= 0`` gives ``(ratio, 0.0, False, REASON_BAD_MAX_RATIO)``.
    5. ``ratio > max_ratio`` gives ``(ratio, 0.0, False, "stale")``; so with ``max_ratio`` 0.05 a
       ratio of exactly 0.05 is accepted, 0.0501 is not.
    6. Otherwise accepted, with a weight that decays linearly from 1 for a fresh signal to 0 at
       the limit: ``weight = max(0.0, 1.0 - ratio / max_ratio)``; reason ``""``.

    Returns:
        ``(ratio, weight, accepted, reason)`` as ``(float, float, bool, str)``.
    """
    remaining = window_end_ms - now_ms
    if remaining <= 0:
        return math.inf, 0.0, False, REASON_WINDOW_OVER
    age = max(0, now_ms - signal_ts_ms)
    ratio = float(age) / float(remaining)
    if signal_ts_ms - now_ms > FUTURE_TOLERANCE_MS:
        return ratio, 0.0, False, REASON_FROM_FUTURE
    if not (0.0 < max_ratio < math.inf):
        return ratio, 0.0, False, REASON_BAD_MAX_RATIO
    if ratio > max_ratio:
        return ratio, 0.0, False, REASON_STALE
    weight = max(0.0, 1.0 - ratio / max_ratio)
    return ratio, weight, True, REASON_OK


def validate_signal(signal_log_return, horizon_seconds, dfo_log, vol_per_sqrt_s,
                    seconds_remaining, tolerance_sigma):
    """Whether an Allora forecast is consistent with what Binance shows right now.

    ``dfo_log`` is the distance from the window's open, ``ln(S / S0)``. The forecast of the log
    return over ``horizon_seconds`` is scaled to the time left:
    ``mu = signal_log_return * seconds_remaining / horizon_seconds`` (multiply first, then
    divide). The tolerance band is ``band = tolerance_sigma * vol_per_sqrt_s *
    sqrt(seconds_remaining)``, one move of ``tolerance_sigma`` standard deviations over the
    time left. Rules, first match wins:

    1. Any argument NaN or infinite: invalid, reason ``"<argument name> is not finite"``.
    2. ``horizon_seconds <= 0``, ``vol_per_sqrt_s <= 0``, ``seconds_remaining <= 0`` or
       ``tolerance_sigma < 0``: invalid, reason names the argument (``"vol_per_sqrt_s must be > 0"``).
    3. ``mu`` and ``dfo_log`` strictly of opposite signs (one > 0, the other < 0) and
       ``abs(mu) > band``: invalid, ``"direction disagrees"``, a strong forecast against the
       current move. A price exactly at the open (``dfo_log == 0``) has no direction, so it
       never disagrees.
    4. ``abs(mu) > 4 * band``: invalid, ``"magnitude implausible"``, a move the current
       volatility makes implausible whatever its direction.
    5. Otherwise ``(True, "")``.

    All comparisons are strict, so a value exactly on a band edge is still valid. With
    ``tolerance_sigma == 0`` the band is 0 and any non-zero forecast is implausible.

    Returns:
        ``(valid, reason)`` as ``(bool, str)``.
    """
    for name, value in (("signal_log_return", signal_log_return),
                        ("horizon_seconds", horizon_seconds),
                        ("dfo_log", dfo_log),
                        ("vol_per_sqrt_s", vol_per_sqrt_s),
                        ("seconds_remaining", seconds_remaining),
                        ("tolerance_sigma", tolerance_sigma)):
        if not math.isfinite(value):
            return False, name + " is not finite"
    if horizon_seconds <= 0.0:
        return False, "horizon_seconds must be > 0"
    if vol_per_sqrt_s <= 0.0:
        return False, "vol_per_sqrt_s must be > 0"
    if seconds_remaining <= 0.0:
        return False, "seconds_remaining must be > 0"
    if tolerance_sigma < 0.0:
        return False, "tolerance_sigma must be >= 0"
    mu = signal_log_return * seconds_remaining / horizon_seconds
    band = tolerance_sigma * vol_per_sqrt_s * math.sqrt(seconds_remaining)
    opposite = (mu > 0.0 and dfo_log < 0.0) or (mu < 0.0 and dfo_log > 0.0)
    if opposite and abs(mu) > band:
        return False, REASON_DIRECTION
    if abs(mu) > MAGNITUDE_BANDS * band:
        return False, REASON_MAGNITUDE
    return True, REASON_OK
