package io.velocity.security;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The two keys derived from a password: Argon2id(password, salt) gives a 32-byte master secret,
 * and HKDF-Expand with distinct labels turns it into an AES-256 encryption key and an
 * independent password-verifier key. The verifier lets unlock tell "wrong password" (exit 3)
 * from "file damaged" (exit 4) without weakening anything: checking it costs an attacker the
 * same Argon2 run as trying to decrypt. Both keys are zeroed on {@link #close()}.
 */
final class KeystoreKeys implements AutoCloseable {
    private static final byte[] ENCRYPTION_LABEL = "velocity-keystore/v1/aes-256-gcm-key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VERIFIER_LABEL = "velocity-keystore/v1/password-verifier".getBytes(StandardCharsets.US_ASCII);

    private final byte[] encryptionKey;
    private final byte[] verifierKey;

    private KeystoreKeys(byte[] encryptionKey, byte[] verifierKey) {
        this.encryptionKey = encryptionKey;
        this.verifierKey = verifierKey;
    }

    /** Runs Argon2id (the expensive part of unlock) and expands the result into the two keys. */
    static KeystoreKeys derive(char[] password, KdfParams kdf, byte[] salt) {
        byte[] pw = SecretBytes.utf8(password, "the password");
        byte[] master = new byte[32];
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(kdf.memoryKiB())
                .withIterations(kdf.iterations())
                .withParallelism(kdf.parallelism())
                .build();
        try {
            Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
            argon2.init(params);
            // generateBytes(byte[]) rather than (char[]): BC's own char conversion leaves an unzeroed copy.
            argon2.generateBytes(pw, master);
            return new KeystoreKeys(expand(master, ENCRYPTION_LABEL), expand(master, VERIFIER_LABEL));
        } finally {
            SecretBytes.zero(pw, master);
            params.clear();
        }
    }

    private static byte[] expand(byte[] master, byte[] label) {
        // The Argon2 output is already uniformly random, so HKDF's extract step is skipped (RFC 5869 §3.3).
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(HKDFParameters.skipExtractParameters(master, label));
        byte[] out = new byte[32];
        hkdf.generateBytes(out, 0, out.length);
        return out;
    }

    /** HMAC-SHA256 under the verifier key of the header fields that fix the key derivation. */
    byte[] verifier(byte[] kdfFields) {
        KeyParameter key = new KeyParameter(verifierKey);
        try {
            HMac mac = new HMac(new SHA256Digest());
            mac.init(key);
            mac.update(kdfFields, 0, kdfFields.length);
            byte[] out = new byte[mac.getMacSize()];
            mac.doFinal(out, 0);
            return out;
        } finally {
            SecretBytes.zero(key.getKey());
        }
    }

    /** Constant-time comparison of a stored verifier with the one these keys produce. */
    boolean matches(byte[] kdfFields, byte[] storedVerifier) {
        return MessageDigest.isEqual(verifier(kdfFields), storedVerifier);
    }

    /** A new key parameter holding a copy of the encryption key; the caller zeroes {@code getKey()}. */
    KeyParameter encryptionKey() {
        return new KeyParameter(encryptionKey);
    }

    @Override
    public void close() {
        SecretBytes.zero(encryptionKey, verifierKey);
    }
}
