package io.velocity.desktop.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.velocity.config.Config;
import io.velocity.config.ConfigFile;
import io.velocity.core.AtomicFileWriter;
import io.velocity.core.ConfigException;
import io.velocity.core.StorageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The folder where the meta-brain leaves configuration proposals for the trader
 * ({@code <dataDir>/proposals/*.json}). A proposal file looks like
 *
 * <pre>{@code
 * {"createdAt": "2026-11-02T14:05:00Z", "source": "meta-brain",
 *  "rationale": "ladder orders were adversely selected in 7 of the last 9 windows",
 *  "file": "strategies.json", "changes": {"ladder.minMakerEdge": 0.008, "kellyFraction": 0.2}}
 * }</pre>
 *
 * Paths are relative to the named file. Accepting applies the changes to the file as written on
 * disk, validates with the engine's validator and writes atomically (nothing is written when any
 * value is refused); the proposal then moves to {@code accepted/}. Rejecting moves it to
 * {@code rejected/} with the trader's reason. Every method does file I/O: call off the FX thread.
 */
public final class ProposalInbox {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;

    public ProposalInbox(Path folder) {
        this.folder = folder;
    }

    /** The inbox folder. */
    public Path folder() {
        return folder;
    }

    /** Pending proposals, newest first, and one line per file that could not be read. */
    public record Listing(List<ConfigProposal> proposals, List<String> problems) {
        public Listing {
            proposals = List.copyOf(proposals);
            problems = List.copyOf(problems);
        }
    }

    /** Reads the pending proposals. A missing folder is an empty inbox. */
    public Listing list() {
        List<ConfigProposal> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new Listing(out, problems);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path f : files) {
                try {
                    out.add(parse(f));
                } catch (IOException | RuntimeException e) {
                    problems.add(f.getFileName() + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new StorageException("cannot list proposals in " + folder + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparingLong(ConfigProposal::createdMillis).reversed().thenComparing(ConfigProposal::id));
        return new Listing(out, problems);
    }

    private static ConfigProposal parse(Path f) throws IOException {
        JsonNode root = JSON.readTree(Files.readString(f));
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String name = f.getFileName().toString();
        String id = name.substring(0, name.length() - ".json".length());
        ConfigFile file = null;
        for (ConfigFile c : ConfigFile.values()) {
            if (c.fileName().equals(root.path("file").asText())) {
                file = c;
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("\"file\" must be config.json or strategies.json");
        }
        JsonNode changes = root.get("changes");
        if (changes == null || !changes.isObject() || changes.isEmpty()) {
            throw new IllegalArgumentException("\"changes\" must be a non-empty object of path → value");
        }
        Map<String, JsonNode> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = changes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), e.getValue());
        }
        return new ConfigProposal(id, createdMillis(root.get("createdAt"), f), root.path("source").asText("meta-brain"),
                root.path("rationale").asText(""), file, map);
    }

    private static long createdMillis(JsonNode node, Path f) throws IOException {
        if (node != null && node.isNumber()) {
            return node.longValue();
        }
        if (node != null && node.isTextual()) {
            try {
                return Instant.parse(node.textValue()).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("\"createdAt\" must be epoch millis or an ISO-8601 instant");
            }
        }
        return Files.getLastModifiedTime(f).toMillis();
    }

    /** The file content the proposal would produce (the raw file with the changes applied). */
    public static ObjectNode apply(ObjectNode rawFile, ConfigProposal p) {
        ObjectNode next = rawFile.deepCopy();
        p.changes().forEach((path, value) -> ConfigTree.set(next, path, value.deepCopy()));
        return next;
    }

    /**
     * Applies, validates and writes the proposal, then files it under {@code accepted/}.
     *
     * @return the new configuration generation
     * @throws ConfigException when the engine's validator refuses it (nothing is written)
     */
    public Config accept(ConfigProposal p, WorkstationBackend backend, String actor) {
        ObjectNode next = apply(ConfigTree.readFile(backend.config(), p.file()), p);
        Config result = backend.writeConfig(p.file(), next, actor + " (" + p.source() + " proposal " + p.id() + ")");
        file(p, "accepted", actor, "");
        return result;
    }

    /** Files the proposal under {@code rejected/} with the reason. */
    public void reject(ConfigProposal p, String actor, String reason) {
        file(p, "rejected", actor, reason);
    }

    private void file(ConfigProposal p, String outcome, String actor, String reason) {
        Path source = folder.resolve(p.id() + ".json");
        try {
            ObjectNode content = (ObjectNode) JSON.readTree(Files.readString(source));
            ObjectNode decision = content.putObject("decision");
            decision.put("outcome", outcome);
            decision.put("at", Instant.now().toString());
            decision.put("actor", actor);
            decision.put("reason", reason);
            Path target = folder.resolve(outcome).resolve(p.id() + ".json");
            Files.createDirectories(target.getParent());
            AtomicFileWriter.write(target, (JSON.writer().with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(content) + "\n").getBytes(StandardCharsets.UTF_8));
            Files.deleteIfExists(source);
        } catch (IOException e) {
            throw new StorageException("cannot file proposal " + p.id() + " as " + outcome + ": " + e.getMessage(), e);
        }
    }
}
