package io.velocity.storage.journal;

import io.velocity.core.AtomicFileWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The journal position up to which every record is known to be stored in the database, kept in
 * {@code shipped.checkpoint} beside the segments and replaced atomically after each stored
 * batch. Losing it is harmless: shipping restarts from the oldest segment and the database
 * skips what it already has (the inserts are idempotent).
 */
final class ShipperCheckpoint {
    static final String FILE = "shipped.checkpoint";
    private static final Logger LOG = LoggerFactory.getLogger(ShipperCheckpoint.class);
    private static final String VERSION = "v1";

    private ShipperCheckpoint() {
    }

    /** The stored position, or null when there is none or it cannot be read. */
    static JournalPosition load(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            String[] parts = Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ");
            if (parts.length != 3 || !parts[0].equals(VERSION)) {
                throw new IllegalArgumentException("unexpected content");
            }
            return new JournalPosition(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("journal checkpoint {} is unreadable ({}): shipping restarts from the oldest segment; the "
                    + "database skips records it already has", file, e.getMessage());
            return null;
        }
    }

    static void store(Path dir, JournalPosition p) {
        byte[] text = (VERSION + " " + p.segment() + " " + p.offset() + "\n").getBytes(StandardCharsets.US_ASCII);
        AtomicFileWriter.write(dir.resolve(FILE), text, false, false);
    }
}
