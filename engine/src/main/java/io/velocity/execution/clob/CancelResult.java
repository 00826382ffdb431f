package io.velocity.execution.clob;

import java.util.Map;
import java.util.Set;

/**
 * The venue's answer to a cancel: {@code {"canceled": [ids], "not_canceled": {id: reason}}}.
 *
 * @param canceled    ids confirmed cancelled
 * @param notCanceled ids the venue did not cancel, with its reason (already matched, not found, ...)
 */
public record CancelResult(Set<String> canceled, Map<String, String> notCanceled) {
    public CancelResult {
        canceled = Set.copyOf(canceled);
        notCanceled = Map.copyOf(notCanceled);
    }

    public boolean confirmed(String orderId) {
        return canceled.contains(orderId.toLowerCase(java.util.Locale.ROOT)) || canceled.contains(orderId);
    }
}
