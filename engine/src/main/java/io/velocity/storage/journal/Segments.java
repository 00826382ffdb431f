package io.velocity.storage.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Segment files of a journal folder: {@code journal-0000000000000001.seg}, … Each starts with
 * an 8-byte magic that names the format version; frames follow.
 */
final class Segments {
    /** Format magic and version at the start of every segment. */
    static final byte[] MAGIC = "VJRNL001".getBytes(StandardCharsets.US_ASCII);
    /** Offset of the first frame in a segment. */
    static final long FIRST_FRAME = MAGIC.length;

    private static final Pattern NAME = Pattern.compile("journal-(\\d{16})\\.seg");

    private Segments() {
    }

    static Path path(Path dir, long segment) {
        return dir.resolve(String.format("journal-%016d.seg", segment));
    }

    /** Segment numbers present in {@code dir}, ascending. */
    static List<Long> list(Path dir) throws IOException {
        List<Long> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches()) {
                    out.add(Long.parseLong(m.group(1)));
                }
            });
        }
        out.sort(null);
        return out;
    }

    /** Creates segment {@code segment} with its header, fsynced, and returns it open for writing. */
    static FileChannel create(Path dir, long segment) throws IOException {
        Path file = path(dir, segment);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        try {
            ByteBuffer header = ByteBuffer.wrap(MAGIC);
            while (header.hasRemaining()) {
                ch.write(header, header.position());
            }
            ch.force(true);
        } catch (IOException e) {
            // leave nothing behind, so a retry can create it again (disk full is the usual cause)
            ch.close();
            Files.deleteIfExists(file);
            throw e;
        }
        fsyncDirectory(dir);
        return ch;
    }

    /** True when the file starts with the expected magic. */
    static boolean hasHeader(FileChannel ch) throws IOException {
        if (ch.size() < MAGIC.length) {
            return false;
        }
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length);
        while (b.hasRemaining() && ch.read(b, b.position()) > 0) {
            // read the whole header
        }
        return b.position() == MAGIC.length && ByteBuffer.wrap(MAGIC).equals(b.flip());
    }

    /** fsync of a directory makes a file creation or deletion in it durable (Linux). */
    static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // some platforms refuse to open directories; their metadata is durable by other means
        }
    }
}
