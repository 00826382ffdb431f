package io.velocity.security;

import io.velocity.config.AppConfig;
import io.velocity.core.AtomicFileWriter;
import io.velocity.core.InputException;
import io.velocity.core.IntegrityException;
import io.velocity.core.LockedException;
import io.velocity.core.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The encrypted keystore on disk ({@code secrets.enc}, format in {@link KeystoreHeader}) and
 * every operation on it. Nothing is read until an operation runs; this object holds no secret.
 *
 * <p>Failures a caller must tell apart:
 * <ul>
 *   <li>{@link LockedException} (exit 3), message exactly {@value #WRONG_PASSWORD}: the password
 *       verifier did not match;</li>
 *   <li>{@link IntegrityException} (exit 4), message starting {@code integrity check failed:}:
 *       the file is damaged (signature, lengths, header checksum, authentication tag). Reading
 *       never writes, so the damaged file is left exactly as it was;</li>
 *   <li>{@link UnsupportedKeystoreException} (exit 2): an intact file of a newer format version;</li>
 *   <li>{@link InputException} (exit 2): no keystore at the path, a bad name or value.</li>
 * </ul>
 *
 * <p>Writes (everything but {@link #unlock}) hold {@link KeystoreLock} across read-modify-write,
 * encrypt with a fresh random nonce, replace the file atomically (temporary file, fsync, rename)
 * with mode 0600, keep the previous version as {@code secrets.enc.bak} until the new file has
 * been read back and decrypted, then delete the backup: a backup that outlived a password
 * change or a removed key would keep the old secret openable with the old password.
 *
 * <p>Password arrays passed in are never modified; the caller zeroes them. Every copy made
 * here (UTF-8 bytes, derived keys, plaintext) is zeroed before the method returns.
 */
public final class KeystoreFile {
    private static final Logger LOG = LoggerFactory.getLogger(KeystoreFile.class);

    /** The exact message of a wrong password (and of a file whose header was forged to match). */
    public static final String WRONG_PASSWORD = "wrong password or corrupted keystore";
    /** File name used when {@code security.keystorePath} is empty. */
    public static final String DEFAULT_FILE_NAME = "secrets.enc";
    /** Shortest password accepted for a new keystore or a password change. */
    public static final int MIN_PASSWORD_LENGTH = 8;
    /** Larger files are damage, not a keystore (1024 entries of 8 KiB fit easily). */
    static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

    private final Path path;
    private final KdfParams kdfForNewPasswords;

    private KeystoreFile(Path path, KdfParams kdfForNewPasswords) {
        this.path = path.toAbsolutePath().normalize();
        this.kdfForNewPasswords = kdfForNewPasswords;
    }

    /** The keystore at {@code path}; new passwords are derived with {@link KdfParams#DEFAULT}. */
    public static KeystoreFile open(Path path) {
        return new KeystoreFile(path, KdfParams.DEFAULT);
    }

    /** The keystore at {@code path}; {@code init} and {@code passwd} derive new passwords with {@code kdf}. */
    public static KeystoreFile open(Path path, KdfParams kdf) {
        return new KeystoreFile(path, kdf);
    }

    /** The configured keystore ({@code security.keystorePath}, KDF settings). */
    public static KeystoreFile forConfig(AppConfig app) {
        return open(configuredPath(app), KdfParams.from(app.security()));
    }

    /**
     * {@code security.keystorePath} when set, else {@code <dataDir>/secrets.enc}, where dataDir is
     * the config's {@code dataDir}, else the system property {@code velocity.dataDir} (set by the
     * launcher), else {@code ~/.local/share/velocity}. A leading {@code ~/} means the home folder.
     */
    public static Path configuredPath(AppConfig app) {
        String configured = app.security().keystorePath();
        if (configured != null && !configured.isBlank()) {
            return expandHome(configured);
        }
        return dataDir(app).resolve(DEFAULT_FILE_NAME);
    }

    static Path dataDir(AppConfig app) {
        return app.dataDirectory();
    }

    private static Path expandHome(String p) {
        if (p.equals("~") || p.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + p.substring(1));
        }
        return Path.of(p);
    }

    public Path path() {
        return path;
    }

    /** The backup kept while a write is being verified. */
    public Path backupPath() {
        return AtomicFileWriter.backupOf(path);
    }

    /** Argon2 parameters for {@code init} and {@code passwd}. */
    public KdfParams kdfForNewPasswords() {
        return kdfForNewPasswords;
    }

    public boolean exists() {
        return Files.exists(path);
    }

    /**
     * Creates an empty keystore protected by {@code password}.
     *
     * @param replaceExisting overwrite a keystore already at the path (its entries are lost)
     * @throws InputException when one exists and {@code replaceExisting} is false, or the password is too short
     */
    public void create(char[] password, boolean replaceExisting) {
        requireStrongEnough(password);
        underLock(() -> {
            if (exists() && !replaceExisting) {
                throw new InputException("a keystore already exists at " + path
                        + " (use --force to replace it; its entries would be lost)");
            }
            byte[] salt = KeystoreCipher.newSalt();
            try (KeystoreKeys keys = KeystoreKeys.derive(password, kdfForNewPasswords, salt);
                 EntryTable empty = new EntryTable()) {
                write(keys, kdfForNewPasswords, salt, empty);
            }
            return null;
        });
        LOG.info("keystore created: {} ({})", path, kdfForNewPasswords);
    }

    /**
     * Reads, checks and decrypts the keystore.
     *
     * @return the unlocked handle; close it to lock (a shutdown hook also does)
     * @throws LockedException    wrong password ({@value #WRONG_PASSWORD})
     * @throws IntegrityException the file is damaged
     */
    public Keystore unlock(char[] password) {
        warnIfReadableByOthers();
        try (Opened o = read(password)) {
            Keystore k = Keystore.adopt(path, o.header.kdf(), o.table);
            LOG.info("keystore unlocked: {} ({} {}{})", path, k.size(), k.size() == 1 ? "entry" : "entries",
                    k.address().map(a -> ", wallet " + a).orElse(""));
            return k;
        }
    }

    /**
     * Adds or replaces one entry; {@code value} is validated for {@code type} and copied (the
     * caller zeroes its array).
     *
     * @return true when an entry of that name was replaced
     */
    public boolean put(char[] password, String name, SecretType type, byte[] value) {
        SecretNames.validate(name);
        type.validate(name, value);
        boolean replaced = underLock(() -> {
            try (Opened o = read(password)) {
                boolean existed = o.table.put(name, type, value.clone());
                write(o.keys, o.header.kdf(), o.header.salt(), o.table);
                return existed;
            }
        });
        LOG.info("keystore entry {}: '{}' ({}) in {}", replaced ? "replaced" : "added", name, type.label(), path);
        return replaced;
    }

    /**
     * Removes one entry.
     *
     * @throws InputException when there is no such entry
     */
    public void remove(char[] password, String name) {
        SecretNames.validate(name);
        underLock(() -> {
            try (Opened o = read(password)) {
                if (!o.table.remove(name)) {
                    throw new InputException("the keystore " + path + " has no entry '" + name + "'");
                }
                write(o.keys, o.header.kdf(), o.header.salt(), o.table);
                return null;
            }
        });
        LOG.info("keystore entry removed: '{}' from {}", name, path);
    }

    /** Re-encrypts every entry under {@code newPassword} with a new salt and the configured KDF parameters. */
    public void changePassword(char[] oldPassword, char[] newPassword) {
        requireStrongEnough(newPassword);
        underLock(() -> {
            byte[] salt = KeystoreCipher.newSalt();
            try (Opened o = read(oldPassword); KeystoreKeys keys = KeystoreKeys.derive(newPassword, kdfForNewPasswords, salt)) {
                write(keys, kdfForNewPasswords, salt, o.table);
                return null;
            }
        });
        LOG.info("keystore password changed: {} ({})", path, kdfForNewPasswords);
    }

    /** Runs {@code action} holding the keystore's thread and file lock. */
    private <T> T underLock(Supplier<T> action) {
        KeystoreLock lock = KeystoreLock.acquire(path);
        try {
            return action.get();
        } finally {
            lock.close();
        }
    }

    private static void requireStrongEnough(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new InputException("the keystore password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    /** Header, keys and entries of a successfully decrypted file; closing zeroes keys and entries. */
    private record Opened(KeystoreHeader header, KeystoreKeys keys, EntryTable table) implements AutoCloseable {
        @Override
        public void close() {
            keys.close();
            table.close();
        }
    }

    private Opened read(char[] password) {
        byte[] bytes = readBytes();
        try {
            KeystoreHeader header = KeystoreHeader.decode(path, bytes);
            KeystoreKeys keys = KeystoreKeys.derive(password, header.kdf(), header.salt());
            try {
                if (!keys.matches(Arrays.copyOfRange(bytes, 0, KeystoreHeader.KDF_FIELDS_LENGTH), header.verifier())) {
                    throw new LockedException(WRONG_PASSWORD);
                }
                byte[] plain = KeystoreCipher.open(keys, header, path, bytes);
                try {
                    return new Opened(header, keys, EntryTable.decode(path, plain));
                } finally {
                    SecretBytes.zero(plain);
                }
            } catch (RuntimeException e) {
                keys.close();
                throw e;
            }
        } catch (IntegrityException e) {
            if (Files.exists(backupPath())) {
                throw new IntegrityException(e.getMessage() + " (a copy from before the last change is at " + backupPath() + ")");
            }
            throw e;
        }
    }

    private byte[] readBytes() {
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                throw KeystoreHeader.integrity(path, "the file is " + size + " bytes, far larger than any keystore");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InputException("no keystore at " + path + " (create one with './velocity keytool init')");
        } catch (IOException e) {
            throw new StorageException("cannot read the keystore " + path + ": " + e.getMessage(), e);
        }
    }

    /** Encrypts {@code table}, replaces the file atomically, reads it back, and only then drops the backup. */
    private void write(KeystoreKeys keys, KdfParams kdf, byte[] salt, EntryTable table) {
        byte[] plain = table.encode();
        byte[] sealed;
        try {
            sealed = KeystoreCipher.seal(keys, kdf, salt, plain);
        } finally {
            SecretBytes.zero(plain);
        }
        createPrivateDirectories(path.getParent());
        try {
            AtomicFileWriter.write(path, sealed, true, true);
        } catch (UncheckedIOException e) {
            throw new StorageException(e.getMessage() + " (the keystore was not changed)", e);
        }
        verifyWritten(keys, sealed);
    }

    private void verifyWritten(KeystoreKeys keys, byte[] expected) {
        Path backup = backupPath();
        try {
            byte[] actual = Files.readAllBytes(path);
            KeystoreHeader header = KeystoreHeader.decode(path, actual);
            if (!Arrays.equals(actual, expected)
                    || !keys.matches(Arrays.copyOfRange(actual, 0, KeystoreHeader.KDF_FIELDS_LENGTH), header.verifier())) {
                throw KeystoreHeader.integrity(path, "the file read back differs from what was written");
            }
            SecretBytes.zero(KeystoreCipher.open(keys, header, path, actual));
            Files.deleteIfExists(backup);
        } catch (IOException | RuntimeException e) {
            restore(backup);
            throw new IntegrityException("integrity check failed: " + path + ": the keystore did not verify after writing ("
                    + e.getMessage() + "); " + (Files.exists(path) ? "the previous version was restored" : "nothing was kept"), e);
        }
    }

    private void restore(Path backup) {
        try {
            if (Files.exists(backup)) {
                Files.move(backup, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.error("could not restore {} from {}: {}", path, backup, e.getMessage());
        }
    }

    /** Creates missing folders readable only by the owner (the keystore's folder holds its backup and lock file too). */
    static void createPrivateDirectories(Path dir) {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        try {
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new StorageException("cannot create the keystore folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private void warnIfReadableByOthers() {
        try {
            if (Files.exists(path) && path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
                if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                    LOG.warn("keystore {} is readable by other users (mode {}); run: chmod 600 {}",
                            path, PosixFilePermissions.toString(perms), path);
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot read the permissions of {}: {}", path, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "KeystoreFile[" + path + "]";
    }
}
