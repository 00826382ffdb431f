package io.velocity.desktop.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.velocity.config.ConfigFile;
import io.velocity.config.ConfigLoader;
import io.velocity.config.ConfigService;
import io.velocity.core.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Dotted paths ({@code ladder.levels}, {@code risk.maxOrderUsd}) in a configuration JSON tree,
 * and the raw content of a config file (what the trader wrote, without defaults or overrides:
 * the editor writes edits into that, so command-line overrides never leak into the file).
 */
public final class ConfigTree {
    private ConfigTree() {
    }

    /** The value at {@code path}, or null when absent. */
    public static JsonNode get(JsonNode root, String path) {
        JsonNode node = root;
        for (String segment : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(segment);
        }
        return node;
    }

    /** Sets {@code path} to {@code value}, creating intermediate objects. */
    public static void set(ObjectNode root, String path, JsonNode value) {
        String[] segments = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < segments.length - 1; i++) {
            JsonNode child = node.get(segments[i]);
            ObjectNode next;
            if (child instanceof ObjectNode o) {
                next = o;
            } else {
                next = JsonNodeFactory.instance.objectNode();
                node.set(segments[i], next);
            }
            node = next;
        }
        node.set(segments[segments.length - 1], value);
    }

    /**
     * Reads the file as written on disk (an empty object when the file does not exist, since the
     * built-in defaults then apply).
     *
     * @throws ConfigException when the file is unreadable or not a JSON object
     */
    public static ObjectNode readFile(ConfigService config, ConfigFile file) {
        Path path = config.loader().pathOf(file);
        try {
            return (ObjectNode) ConfigLoader.parse(file.fileName(), Files.readString(path));
        } catch (NoSuchFileException e) {
            return JsonNodeFactory.instance.objectNode();
        } catch (IOException e) {
            throw new ConfigException(file.fileName() + ": cannot read " + path + " (" + e.getMessage() + ")");
        }
    }
}
