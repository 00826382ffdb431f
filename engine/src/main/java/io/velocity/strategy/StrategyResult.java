package io.velocity.strategy;

/**
 * The answer to one submitted {@link StrategyRequest}, delivered exactly once.
 *
 * @param requestId      the id the caller submitted it with
 * @param request        the request itself
 * @param answer         the answer; its type matches the request ({@link KellyStake} for a
 *                       {@link KellyRequest}, {@link StalenessResult}, {@link SignalCheck})
 * @param source         who computed it
 * @param fallbackReason why the Java fallback answered, {@link FallbackReason#NONE} for Python
 * @param latencyNanos   from submission to this answer, including time queued
 */
public record StrategyResult(long requestId, StrategyRequest request, StrategyAnswer answer, AnswerSource source,
                             FallbackReason fallbackReason, long latencyNanos) {

    /** True when the Java fallback answered. */
    public boolean isFallback() {
        return source == AnswerSource.JAVA_FALLBACK;
    }
}
