package io.velocity.chain;

/**
 * No configured endpoint delivered an answer: connection refused, timeout, HTTP error status
 * or an unparseable reply, on every attempt. Retrying later may succeed.
 */
public final class RpcTransportException extends RpcException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, safe to log
     * @param cause   the last underlying failure, may be null
     */
    public RpcTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
