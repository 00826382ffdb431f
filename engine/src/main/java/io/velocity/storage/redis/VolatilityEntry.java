package io.velocity.storage.redis;

/**
 * A cached realised-volatility estimate of one asset.
 *
 * @param asset              e.g. "btc"
 * @param sigmaPerSqrtSecond realised volatility per √second
 * @param samples            returns behind the estimate
 * @param updatedAtMillis    when it was computed
 */
public record VolatilityEntry(String asset, double sigmaPerSqrtSecond, int samples, long updatedAtMillis) {
}
