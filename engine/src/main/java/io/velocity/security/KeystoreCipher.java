package io.velocity.security;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * AES-256-GCM over the entry payload, with the complete header as associated data so no header
 * byte can change without the tag failing. Bouncy Castle's lightweight API is used rather than
 * JCA because it lets the key copy be zeroed ({@code SecretKeySpec} cannot be).
 */
final class KeystoreCipher {
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeystoreCipher() {
    }

    /** A fresh random salt for a new password. */
    static byte[] newSalt() {
        byte[] salt = new byte[KeystoreHeader.SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /** Encrypts {@code plain} into a complete keystore file with a fresh random nonce. */
    static byte[] seal(KeystoreKeys keys, KdfParams kdf, byte[] salt, byte[] plain) {
        byte[] nonce = new byte[KeystoreHeader.NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        KeystoreHeader provisional = new KeystoreHeader(KeystoreHeader.VERSION, kdf, salt, new byte[32], nonce,
                plain.length + KeystoreHeader.TAG_LENGTH);
        byte[] verifier = keys.verifier(provisional.kdfFields());
        KeystoreHeader header = new KeystoreHeader(KeystoreHeader.VERSION, kdf, salt, verifier, nonce,
                plain.length + KeystoreHeader.TAG_LENGTH);
        byte[] aad = header.encode();
        byte[] file = new byte[aad.length + header.ciphertextLength()];
        System.arraycopy(aad, 0, file, 0, aad.length);
        KeyParameter key = keys.encryptionKey();
        try {
            GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
            gcm.init(true, new AEADParameters(key, KeystoreHeader.TAG_LENGTH * 8, nonce, aad));
            int n = gcm.processBytes(plain, 0, plain.length, file, aad.length);
            gcm.doFinal(file, aad.length + n);
            return file;
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption cannot fail a tag check", e);
        } finally {
            SecretBytes.zero(key.getKey());
        }
    }

    /**
     * Decrypts and authenticates the body of {@code file}. Call only after the header decoded
     * and the password verifier matched: a tag failure then means the body was damaged.
     *
     * @return the plaintext payload; the caller zeroes it
     * @throws io.velocity.core.IntegrityException when the tag does not verify (nothing is returned)
     */
    static byte[] open(KeystoreKeys keys, KeystoreHeader header, Path path, byte[] file) {
        byte[] aad = java.util.Arrays.copyOfRange(file, 0, KeystoreHeader.LENGTH);
        int ctLength = header.ciphertextLength();
        byte[] plain = new byte[ctLength - KeystoreHeader.TAG_LENGTH];
        KeyParameter key = keys.encryptionKey();
        try {
            GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
            gcm.init(false, new AEADParameters(key, KeystoreHeader.TAG_LENGTH * 8, header.nonce(), aad));
            int n = gcm.processBytes(file, KeystoreHeader.LENGTH, ctLength, plain, 0);
            gcm.doFinal(plain, n);
            return plain;
        } catch (InvalidCipherTextException e) {
            // Bouncy Castle may have released unauthenticated plaintext into the buffer: wipe it.
            SecretBytes.zero(plain);
            throw KeystoreHeader.integrity(path, "authentication tag mismatch (the encrypted entries are damaged)");
        } finally {
            SecretBytes.zero(key.getKey());
        }
    }
}
