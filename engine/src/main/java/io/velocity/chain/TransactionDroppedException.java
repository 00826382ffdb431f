package io.velocity.chain;

/**
 * A transaction's nonce was used by another transaction, so none of its broadcasts can ever be
 * mined. Whatever it was meant to do did not happen; the caller decides whether to send it again.
 */
public final class TransactionDroppedException extends RpcException {

    private static final long serialVersionUID = 1L;

    /** @param message which transaction and nonce, safe to log */
    public TransactionDroppedException(String message) {
        super(message);
    }
}
