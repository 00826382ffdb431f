package io.velocity.telemetry.clock;

/** A reference clock the local clock is compared with (NTP, a venue's server time). */
public interface TimeSource {

    /** A name for health details, e.g. {@code ntp} or {@code binance}. */
    String name();

    /**
     * Measures the offset now. Blocking (network I/O): called from the drift monitor's thread only.
     *
     * @throws Exception when the source cannot be reached or answers nonsense
     */
    OffsetSample sample() throws Exception;

    /**
     * One measurement.
     *
     * @param offsetMillis      reference time minus local time (positive: the local clock is behind)
     * @param uncertaintyMillis half the round trip: the true offset lies within ± this
     * @param detail            which server answered, for the trader
     */
    record OffsetSample(long offsetMillis, long uncertaintyMillis, String detail) {
        /** The smallest drift consistent with the measurement. */
        public long driftLowerBoundMillis() {
            return Math.max(0, Math.abs(offsetMillis) - uncertaintyMillis);
        }
    }
}
