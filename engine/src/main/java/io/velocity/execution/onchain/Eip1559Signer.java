package io.velocity.execution.onchain;

import io.velocity.execution.signing.EthAddress;
import io.velocity.execution.signing.Keccak256;
import io.velocity.execution.signing.Secp256k1Signer;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Signs raw EIP-1559 (type 2) transactions with the same secp256k1 key object that signs orders,
 * so the key exists once in memory and is zeroed once ({@link Secp256k1Signer#close()}). The
 * signing hash is {@code keccak256(0x02 || rlp(chainId, nonce, tip, maxFee, gas, to, value, data,
 * accessList))}; the signature's v (27/28) becomes the y-parity web3j's encoder writes.
 */
public final class Eip1559Signer {
    private final Secp256k1Signer key;
    private final long chainId;

    public Eip1559Signer(Secp256k1Signer key, long chainId) {
        this.key = key;
        this.chainId = chainId;
    }

    /** The sending address. */
    public EthAddress address() {
        return key.address();
    }

    public long chainId() {
        return chainId;
    }

    /**
     * Signs one transaction.
     *
     * @param nonce    the sender's nonce
     * @param fees     tip and max fee per gas, in wei
     * @param gasLimit gas limit
     * @param to       recipient or contract
     * @param data     call data as {@code 0x}-hex ({@code 0x} for none)
     */
    public SignedTransaction sign(long nonce, Fees fees, long gasLimit, String to, String data) {
        RawTransaction raw = RawTransaction.createTransaction(chainId, BigInteger.valueOf(nonce),
                BigInteger.valueOf(gasLimit), to, BigInteger.ZERO, data, fees.tipWei(), fees.maxFeeWei());
        byte[] unsigned = TransactionEncoder.encode(raw);
        byte[] signature = key.sign(Keccak256.hash(unsigned));
        Sign.SignatureData sig = new Sign.SignatureData(signature[64], Arrays.copyOfRange(signature, 0, 32),
                Arrays.copyOfRange(signature, 32, 64));
        byte[] signed = TransactionEncoder.encode(raw, sig);
        return new SignedTransaction(Numeric.toHexString(signed), Numeric.toHexString(Keccak256.hash(signed)), nonce,
                fees, gasLimit, to, data);
    }
}
