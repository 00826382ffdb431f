package io.velocity.security;

import io.velocity.core.InputException;
import io.velocity.core.LockedException;
import io.velocity.core.Sensitive;
import io.velocity.telemetry.SecretRedactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An unlocked keystore: the decrypted entries in memory, obtained from
 * {@link KeystoreFile#unlock(char[])}. While it is open every secret's printable forms are
 * registered with the {@link SecretRedactor} so none can reach a log line. {@link #close()}
 * locks it: every value array is zeroed, the redactions are dropped, and every
 * {@link SecretEntry} refuses further reads. A shutdown hook closes any handle still open
 * when the JVM exits. Thread-safe; closing twice is harmless.
 */
public final class Keystore implements AutoCloseable, Sensitive {
    private static final Logger LOG = LoggerFactory.getLogger(Keystore.class);

    private final Path source;
    private final KdfParams kdf;
    private final Map<String, SecretEntry> entries;
    private final List<SecretRedactor.Registration> redactions;
    private volatile boolean open = true;

    private Keystore(Path source, KdfParams kdf, Map<String, SecretEntry> entries, List<SecretRedactor.Registration> redactions) {
        this.source = source;
        this.kdf = kdf;
        this.entries = entries;
        this.redactions = redactions;
    }

    /** Takes the values out of {@code table} (which is left empty) and registers their redactions. */
    static Keystore adopt(Path source, KdfParams kdf, EntryTable table) {
        Map<String, SecretEntry> entries = new TreeMap<>();
        List<SecretRedactor.Registration> redactions = new ArrayList<>();
        for (Map.Entry<String, EntryTable.Item> e : table.items().entrySet()) {
            EntryTable.Item item = e.getValue();
            byte[] value = item.value().clone();
            // Values were validated when added; a key that is somehow not a usable scalar just shows no address.
            String address = item.type() == SecretType.PRIVATE_KEY && EthereumAddress.isValidPrivateKey(value)
                    ? EthereumAddress.fromPrivateKey(value) : null;
            entries.put(e.getKey(), new SecretEntry(e.getKey(), item.type(), value, address));
            registerPrintableForms(item.type(), value, redactions);
        }
        table.close();
        Keystore k = new Keystore(source, kdf, Collections.unmodifiableMap(entries), List.copyOf(redactions));
        OpenKeystores.track(k);
        return k;
    }

    private static void registerPrintableForms(SecretType type, byte[] value, List<SecretRedactor.Registration> out) {
        if (type == SecretType.PRIVATE_KEY) {
            char[] bare = SecretBytes.hex(value, false);
            char[] prefixed = SecretBytes.hex(value, true);
            try {
                // The redactor matches case-insensitively, so upper-case and EIP-55-style hex are covered too.
                out.add(SecretRedactor.register(prefixed));
                out.add(SecretRedactor.register(bare));
            } finally {
                SecretBytes.zero(bare, prefixed);
            }
        } else {
            char[] text = SecretBytes.chars(value, "a keystore entry");
            try {
                out.add(SecretRedactor.register(text));
            } finally {
                SecretBytes.zero(text);
            }
        }
    }

    /** The file this was unlocked from. */
    public Path source() {
        return source;
    }

    /** The Argon2 parameters of the file this was unlocked from. */
    public KdfParams kdf() {
        return kdf;
    }

    /** True until {@link #close()}. */
    public boolean isOpen() {
        return open;
    }

    /** The entry called {@code name}, if present. */
    public Optional<SecretEntry> find(String name) {
        ensureOpen();
        return Optional.ofNullable(entries.get(name));
    }

    /**
     * The entry called {@code name}.
     *
     * @throws InputException when there is none (the message says how to add it)
     */
    public SecretEntry get(String name) {
        return find(name).orElseThrow(() -> new InputException("the keystore " + source + " has no entry '" + name
                + "' (add it with './velocity keytool set " + name + "')"));
    }

    /** All entries in name order (values stay behind {@link SecretEntry#copyBytes()}). */
    public List<SecretEntry> entries() {
        ensureOpen();
        return List.copyOf(entries.values());
    }

    public int size() {
        return entries.size();
    }

    /** The wallet address of {@value SecretNames#POLYGON_PRIVATE_KEY}, if that entry exists. */
    public Optional<String> address() {
        return find(SecretNames.POLYGON_PRIVATE_KEY).flatMap(SecretEntry::address);
    }

    /** Locks: zeroes every value, forgets the redactions, and makes every entry unreadable. */
    @Override
    public void close() {
        synchronized (this) {
            if (!open) {
                return;
            }
            open = false;
        }
        for (SecretEntry e : entries.values()) {
            e.destroy();
        }
        for (SecretRedactor.Registration r : redactions) {
            r.close();
        }
        OpenKeystores.untrack(this);
        LOG.info("keystore locked: {}", source);
    }

    private void ensureOpen() {
        if (!open) {
            throw new LockedException("keystore is locked");
        }
    }

    @Override
    public String toString() {
        return "Keystore[" + source + ", " + entries.size() + " entries, " + (open ? "unlocked" : "locked") + ", " + REDACTED + "]";
    }
}
