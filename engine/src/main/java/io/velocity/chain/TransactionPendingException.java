package io.velocity.chain;

/**
 * A transaction was accepted by the node but no receipt appeared within the wait limit. The
 * transaction may still be mined: callers must keep tracking {@link #transactionHash()} rather
 * than assume it failed.
 */
public final class TransactionPendingException extends RpcException {

    private static final long serialVersionUID = 1L;

    private final String transactionHash;

    /**
     * @param transactionHash the submitted transaction
     * @param message         how long was waited, safe to log
     */
    public TransactionPendingException(String transactionHash, String message) {
        super(message);
        this.transactionHash = transactionHash;
    }

    /** @return the hash of the still-pending transaction */
    public String transactionHash() {
        return transactionHash;
    }
}
