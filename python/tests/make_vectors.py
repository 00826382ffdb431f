"""Writes tests/vectors.json: inputs and expected outputs of the three strategy functions.

The expected outputs come from strategy.py itself; the file pins them so that a change in the
Python rules shows up as a diff, and so that the Java fallback (StrategyParityTest) and the real
Python bridge through Jep are checked against the very same numbers.

Run from the python/ folder after changing strategy.py on purpose, then review the diff:

    .venv/bin/python tests/make_vectors.py

JSON has no NaN or infinity, so non-finite doubles are written as the strings "NaN",
"Infinity" and "-Infinity" (decoded by tests/vectors.py and by the Java test). Finite doubles
are written with Python's shortest round-trip repr, which Java's Double.parseDouble reads back
to the same bits.
"""

import json
import math
import os
import random
import sys
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import strategy  # noqa: E402  (path set just above)
from vectors import VECTORS_PATH, encode  # noqa: E402

NAN = math.nan
INF = math.inf

# (name, price, win_prob, bankroll_micros, kelly_fraction, max_bankroll_fraction, max_order_micros, fee_per_share)
KELLY_CASES = [
    ("maker edge, kelly binds", 0.50, 0.55, 1_000_000_000, 0.25, 0.05, 100_000_000, 0.0),
    ("maker edge, small bankroll", 0.40, 0.48, 25_000_000, 0.25, 0.05, 10_000_000, 0.0),
    ("taker fee eats part of the edge", 0.50, 0.56, 1_000_000_000, 0.25, 0.05, 100_000_000, 0.01),
    ("taker fee eats the whole edge", 0.50, 0.55, 1_000_000_000, 0.25, 0.05, 100_000_000, 0.05),
    ("taker fee larger than the edge", 0.50, 0.55, 1_000_000_000, 0.25, 0.05, 100_000_000, 0.06),
    ("zero edge", 0.60, 0.60, 1_000_000_000, 0.25, 0.05, 100_000_000, 0.0),
    ("negative edge", 0.60, 0.50, 1_000_000_000, 0.25, 0.05, 100_000_000, 0.0),
    ("bankroll cap binds", 0.30, 0.90, 1_000_000_000, 1.0, 0.05, 1_000_000_000, 0.0),
    ("max order cap binds", 0.30, 0.90, 10_000_000_000, 0.5, 0.5, 20_000_000, 0.0),
    ("max order cap zero", 0.30, 0.90, 1_000_000_000, 0.5, 0.5, 0, 0.0),
    ("max order cap negative", 0.30, 0.90, 1_000_000_000, 0.5, 0.5, -5, 0.0),
    ("price near 0, certain win", 1e-9, 1.0, 1_000_000_000, 0.25, 0.05, 100_000_000, 0.0),
    ("price near 0, small win probability", 0.001, 0.002, 1_000_000_000, 0.25, 1.0, 1_000_000_000, 0.0),
    ("price near 1, certain win", 0.999999, 1.0, 1_000_000_000, 1.0, 1.0, 1_000_000_000, 0.0),
    ("price near 1 plus a one-millionth fee", 0.999999, 1.0, 1_000_000_000, 1.0, 1.0, 1_000_000_000, 0.000001),
    ("price near 1, no edge", 0.99, 0.99, 1_000_000_000, 1.0, 1.0, 1_000_000_000, 0.0),
    ("win probability 0", 0.5, 0.0, 1_000_000_000, 0.25, 0.05, 100_000_000, 0.0),
    ("win probability 1", 0.5, 1.0, 1_000_000_000, 0.25, 1.0, 1_000_000_000, 0.0),
    ("price 0 is invalid", 0.0, 0.9, 1_000_000_000, 0.25, 0.05, 100_000_000, 0.0),
    ("price 1 is invalid", 1.0, 0.9, 1_000_000_000, 0.25, 0.05, 100_000_000, 0.0),
    ("negative price is invalid", -0.1, 0.9, 1_000_000_000, 0.25, 0.05, 100_000_000, 0.0),
    ("price NaN", NAN, 0.9, 1_000_000_000, 0.25, 0.05, 100_000_000, 0.0),
    ("win probability NaN", 0.5, NAN, 1_000_000_000, 0.25, 0.05, 100_000_000, 0.0),
    ("win probability above 1", 0.5, 1.01, 1_000_000_000, 0.25, 0.05, 100_000_000, 0.0),
    ("win probability below 0", 0.5, -0.01, 1_000_000_000, 0.25, 0.05, 100_000_000, 0.0),
    ("fee NaN", 0.5, 0.9, 1_000_000_000, 0.25, 0.05, 100_000_000, NAN),
    ("fee infinite", 0.5, 0.9, 1_000_000_000, 0.25, 0.05, 100_000_000, INF),
    ("negative fee", 0.5, 0.9, 1_000_000_000, 0.25, 0.05, 100_000_000, -0.01),
    ("kelly fraction NaN", 0.5, 0.9, 1_000_000_000, NAN, 0.05, 100_000_000, 0.0),
    ("kelly fraction 0", 0.5, 0.9, 1_000_000_000, 0.0, 0.05, 100_000_000, 0.0),
    ("kelly fraction above 1", 0.5, 0.9, 1_000_000_000, 1.5, 0.05, 100_000_000, 0.0),
    ("bankroll fraction NaN", 0.5, 0.9, 1_000_000_000, 0.25, NAN, 100_000_000, 0.0),
    ("bankroll fraction 0", 0.5, 0.9, 1_000_000_000, 0.25, 0.0, 100_000_000, 0.0),
    ("zero bankroll", 0.5, 0.9, 0, 0.25, 0.05, 100_000_000, 0.0),
    ("negative bankroll", 0.5, 0.9, -1_000_000, 0.25, 0.05, 100_000_000, 0.0),
    ("bankroll at 2^53", 0.5, 0.9, 2**53, 0.25, 0.05, 2**62, 0.0),
    ("bankroll above 2^53", 0.5, 0.9, 2**53 + 1, 0.25, 0.05, 2**62, 0.0),
    ("one micro bankroll", 0.5, 0.9, 1, 1.0, 1.0, 1_000_000, 0.0),
    ("stake below one micro floors to 0", 0.5, 0.51, 10, 0.25, 1.0, 1_000_000, 0.0),
    ("typical 5-minute market", 0.47, 0.53, 2_500_000_000, 0.25, 0.05, 50_000_000, 0.0156),
]


def kelly_boundary_cases():
    """Cases whose double result sits right at an integer, found by comparing with exact math.

    Documents the floor rule: the double product floors even when the exact decimal product
    is an integer one ulp above it. Java must floor the same double.
    """
    cases = [
        # 0.29 * 100 is 28.999999999999996 in doubles; the exact decimal product is 29.
        ("bankroll cap one ulp below an integer", 0.10, 0.90, 100, 1.0, 0.29, 1_000, 0.0),
        # 0.07 * 100 is 7.000000000000001: floors to 7, as exact math does.
        ("bankroll cap one ulp above an integer", 0.10, 0.90, 100, 1.0, 0.07, 1_000, 0.0),
    ]
    found_below = found_exact = 0
    for kf_hundredths in range(1, 101):
        kf = kf_hundredths / 100
        for bankroll in (100, 1_000, 10_000, 1_000_000):
            # price 0.5, q 0.75, no fee: f* = 0.5 exactly, so kelly stake = kf * 0.5 * bankroll.
            value = kf * 0.5 * float(bankroll)
            exact = Fraction(kf_hundredths, 100) * Fraction(1, 2) * bankroll
            if exact.denominator != 1:
                continue
            name = None
            if value < exact and found_below < 3:
                found_below += 1
                name = "kelly stake one ulp below exact integer %s" % exact
            elif value == exact and found_exact < 2:
                found_exact += 1
                name = "kelly stake exactly the integer %s" % exact
            if name:
                cases.append((name, 0.5, 0.75, bankroll, kf, 1.0, 10**12, 0.0))
    if found_below == 0:
        raise SystemExit("no below-integer boundary case found; widen the search")
    return cases


# (name, now_ms, signal_ts_ms, window_end_ms, max_ratio)
T0 = 1_767_225_600_000  # 2026-01-01T00:00:00Z
STALENESS_CASES = [
    ("fresh signal", T0, T0, T0 + 300_000, 0.05),
    ("one second old in a five-minute window", T0, T0 - 1_000, T0 + 300_000, 0.05),
    ("exactly at the limit is accepted", T0, T0 - 15_000, T0 + 300_000, 0.05),
    ("4.99 percent is accepted", T0, T0 - 4_990, T0 + 100_000, 0.05),
    ("5.01 percent is rejected", T0, T0 - 5_010, T0 + 100_000, 0.05),
    ("one millisecond over the limit", T0, T0 - 15_001, T0 + 300_000, 0.05),
    ("old signal late in the window", T0, T0 - 10_000, T0 + 20_000, 0.05),
    ("window ends now", T0, T0 - 10, T0, 0.05),
    ("window already over", T0, T0 - 10, T0 - 1, 0.05),
    ("future signal within clock tolerance", T0, T0 + 2_000, T0 + 300_000, 0.05),
    ("future signal beyond clock tolerance", T0, T0 + 2_001, T0 + 300_000, 0.05),
    ("max ratio 0 is refused", T0, T0, T0 + 300_000, 0.0),
    ("max ratio negative is refused", T0, T0, T0 + 300_000, -0.05),
    ("max ratio NaN is refused", T0, T0, T0 + 300_000, NAN),
    ("max ratio infinite is refused", T0, T0, T0 + 300_000, INF),
    ("generous max ratio", T0, T0 - 60_000, T0 + 300_000, 0.5),
    ("hourly window, three minutes old", T0, T0 - 180_000, T0 + 3_600_000, 0.05),
    ("one millisecond left", T0, T0 - 1, T0 + 1, 0.05),
    ("ratio above 1", T0, T0 - 600_000, T0 + 300_000, 2.0),
    ("weight decays linearly at 3 of 5 percent", T0, T0 - 9_000, T0 + 300_000, 0.05),
    ("zero timestamps", 0, 0, 1, 0.05),
]

# (name, signal_log_return, horizon_seconds, dfo_log, vol_per_sqrt_s, seconds_remaining, tolerance_sigma)
SIGNAL_CASES = [
    ("agrees with an up move", 0.002, 1200.0, 0.001, 0.0001, 240.0, 1.5),
    ("agrees with a down move", -0.002, 1200.0, -0.001, 0.0001, 240.0, 1.5),
    ("weak forecast against the move is tolerated", -0.001, 1200.0, 0.002, 0.0001, 240.0, 1.5),
    ("strong forecast against an up move", -0.02, 1200.0, 0.002, 0.0001, 240.0, 1.5),
    ("strong forecast against a down move", 0.02, 1200.0, -0.002, 0.0001, 240.0, 1.5),
    ("strong forecast with the move is implausible", 0.2, 1200.0, 0.002, 0.0001, 240.0, 1.5),
    ("forecast within four bands is plausible", 0.04, 1200.0, 0.002, 0.0001, 240.0, 1.5),
    ("price exactly at the open never disagrees", -0.02, 1200.0, 0.0, 0.0001, 240.0, 1.5),
    ("zero forecast", 0.0, 1200.0, 0.002, 0.0001, 240.0, 1.5),
    ("against the move exactly on the band edge", -1.0, 4.0, 1.0, 1.0, 4.0, 0.5),
    ("against the move just past the band edge", -1.000001, 4.0, 1.0, 1.0, 4.0, 0.5),
    ("with the move exactly on four bands", 4.0, 2.0, 1.0, 1.0, 1.0, 0.5),
    ("with the move just past four bands", 4.000001, 2.0, 1.0, 1.0, 1.0, 0.5),
    ("strong and implausible against the move reports direction", -0.2, 1200.0, 0.002, 0.0001, 240.0, 1.5),
    ("tolerance 0 refuses any non-zero forecast", 0.001, 1200.0, 0.001, 0.0001, 240.0, 0.0),
    ("tolerance 0 with zero forecast", 0.0, 1200.0, 0.001, 0.0001, 240.0, 0.0),
    ("signal NaN", NAN, 1200.0, 0.001, 0.0001, 240.0, 1.5),
    ("signal infinite", INF, 1200.0, 0.001, 0.0001, 240.0, 1.5),
    ("horizon NaN", 0.002, NAN, 0.001, 0.0001, 240.0, 1.5),
    ("dfo negative infinite", 0.002, 1200.0, -INF, 0.0001, 240.0, 1.5),
    ("vol NaN", 0.002, 1200.0, 0.001, NAN, 240.0, 1.5),
    ("seconds remaining infinite", 0.002, 1200.0, 0.001, 0.0001, INF, 1.5),
    ("tolerance NaN", 0.002, 1200.0, 0.001, 0.0001, 240.0, NAN),
    ("horizon 0", 0.002, 0.0, 0.001, 0.0001, 240.0, 1.5),
    ("vol 0", 0.002, 1200.0, 0.001, 0.0, 240.0, 1.5),
    ("vol negative", 0.002, 1200.0, 0.001, -0.0001, 240.0, 1.5),
    ("seconds remaining 0", 0.002, 1200.0, 0.001, 0.0001, 0.0, 1.5),
    ("tolerance negative", 0.002, 1200.0, 0.001, 0.0001, 240.0, -1.0),
    ("one second left", 0.0005, 300.0, 0.0001, 0.0002, 1.0, 1.5),
    ("hourly horizon scaled to five minutes", 0.01, 3600.0, 0.0004, 0.00005, 300.0, 1.5),
]


def random_cases(seed=20260101):
    """Realistic inputs spread over the whole range, from a fixed seed (the file pins them anyway)."""
    rng = random.Random(seed)
    kelly, staleness, signal = [], [], []
    for i in range(24):
        price = round(rng.uniform(0.01, 0.99), 2)
        kelly.append(("random market %d" % i, price, min(1.0, max(0.0, price + rng.uniform(-0.05, 0.15))),
                      rng.randrange(1_000_000, 100_000_000_000), rng.choice((0.1, 0.25, 0.33, 0.5, 1.0)),
                      rng.choice((0.01, 0.05, 0.1, 0.2)), rng.randrange(1_000_000, 1_000_000_000),
                      rng.choice((0.0, 0.0, rng.uniform(0.0, 0.03)))))
    for i in range(12):
        window = rng.choice((300_000, 900_000, 3_600_000))
        now = T0 + rng.randrange(0, window)
        end = T0 + window
        staleness.append(("random signal age %d" % i, now, now - rng.randrange(0, 60_000), end,
                          rng.choice((0.02, 0.05, 0.1))))
    for i in range(12):
        vol = rng.uniform(0.00002, 0.0003)
        remaining = float(rng.randrange(1, 3_600))
        signal.append(("random forecast %d" % i, rng.gauss(0.0, 0.01), rng.choice((300.0, 1200.0, 3600.0, 28800.0)),
                       rng.gauss(0.0, vol * math.sqrt(remaining)), vol, remaining, rng.choice((1.0, 1.5, 2.0))))
    return kelly, staleness, signal


def build():
    random_kelly, random_staleness, random_signal = random_cases()
    kelly = [{"name": c[0],
              "args": dict(zip(("price", "win_prob", "bankroll_micros", "kelly_fraction",
                                "max_bankroll_fraction", "max_order_micros", "fee_per_share"), c[1:])),
              "expected": strategy.calculate_kelly(*c[1:])}
             for c in KELLY_CASES + kelly_boundary_cases() + random_kelly]
    staleness = []
    for c in STALENESS_CASES + random_staleness:
        ratio, weight, accepted, reason = strategy.calculate_staleness(*c[1:])
        staleness.append({"name": c[0],
                          "args": dict(zip(("now_ms", "signal_ts_ms", "window_end_ms", "max_ratio"), c[1:])),
                          "expected": {"ratio": ratio, "weight": weight, "accepted": accepted, "reason": reason}})
    signal = []
    for c in SIGNAL_CASES + random_signal:
        valid, reason = strategy.validate_signal(*c[1:])
        signal.append({"name": c[0],
                       "args": dict(zip(("signal_log_return", "horizon_seconds", "dfo_log", "vol_per_sqrt_s",
                                         "seconds_remaining", "tolerance_sigma"), c[1:])),
                       "expected": {"valid": valid, "reason": reason}})
    for group in (kelly, staleness, signal):
        names = [v["name"] for v in group]
        if len(names) != len(set(names)):
            raise SystemExit("duplicate vector names")
    return {
        "comment": "Generated by python/tests/make_vectors.py from python/strategy.py; do not edit by hand. "
                   "Non-finite doubles are the strings NaN, Infinity, -Infinity.",
        "calculate_kelly": kelly,
        "calculate_staleness": staleness,
        "validate_signal": signal,
    }


def main():
    doc = encode(build())
    text = json.dumps(doc, indent=1, allow_nan=False) + "\n"
    tmp = VECTORS_PATH + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, VECTORS_PATH)
    total = sum(len(doc[k]) for k in ("calculate_kelly", "calculate_staleness", "validate_signal"))
    print("wrote %d vectors to %s" % (total, VECTORS_PATH))


if __name__ == "__main__":
    main()
