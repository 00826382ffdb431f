package io.velocity.chain;

import java.math.BigInteger;
import org.web3j.abi.datatypes.Address;

/**
 * Hands out account nonces. The execution layer's nonce manager implements this for order flow;
 * {@link NodeNonceSource} serves low-rate transactions (redemptions, approvals) until then.
 */
public interface NonceSource {

    /**
     * @param account the sending account
     * @return a nonce nobody else in this process will be given
     */
    BigInteger reserve(Address account);

    /**
     * Gives back a nonce that was never broadcast (the node refused the transaction), so the
     * next reservation reuses it instead of leaving a gap that would stall every later transaction.
     *
     * @param account the sending account
     * @param nonce   the reserved, unused nonce
     */
    void release(Address account, BigInteger nonce);

    /**
     * Forgets what this source believes and asks the chain again (after "nonce too low").
     *
     * @param account the sending account
     */
    void resync(Address account);
}
