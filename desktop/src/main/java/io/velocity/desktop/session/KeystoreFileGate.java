package io.velocity.desktop.session;

import io.velocity.config.AppConfig;
import io.velocity.security.Keystore;
import io.velocity.security.KeystoreFile;

import java.nio.file.Path;

/** The real encrypted keystore ({@code secrets.enc}: Argon2id + AES-256-GCM) behind the unlock dialog. */
public final class KeystoreFileGate implements KeystoreGate {
    private final KeystoreFile file;

    public KeystoreFileGate(KeystoreFile file) {
        this.file = file;
    }

    /** The keystore the configuration names ({@code security.keystorePath} or {@code <dataDir>/secrets.enc}). */
    public static KeystoreFileGate forConfig(AppConfig app) {
        return new KeystoreFileGate(KeystoreFile.forConfig(app));
    }

    @Override
    public Path path() {
        return file.path();
    }

    @Override
    public boolean exists() {
        return file.exists();
    }

    @Override
    public int minPasswordLength() {
        return KeystoreFile.MIN_PASSWORD_LENGTH;
    }

    @Override
    public UnlockedKeystore unlock(char[] password) {
        return new Open(file.unlock(password));
    }

    @Override
    public void create(char[] password) {
        file.create(password, false);
    }

    /** An unlocked {@link Keystore}; closing it zeroes the secrets. */
    public static final class Open implements UnlockedKeystore {
        private final Keystore keystore;

        Open(Keystore keystore) {
            this.keystore = keystore;
        }

        /** The keystore for the session wiring (wallet key, Allora key, CLOB credentials). */
        public Keystore keystore() {
            return keystore;
        }

        @Override
        public String summary() {
            int n = keystore.size();
            return n + " entr" + (n == 1 ? "y" : "ies") + keystore.address().map(a -> " · wallet " + shorten(a)).orElse("");
        }

        private static String shorten(String address) {
            return address.length() > 12 ? address.substring(0, 6) + "…" + address.substring(address.length() - 4) : address;
        }

        @Override
        public void close() {
            keystore.close();
        }

        @Override
        public String toString() {
            return "UnlockedKeystore[" + REDACTED + "]";
        }
    }
}
