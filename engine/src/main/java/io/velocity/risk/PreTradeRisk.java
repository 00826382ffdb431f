package io.velocity.risk;

import io.velocity.config.RiskConfig;

/**
 * Checks every order before it is sent. Runs on the engine thread, allocation-free; the answer is
 * a {@link RiskRule} value (PASS or the rule that refused), never an exception.
 */
public final class PreTradeRisk {
    private static final long MIN_MARKETABLE_NOTIONAL_MICROS = 1_000_000;

    private final KillSwitch killSwitch;
    private RiskConfig limits;
    private long[] sendTimes;
    private int sendHead;
    private int sendCount;

    public PreTradeRisk(KillSwitch killSwitch, RiskConfig limits) {
        this.killSwitch = killSwitch;
        configure(limits);
    }

    /** Applies new limits after a config reload (engine thread). */
    public void configure(RiskConfig newLimits) {
        this.limits = newLimits;
        if (sendTimes == null || sendTimes.length != newLimits.maxOrdersPerMinute()) {
            sendTimes = new long[newLimits.maxOrdersPerMinute()];
            sendHead = 0;
            sendCount = 0;
        }
    }

    /** Checks {@code o} at {@code nowMillis}. */
    public RiskRule check(OrderCheck o, long nowMillis) {
        if (killSwitch.isHalted()) {
            return RiskRule.HALTED;
        }
        if (o.priceE4 < o.tickE4 || o.priceE4 > 10_000 - o.tickE4) {
            return RiskRule.INVALID_PRICE;
        }
        if (o.tickE4 <= 0 || o.priceE4 % o.tickE4 != 0) {
            return RiskRule.OFF_TICK;
        }
        long notional = o.notionalMicros();
        if (o.marketable ? notional < MIN_MARKETABLE_NOTIONAL_MICROS : o.sizeMicros < o.minOrderSizeMicros) {
            return RiskRule.BELOW_MIN_SIZE;
        }
        if (notional > limits.maxOrderUsd()) {
            return RiskRule.MAX_ORDER_SIZE;
        }
        if (o.marketExposureMicros + notional > limits.maxPositionPerMarketUsd()) {
            return RiskRule.MAX_POSITION_MARKET;
        }
        if (o.windowExposureMicros + notional > limits.maxPositionPerWindowUsd()) {
            return RiskRule.MAX_POSITION_WINDOW;
        }
        if (Math.abs(o.priceE4 / 1e4 - o.fairProbability) > limits.priceCollar() || Double.isNaN(o.fairProbability)) {
            return RiskRule.PRICE_COLLAR;
        }
        // Buying Up at p and Down at q with p + q >= 1 locks in a loss after fees.
        if (o.oppositeRestingBuyE4 > 0 && o.priceE4 + o.oppositeRestingBuyE4 >= 10_000) {
            return RiskRule.SELF_CROSS;
        }
        if (o.secondsLeft * 1000.0 < limits.noNewRiskBeforeEnd().toMillis()) {
            return RiskRule.NEAR_WINDOW_END;
        }
        if (sendCount == sendTimes.length && nowMillis - sendTimes[sendHead] < 60_000) {
            return RiskRule.THROTTLE;
        }
        return RiskRule.PASS;
    }

    /** Records that an order was actually sent (counts towards the throttle). */
    public void recordSend(long nowMillis) {
        sendTimes[sendHead] = nowMillis;
        sendHead = (sendHead + 1) % sendTimes.length;
        if (sendCount < sendTimes.length) {
            sendCount++;
        }
    }
}
