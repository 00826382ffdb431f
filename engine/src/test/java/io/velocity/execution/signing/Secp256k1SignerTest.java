package io.velocity.execution.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Secp256k1SignerTest {

    private static final String KEY_HEX = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private static final EthAddress KEY_ADDRESS = EthAddress.parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

    private static byte[] key() {
        return Hex.decode(KEY_HEX, 32, "key");
    }

    private static byte[] digest(long seed) {
        byte[] d = new byte[32];
        new Random(seed).nextBytes(d);
        return d;
    }

    @Test
    void signsDeterministicallySoTheSameDigestGivesTheSameBytes() {
        try (Secp256k1Signer a = Secp256k1Signer.fromPrivateKey(key());
             Secp256k1Signer b = Secp256k1Signer.fromPrivateKey(key())) {
            assertThat(a.sign(digest(1))).isEqualTo(b.sign(digest(1))).isEqualTo(a.sign(digest(1)));
            assertThat(a.sign(digest(1))).isNotEqualTo(a.sign(digest(2)));
        }
    }

    @Test
    void everySignatureIsLowSWithV27Or28AndRecoversToTheKeyAddress() {
        try (Secp256k1Signer signer = Secp256k1Signer.fromPrivateKey(key())) {
            assertThat(signer.address()).isEqualTo(KEY_ADDRESS);
            boolean sawV27 = false;
            boolean sawV28 = false;
            for (int i = 0; i < 64; i++) {
                byte[] digest = digest(100 + i);
                byte[] signature = signer.sign(digest);

                assertThat(signature).hasSize(65);
                assertThat(Secp256k1Signer.isLowS(signature)).as("low s for digest %d", i).isTrue();
                assertThat(Secp256k1Signer.recoverAddress(digest, signature)).contains(KEY_ADDRESS);
                sawV27 |= signature[64] == 27;
                sawV28 |= signature[64] == 28;
            }
            assertThat(sawV27).as("some signature has v = 27").isTrue();
            assertThat(sawV28).as("some signature has v = 28").isTrue();
        }
    }

    @Test
    void highSTwinRecoversLikeEcrecoverButIsNotLowS() {
        try (Secp256k1Signer signer = Secp256k1Signer.fromPrivateKey(key())) {
            byte[] digest = digest(7);
            byte[] signature = signer.sign(digest);
            byte[] twin = signature.clone();
            BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
            Words.putUint(Secp256k1.N.subtract(s), twin, 32);
            twin[64] = (byte) (signature[64] == 27 ? 28 : 27); // negating s flips R's parity

            assertThat(Secp256k1Signer.recoverAddress(digest, twin)).contains(KEY_ADDRESS);
            assertThat(Secp256k1Signer.isLowS(twin)).isFalse();
        }
    }

    @Test
    void recoveryOfAlteredDigestOrFlippedVGivesAnotherAddress() {
        try (Secp256k1Signer signer = Secp256k1Signer.fromPrivateKey(key())) {
            byte[] digest = digest(8);
            byte[] signature = signer.sign(digest);
            byte[] otherDigest = digest.clone();
            otherDigest[0] ^= 1;
            byte[] flippedV = signature.clone();
            flippedV[64] = (byte) (signature[64] == 27 ? 28 : 27);

            assertThat(Secp256k1Signer.recoverAddress(otherDigest, signature)).isNotEqualTo(java.util.Optional.of(KEY_ADDRESS));
            assertThat(Secp256k1Signer.recoverAddress(digest, flippedV)).isNotEqualTo(java.util.Optional.of(KEY_ADDRESS));
        }
    }

    @Test
    void recoverRejectsMalformedSignaturesWithEmpty() {
        try (Secp256k1Signer signer = Secp256k1Signer.fromPrivateKey(key())) {
            byte[] digest = digest(9);
            byte[] good = signer.sign(digest);

            for (int v : new int[] {0, 1, 26, 29, 255}) {
                byte[] bad = good.clone();
                bad[64] = (byte) v;
                assertThat(Secp256k1Signer.recoverAddress(digest, bad)).as("v=%d", v).isEmpty();
            }
            byte[] zeroR = good.clone();
            java.util.Arrays.fill(zeroR, 0, 32, (byte) 0);
            assertThat(Secp256k1Signer.recoverAddress(digest, zeroR)).isEmpty();
            byte[] zeroS = good.clone();
            java.util.Arrays.fill(zeroS, 32, 64, (byte) 0);
            assertThat(Secp256k1Signer.recoverAddress(digest, zeroS)).isEmpty();
            byte[] sIsN = good.clone();
            Words.putUint(Secp256k1.N, sIsN, 32);
            assertThat(Secp256k1Signer.recoverAddress(digest, sIsN)).isEmpty();
            assertThat(Secp256k1Signer.recoverAddress(digest, java.util.Arrays.copyOf(good, 64))).isEmpty();
            assertThat(Secp256k1Signer.recoverAddress(digest, null)).isEmpty();
        }
    }

    @Test
    void recoverRejectsRThatIsNotAnXCoordinateOnTheCurve() {
        byte[] digest = digest(10);
        // smallest x for which x^3 + 7 is not a square mod p (Euler's criterion): no point has it
        BigInteger p = Secp256k1.P;
        BigInteger x = BigInteger.ONE;
        while (x.pow(3).add(BigInteger.valueOf(7)).modPow(p.shiftRight(1), p).equals(BigInteger.ONE)) {
            x = x.add(BigInteger.ONE);
        }
        byte[] signature = new byte[65];
        Words.putUint(x, signature, 0);
        signature[63] = 1;
        signature[64] = 27;

        assertThat(Secp256k1Signer.recoverAddress(digest, signature)).isEmpty();
    }

    @Test
    void rejectsDigestsThatAreNot32Bytes() {
        try (Secp256k1Signer signer = Secp256k1Signer.fromPrivateKey(key())) {
            assertThatThrownBy(() -> signer.sign(new byte[31])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("digest: must be 32 bytes");
            assertThatThrownBy(() -> Secp256k1Signer.recoverAddress(new byte[33], new byte[65]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rejectsInvalidKeysWithoutEchoingThem() {
        byte[] zero = new byte[32];
        byte[] n = Secp256k1.N.toByteArray(); // 33 bytes with a leading 0x00
        byte[] nKey = java.util.Arrays.copyOfRange(n, n.length - 32, n.length);
        byte[] shortKey = java.util.Arrays.copyOf(key(), 31);

        assertThatThrownBy(() -> Secp256k1Signer.fromPrivateKey(zero))
                .hasMessage("privateKey: not a valid secp256k1 private key (must be in [1, n-1])");
        assertThatThrownBy(() -> Secp256k1Signer.fromPrivateKey(nKey))
                .hasMessage("privateKey: not a valid secp256k1 private key (must be in [1, n-1])");
        assertThatThrownBy(() -> Secp256k1Signer.fromPrivateKey(shortKey))
                .hasMessage("privateKey: must be 32 bytes, got 31")
                .hasMessageNotContaining(KEY_HEX.substring(2, 20));
        assertThatThrownBy(() -> Secp256k1Signer.fromPrivateKey(null)).hasMessageStartingWith("privateKey: required");
    }

    @Test
    void keepsItsOwnCopyOfTheKey() {
        byte[] callerKey = key();
        try (Secp256k1Signer signer = Secp256k1Signer.fromPrivateKey(callerKey)) {
            byte[] before = signer.sign(digest(11));
            java.util.Arrays.fill(callerKey, (byte) 0); // caller wipes its array, as it should

            assertThat(signer.sign(digest(11))).isEqualTo(before);
        }
    }

    @Test
    void closeZeroesTheKeyCopyAndRefusesToSign() throws ReflectiveOperationException {
        Secp256k1Signer signer = Secp256k1Signer.fromPrivateKey(key());
        Field field = Secp256k1Signer.class.getDeclaredField("privateKey");
        field.setAccessible(true);

        signer.close();
        signer.close(); // idempotent

        assertThat((byte[]) field.get(signer)).containsOnly((byte) 0);
        assertThat(signer.isClosed()).isTrue();
        assertThat(signer.address()).isEqualTo(KEY_ADDRESS);
        assertThatThrownBy(() -> signer.sign(digest(12))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void toStringNamesTheAddressNeverTheKey() {
        try (Secp256k1Signer signer = Secp256k1Signer.fromPrivateKey(key())) {
            assertThat(signer.toString()).contains(KEY_ADDRESS.toChecksumHex())
                    .doesNotContain(KEY_HEX.substring(2)).doesNotContain(KEY_HEX.substring(2, 12));
        }
    }

    @Test
    void signsIntoCallerBufferAtOffset() {
        try (Secp256k1Signer signer = Secp256k1Signer.fromPrivateKey(key())) {
            byte[] out = new byte[70];
            signer.sign(digest(13), out, 5);

            assertThat(java.util.Arrays.copyOfRange(out, 5, 70)).isEqualTo(signer.sign(digest(13)));
            assertThatThrownBy(() -> signer.sign(digest(13), new byte[64], 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
