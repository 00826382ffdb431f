package io.velocity.chain;

import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.RawTransaction;

/**
 * Signs transactions for one account. Implementations keep the key to themselves: nothing here
 * returns or prints it.
 */
public interface TransactionSigner {

    /** @return the account that signs and pays */
    Address address();

    /**
     * @param transaction an EIP-1559 transaction carrying its chain id
     * @return the signed, RLP-encoded transaction as {@code 0x}-hex
     */
    String sign(RawTransaction transaction);
}
