package io.velocity.engine;

import io.velocity.orders.OrderRequest;
import io.velocity.strategy.Analysis;

/**
 * Receives every taken intent and every risk rejection with its trace id, for the trade journal
 * and database. Called on the engine thread: implementations must only hand off (a queue offer),
 * never perform I/O.
 */
public interface DecisionListener {
    /** An order was sent for {@code analysis}. */
    void onIntent(OrderRequest request, String intentType, Analysis analysis, String slug);

    /** Risk refused an intent. */
    void onRiskRejected(String traceId, String conditionId, String intentType, String rule);

    /** Does nothing. */
    DecisionListener NONE = new DecisionListener() {
        @Override
        public void onIntent(OrderRequest request, String intentType, Analysis analysis, String slug) {
        }

        @Override
        public void onRiskRejected(String traceId, String conditionId, String intentType, String rule) {
        }
    };
}
