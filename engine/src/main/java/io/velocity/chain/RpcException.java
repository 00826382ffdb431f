package io.velocity.chain;

/**
 * Base of every failure the chain client reports. Messages name endpoints only in their
 * redacted form (see {@link RpcEndpoint#displayName()}) and never contain key material.
 */
public class RpcException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, safe to log */
    public RpcException(String message) {
        super(message);
    }

    /**
     * @param message what failed, safe to log
     * @param cause   the underlying failure
     */
    public RpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
