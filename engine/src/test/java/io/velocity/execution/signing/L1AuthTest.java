package io.velocity.execution.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ClobAuth vectors are the ones published in Polymarket's official client test suites (the
 * publicly known anvil key 0, timestamp 10000000, nonce 23).
 */
class L1AuthTest {

    private final Secp256k1Signer key = Secp256k1Signer.fromPrivateKey(
            Hex.decode("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", 32, "key"));

    @AfterEach
    void closeKey() {
        key.close();
    }

    @Test
    void signatureMatchesOfficialClientVectorOnAmoy() {
        assertThat(Hex.encode(new L1Auth(80002).sign(key, 10_000_000L, 23)))
                .isEqualTo("0xf62319a987514da40e57e2f4d7529f7bac38f0355bd88bb5adbb3768d80de6c1"
                        + "682518e0af677d5260366425f4361e7b70c25ae232aff0ab2331e2b164a1aedc1b");
    }

    @Test
    void signatureMatchesOfficialClientVectorOnMumbai() {
        assertThat(Hex.encode(new L1Auth(80001).sign(key, 10_000_000L, 23)))
                .isEqualTo("0xd91760ebcb14e814e9e12600b9bc7cd6bf13ebc175f6a28538b4925763f94f90"
                        + "012da34dd71290d441c28bc4f9b2281d3eb9ecfd1c9a63db1ce9ca85c89c914c1b");
    }

    @Test
    void headersCarryChecksummedAddressSignatureTimestampAndNonceInOrder() {
        L1Auth auth = new L1Auth(137);

        Map<String, String> headers = auth.headers(key, 1_780_000_000L, 0);

        assertThat(headers).containsExactly(
                Map.entry(ClobHeaders.POLY_ADDRESS, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
                Map.entry(ClobHeaders.POLY_SIGNATURE, Hex.encode(auth.sign(key, 1_780_000_000L, 0))),
                Map.entry(ClobHeaders.POLY_TIMESTAMP, "1780000000"),
                Map.entry(ClobHeaders.POLY_NONCE, "0"));
        byte[] signature = Hex.decode(headers.get(ClobHeaders.POLY_SIGNATURE), 65, "sig");
        assertThat(Secp256k1Signer.recoverAddress(auth.digest(key.address(), 1_780_000_000L, 0), signature))
                .contains(key.address());
    }

    @Test
    void rejectsNegativeValuesAndBadChainId() {
        L1Auth auth = new L1Auth(137);
        assertThatThrownBy(() -> auth.digest(key.address(), -1, 0)).hasMessageStartingWith("timestamp: ");
        assertThatThrownBy(() -> auth.digest(key.address(), 1, -1)).hasMessageStartingWith("nonce: ");
        assertThatThrownBy(() -> new L1Auth(0)).hasMessageStartingWith("chainId: ");
    }
}
