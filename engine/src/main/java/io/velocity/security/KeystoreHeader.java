package io.velocity.security;

import io.velocity.core.IntegrityException;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The plaintext header of {@code secrets.enc}. All integers are big-endian.
 *
 * <pre>
 * every version:
 *   0   8  magic            89 'V' 'K' 'S' 0D 0A 1A 0A  (PNG-style: catches text-mode mangling)
 *   8   2  format version
 *  10   2  header length H  (so any version's checksum can be checked before its version is understood)
 *  H-32 32 header checksum  SHA-256 of bytes [0, H-32)
 * version 1 (H = 118):
 *  12   1  KDF id           1 = Argon2id v1.3
 *  13   4  memory (KiB)
 *  17   4  iterations
 *  21   1  parallelism
 *  22  16  salt
 *  38  32  password verifier  HMAC-SHA256(verifier key, bytes [0, 38))
 *  70  12  GCM nonce        fresh from SecureRandom on every write
 *  82   4  ciphertext length C (includes the 16-byte tag)
 *  86  32  header checksum
 * 118   C  AES-256-GCM ciphertext of the entries, with the whole header (bytes [0, 118)) as AAD
 * </pre>
 *
 * <p>Why both a checksum and a verifier: the checksum is checked first, so a damaged header is
 * reported as an integrity failure before any Argon2 work (and before a flipped memory field
 * could ask for gigabytes); the verifier then separates a wrong password from a damaged body,
 * which only the GCM tag can detect. A header rewritten by someone who also fixed the checksum
 * fails the verifier or the tag, never silently.
 */
record KeystoreHeader(int version, KdfParams kdf, byte[] salt, byte[] verifier, byte[] nonce, int ciphertextLength) {
    static final byte[] MAGIC = {(byte) 0x89, 'V', 'K', 'S', 0x0D, 0x0A, 0x1A, 0x0A};
    static final int VERSION = 1;
    static final int KDF_ARGON2ID = 1;
    static final int LENGTH = 118;
    static final int KDF_FIELDS_LENGTH = 38;
    static final int SALT_LENGTH = 16;
    static final int NONCE_LENGTH = 12;
    static final int TAG_LENGTH = 16;
    static final int CHECKSUM_LENGTH = 32;
    /** Largest header length any version may declare; larger values are damage, not a format. */
    static final int MAX_LENGTH = 4096;
    private static final int PREFIX_LENGTH = 12;

    /** The exact bytes of this header, checksum included. */
    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.put(kdfFields());
        b.put(verifier);
        b.put(nonce);
        b.putInt(ciphertextLength);
        b.put(sha256(b.array(), 0, LENGTH - CHECKSUM_LENGTH));
        return b.array();
    }

    /** Bytes [0, 38): everything that determines the derived keys; the verifier authenticates them. */
    byte[] kdfFields() {
        ByteBuffer b = ByteBuffer.allocate(KDF_FIELDS_LENGTH);
        b.put(MAGIC);
        b.putShort((short) version);
        b.putShort((short) LENGTH);
        b.put((byte) KDF_ARGON2ID);
        b.putInt(kdf.memoryKiB());
        b.putInt(kdf.iterations());
        b.put((byte) kdf.parallelism());
        b.put(salt);
        return b.array();
    }

    /**
     * Parses and checks the header of a whole keystore file: signature, lengths, checksum,
     * version, KDF parameters, and that the file is exactly header plus ciphertext long.
     *
     * @throws IntegrityException           when anything is damaged
     * @throws UnsupportedKeystoreException when an intact file uses a version or KDF this build does not know
     */
    static KeystoreHeader decode(Path file, byte[] bytes) {
        int n = bytes.length;
        if (n == 0) {
            throw integrity(file, "the file is empty");
        }
        for (int i = 0; i < Math.min(n, MAGIC.length); i++) {
            if (bytes[i] != MAGIC[i]) {
                throw integrity(file, "not a Velocity keystore (unknown file signature)");
            }
        }
        if (n < PREFIX_LENGTH) {
            throw integrity(file, "the file is truncated (" + n + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int version = Short.toUnsignedInt(b.getShort(8));
        int headerLength = Short.toUnsignedInt(b.getShort(10));
        if (headerLength < PREFIX_LENGTH + CHECKSUM_LENGTH || headerLength > MAX_LENGTH) {
            throw integrity(file, "header length " + headerLength + " is impossible");
        }
        if (n < headerLength) {
            throw integrity(file, "the file is truncated (" + n + " bytes, the header alone is " + headerLength + ")");
        }
        byte[] expected = sha256(bytes, 0, headerLength - CHECKSUM_LENGTH);
        byte[] stored = Arrays.copyOfRange(bytes, headerLength - CHECKSUM_LENGTH, headerLength);
        if (!MessageDigest.isEqual(expected, stored)) {
            throw integrity(file, "header checksum mismatch");
        }
        if (version != VERSION) {
            throw new UnsupportedKeystoreException(file, version,
                    file + " uses keystore format version " + version + "; this Velocity reads only version " + VERSION
                            + (version > VERSION ? " (upgrade Velocity to open it)" : ""));
        }
        if (headerLength != LENGTH) {
            throw integrity(file, "header length " + headerLength + " does not match format version 1");
        }
        int kdfId = Byte.toUnsignedInt(b.get(12));
        if (kdfId != KDF_ARGON2ID) {
            throw new UnsupportedKeystoreException(file, version,
                    file + " uses key-derivation function id " + kdfId + ", which this Velocity does not know");
        }
        KdfParams kdf;
        try {
            kdf = new KdfParams(b.getInt(13), b.getInt(17), Byte.toUnsignedInt(b.get(21)));
        } catch (io.velocity.core.InputException e) {
            throw integrity(file, "KDF parameters out of range: " + e.getMessage());
        }
        byte[] salt = Arrays.copyOfRange(bytes, 22, 22 + SALT_LENGTH);
        byte[] verifier = Arrays.copyOfRange(bytes, 38, 38 + 32);
        byte[] nonce = Arrays.copyOfRange(bytes, 70, 70 + NONCE_LENGTH);
        long ciphertextLength = Integer.toUnsignedLong(b.getInt(82));
        long expectedSize = LENGTH + ciphertextLength;
        if (ciphertextLength < TAG_LENGTH) {
            throw integrity(file, "ciphertext length " + ciphertextLength + " is shorter than the authentication tag");
        }
        if (n < expectedSize) {
            throw integrity(file, "the file is truncated (" + n + " of " + expectedSize + " bytes)");
        }
        if (n > expectedSize) {
            throw integrity(file, (n - expectedSize) + " unexpected bytes after the ciphertext");
        }
        return new KeystoreHeader(version, kdf, salt, verifier, nonce, (int) ciphertextLength);
    }

    static IntegrityException integrity(Path file, String detail) {
        return new IntegrityException("integrity check failed: " + file + ": " + detail);
    }

    static byte[] sha256(byte[] in, int off, int len) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(in, off, len);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        // Nothing here is secret, but byte arrays would print as identity hashes; keep it readable.
        return "KeystoreHeader[v" + version + ", " + kdf + ", ciphertext " + ciphertextLength + " bytes]";
    }
}
