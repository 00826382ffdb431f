package io.velocity.execution.onchain;

import io.velocity.execution.signing.Hex;
import io.velocity.execution.signing.Secp256k1Signer;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

class Eip1559SignerTest {
    private static final String KEY = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";

    @Test
    void signsExactlyWhatWeb3jSignsWithTheSameKey() throws Exception {
        Fees fees = new Fees(BigInteger.valueOf(30_000_000_000L), BigInteger.valueOf(130_000_000_000L));
        try (Secp256k1Signer key = Secp256k1Signer.fromPrivateKey(Hex.decode(KEY, 32, "key"))) {
            SignedTransaction ours = new Eip1559Signer(key, 137).sign(12, fees, 250_000,
                    "0xe111180000d2663c0091e4f400237545b87b996b", "0xdeadbeef");

            RawTransaction raw = RawTransaction.createTransaction(137, BigInteger.valueOf(12), BigInteger.valueOf(250_000),
                    "0xe111180000d2663c0091e4f400237545b87b996b", BigInteger.ZERO, "0xdeadbeef", fees.tipWei(), fees.maxFeeWei());
            String theirs = Numeric.toHexString(TransactionEncoder.signMessage(raw, Credentials.create(KEY)));

            assertThat(ours.rawHex()).isEqualTo(theirs);
            assertThat(ours.hash()).isEqualTo(Hash.sha3(theirs));
            SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(ours.rawHex());
            assertThat(decoded.getFrom()).isEqualToIgnoringCase(key.address().toLowerHex());
            assertThat(((org.web3j.crypto.transaction.type.Transaction1559) decoded.getTransaction()).getChainId())
                    .isEqualTo(137);
        }
    }
}
