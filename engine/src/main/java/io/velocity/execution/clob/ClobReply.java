package io.velocity.execution.clob;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of one Rail A request, classified once: a value, an order error (the venue refused
 * the request itself: HTTP 4xx other than 429, or a per-order {@code success: false}; never resent
 * elsewhere, the venue's message kept) or a rail failure (timeouts, connection failures, 5xx, 429,
 * unreadable answers: failover-eligible).
 *
 * @param status       which of the three
 * @param value        the parsed answer (OK only)
 * @param httpStatus   the HTTP status, 0 when there was no answer
 * @param failure      why the rail failed (RAIL_FAILURE only)
 * @param message      the venue's message or the failure description
 * @param latencyNanos request to answer (or to failure)
 * @param <T>          the parsed answer type
 */
public record ClobReply<T>(Status status, T value, int httpStatus, RailFailure failure, String message,
                           long latencyNanos) {

    /** The three classes of outcome. */
    public enum Status { OK, ORDER_ERROR, RAIL_FAILURE }

    public ClobReply {
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
    }

    public static <T> ClobReply<T> ok(T value, int httpStatus, long latencyNanos) {
        return new ClobReply<>(Status.OK, value, httpStatus, null, "", latencyNanos);
    }

    public static <T> ClobReply<T> orderError(int httpStatus, String message, long latencyNanos) {
        return new ClobReply<>(Status.ORDER_ERROR, null, httpStatus, null, message, latencyNanos);
    }

    public static <T> ClobReply<T> railFailure(RailFailure failure, int httpStatus, String message, long latencyNanos) {
        return new ClobReply<>(Status.RAIL_FAILURE, null, httpStatus, Objects.requireNonNull(failure), message, latencyNanos);
    }

    public boolean ok() {
        return status == Status.OK;
    }

    public boolean railFailed() {
        return status == Status.RAIL_FAILURE;
    }

    public boolean orderError() {
        return status == Status.ORDER_ERROR;
    }

    /** The same outcome with the value mapped (failures pass through). */
    public <R> ClobReply<R> map(Function<T, R> f) {
        return status == Status.OK ? ok(f.apply(value), httpStatus, latencyNanos)
                : new ClobReply<>(status, null, httpStatus, failure, message, latencyNanos);
    }

    /** One line for the trader: the venue's message, or the failure and its description. */
    public String describe() {
        return switch (status) {
            case OK -> "ok";
            case ORDER_ERROR -> message.isEmpty() ? "HTTP " + httpStatus : message;
            case RAIL_FAILURE -> failure.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : "") + (message.isEmpty() ? "" : ": " + message);
        };
    }
}
