package io.velocity.security;

import io.velocity.core.LockedException;
import io.velocity.core.Sensitive;

import java.util.Optional;

/**
 * One unlocked secret. The value lives in a single byte array owned by the {@link Keystore}
 * and zeroed when it locks; it is reachable only through {@link #copyBytes()} and
 * {@link #copyChars()}, which hand out fresh copies that the caller must zero as soon as it is
 * done (e.g. {@code Arrays.fill(copy, (byte) 0)} in a {@code finally}). Copies rather than views
 * keep the rule simple: nobody outside this class can keep a reference to the live array, and a
 * lock can never race with a reader that is halfway through it. Thread-safe.
 */
public final class SecretEntry implements Sensitive {
    private final String name;
    private final SecretType type;
    private final String address;
    /** Package-private so tests in this package can check it is zeroed after lock. */
    final byte[] value;
    private boolean destroyed;

    SecretEntry(String name, SecretType type, byte[] value, String address) {
        this.name = name;
        this.type = type;
        this.value = value;
        this.address = address;
    }

    public String name() {
        return name;
    }

    public SecretType type() {
        return type;
    }

    /** For a private key: its EIP-55 address (public, safe to show and log). */
    public Optional<String> address() {
        return Optional.ofNullable(address);
    }

    /** Length of the stored value in bytes (32 for a private key, UTF-8 length for text). */
    public int length() {
        return value.length;
    }

    /**
     * A copy of the raw value: 32 bytes for a private key, UTF-8 for text. Zero it when done.
     *
     * @throws LockedException when the keystore has been locked
     */
    public synchronized byte[] copyBytes() {
        ensureLive();
        return value.clone();
    }

    /**
     * A copy of a text secret as characters (API keys, passphrases, URLs). Zero it when done.
     *
     * @throws IllegalStateException for a private key (use {@link #copyBytes()})
     * @throws LockedException       when the keystore has been locked
     */
    public synchronized char[] copyChars() {
        if (!type.isText()) {
            throw new IllegalStateException("'" + name + "' is a private key, not text");
        }
        ensureLive();
        return SecretBytes.chars(value, "'" + name + "'");
    }

    /** True until the keystore locks. */
    public synchronized boolean isLive() {
        return !destroyed;
    }

    synchronized void destroy() {
        SecretBytes.zero(value);
        destroyed = true;
    }

    private void ensureLive() {
        if (destroyed) {
            throw new LockedException("keystore is locked: '" + name + "' is no longer available");
        }
    }

    @Override
    public String toString() {
        return "SecretEntry[" + name + ", " + type.label() + (address != null ? ", " + address : "") + ", " + REDACTED + "]";
    }
}
