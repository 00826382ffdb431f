package io.velocity.marketdata;

/**
 * One Allora network inference for an asset and horizon.
 *
 * @param asset           lower-case asset
 * @param topicId         Allora topic id
 * @param horizon         e.g. {@code 20m}, {@code 8h}
 * @param value           normalised network inference (e.g. a log return)
 * @param lower           lower confidence bound, NaN when absent
 * @param upper           upper confidence bound, NaN when absent
 * @param signalTimeMillis inference timestamp
 * @param stalenessRatio  (now - signal time) / candle time remaining at receipt
 * @param accepted        false when rejected (stale, malformed, ...)
 * @param rejectReason    why it was rejected, "" when accepted
 */
public record AlloraSignal(String asset, int topicId, String horizon, double value, double lower, double upper,
                           long signalTimeMillis, double stalenessRatio, boolean accepted, String rejectReason) {
}
