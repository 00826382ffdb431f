package io.velocity.execution;

/**
 * One {@code trade_logs} row written by the orchestrator for an intent: what happened on which
 * rail, how long it took, and the execution path so far ({@code A}, {@code A->B},
 * {@code A->B refused}, ...). Steps of one trace are numbered from 1; step 0 belongs to the
 * engine's decision row.
 *
 * @param traceId       the intent's trace id
 * @param step          step number within the trace, from 1
 * @param epochMillis   when it happened
 * @param stage         what happened
 * @param clientOrderId the engine's order id
 * @param conditionId   market
 * @param tokenId       outcome token
 * @param buy           side
 * @param marketable    a FOK/FAK order (a Snipe) rather than a resting one (a Ladder rung)
 * @param priceE4       order price (fill price for FILL) in 1e-4 units
 * @param sizeMicros    order size (fill size for FILL) in micro-shares
 * @param feeMicros     taker fee of a fill
 * @param gasMicros     gas paid on Rail B, in micro-units of the gas token (0 on Rail A)
 * @param rail          {@code A}, {@code B} or {@code NONE}
 * @param path          the execution path so far
 * @param latencyMicros time from the intent (or the step's request) to this step
 * @param outcome       short text: the venue's message, the revert reason, "filled" ...
 */
public record ExecutionStep(String traceId, int step, long epochMillis, ExecutionStage stage, long clientOrderId,
                            String conditionId, String tokenId, boolean buy, boolean marketable, long priceE4, long sizeMicros,
                            long feeMicros, long gasMicros, String rail, String path, long latencyMicros,
                            String outcome) {
}
