package io.velocity.marketdata.allora;

/**
 * One decoded Allora network inference, before validation.
 *
 * @param topicId         topic id (-1 when the reply did not say)
 * @param value           network inference (normalized, or scaled by {@code token_decimals} for older replies)
 * @param lower           lowest confidence-interval value (NaN when absent)
 * @param upper           highest confidence-interval value (NaN when absent)
 * @param timestampMillis inference time (-1 when unknown, e.g. an LCD reply before its block time is looked up)
 * @param blockHeight     inference block height of an LCD reply (-1 otherwise)
 * @param source          {@code consumer} or {@code lcd}
 */
public record AlloraReading(int topicId, double value, double lower, double upper, long timestampMillis,
                            long blockHeight, String source) {

    /** The same reading with its time resolved (LCD replies). */
    public AlloraReading withTimestamp(long millis) {
        return new AlloraReading(topicId, value, lower, upper, millis, blockHeight, source);
    }
}
