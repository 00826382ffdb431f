package io.velocity.security;

import io.velocity.core.InputException;

import java.nio.file.Path;

/**
 * An intact keystore (its header checksum verifies) written in a format version, or with a key
 * derivation, that this build does not read, typically by a newer Velocity. Exit code 2 (bad
 * input) rather than 4: the file is not damaged, and nothing should prompt a restore from backup.
 */
public class UnsupportedKeystoreException extends InputException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int version;

    public UnsupportedKeystoreException(Path file, int version, String message) {
        super(message);
        this.file = file;
        this.version = version;
    }

    /** The keystore file. */
    public Path file() {
        return file;
    }

    /** The format version found in the header. */
    public int version() {
        return version;
    }
}
