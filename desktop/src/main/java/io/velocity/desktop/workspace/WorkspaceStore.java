package io.velocity.desktop.workspace;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.velocity.core.AtomicFileWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes {@code workspace.json}. Writes are atomic (temp file, fsync, rename). A missing
 * file means defaults; an unreadable one is reported once and replaced on the next save, because a
 * damaged layout must never keep the workstation from opening.
 */
public final class WorkspaceStore {
    private static final Logger log = LoggerFactory.getLogger(WorkspaceStore.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path file;

    public WorkspaceStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public WorkspaceState load() {
        try {
            WorkspaceState s = JSON.readValue(Files.readString(file), WorkspaceState.class);
            return s == null ? WorkspaceState.EMPTY : s;
        } catch (NoSuchFileException e) {
            return WorkspaceState.EMPTY;
        } catch (IOException | RuntimeException e) {
            log.warn("{}: unreadable workspace layout ignored, defaults used ({})", file, e.getMessage());
            return WorkspaceState.EMPTY;
        }
    }

    public void save(WorkspaceState state) {
        try {
            AtomicFileWriter.write(file, (JSON.writeValueAsString(state) + "\n").getBytes(StandardCharsets.UTF_8), false, false);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
