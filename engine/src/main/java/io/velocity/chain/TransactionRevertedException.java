package io.velocity.chain;

/**
 * A transaction was mined but reverted (receipt status 0). Its gas is spent; the reason is
 * recovered by replaying the call against the block it was mined in.
 */
public final class TransactionRevertedException extends ExecutionRevertedException {

    private static final long serialVersionUID = 1L;

    private final String transactionHash;

    /**
     * @param transactionHash the mined transaction
     * @param reason          the replayed revert reason
     */
    public TransactionRevertedException(String transactionHash, RevertReason reason) {
        super("transaction " + transactionHash, reason);
        this.transactionHash = transactionHash;
    }

    /** @return the hash of the reverted transaction */
    public String transactionHash() {
        return transactionHash;
    }
}
