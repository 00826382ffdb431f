package io.velocity.chain;

/**
 * Told about every transaction {@link TransactionSender} handles, so it can be recorded (gas
 * estimate vs actual, pending transactions for restart recovery). Calls come on the sending
 * thread; an exception thrown here is logged and ignored, never failing the transaction.
 */
public interface TransactionObserver {

    /** Records nothing. */
    TransactionObserver NONE = new TransactionObserver() { };

    /**
     * The transaction was broadcast, for the first time or as a replacement.
     *
     * @param pending the transaction, {@link PendingTransaction#latestHash()} being the new hash
     */
    default void onBroadcast(PendingTransaction pending) {
    }

    /**
     * One of the transaction's hashes was mined successfully.
     *
     * @param mined the result with its gas usage
     */
    default void onMined(MinedTransaction mined) {
    }

    /**
     * One of the transaction's hashes was mined and reverted: its gas is spent.
     *
     * @param pending the transaction
     * @param hash    the hash that was mined
     * @param gas     estimate vs actual
     * @param reason  the replayed revert reason
     */
    default void onReverted(PendingTransaction pending, String hash, GasUsage gas, RevertReason reason) {
    }

    /**
     * The nonce was used by another transaction: none of this transaction's hashes can be mined.
     *
     * @param pending the transaction
     */
    default void onDropped(PendingTransaction pending) {
    }
}
