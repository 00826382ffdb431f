"""Test double of python/strategy.py for PythonStrategyTest: the real functions, except that
Kelly requests with one of the bankrolls below misbehave on purpose (slow, raising, or
returning the wrong type), so the bridge's fallback paths run against a real interpreter."""

import time

import strategy
from strategy import calculate_staleness, validate_signal  # noqa: F401  (served unchanged)

SLOW_BANKROLL_MICROS = 7_000_001
SLOW_SECONDS = 0.75
RAISING_BANKROLL_MICROS = 7_000_002
MALFORMED_BANKROLL_MICROS = 7_000_003


def calculate_kelly(price, win_prob, bankroll_micros, kelly_fraction, max_bankroll_fraction,
                    max_order_micros, fee_per_share):
    if bankroll_micros == SLOW_BANKROLL_MICROS:
        time.sleep(SLOW_SECONDS)
    if bankroll_micros == RAISING_BANKROLL_MICROS:
        raise ValueError("probe failure for bankroll %d" % bankroll_micros)
    if bankroll_micros == MALFORMED_BANKROLL_MICROS:
        return "not a stake"
    return strategy.calculate_kelly(price, win_prob, bankroll_micros, kelly_fraction, max_bankroll_fraction,
                                    max_order_micros, fee_per_share)
