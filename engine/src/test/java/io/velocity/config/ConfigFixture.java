package io.velocity.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies the shipped config files into a temporary folder so tests can edit them. */
final class ConfigFixture {
    private ConfigFixture() {
    }

    static Path copyShipped(Path dir) throws IOException {
        for (ConfigFile f : ConfigFile.values()) {
            try (InputStream in = ConfigFixture.class.getResourceAsStream("/io/velocity/config/defaults/" + f.fileName())) {
                Files.copy(in, dir.resolve(f.fileName()));
            }
        }
        return dir;
    }

    static String read(Path dir, ConfigFile f) throws IOException {
        return Files.readString(dir.resolve(f.fileName()));
    }

    static void write(Path dir, ConfigFile f, String text) throws IOException {
        Files.writeString(dir.resolve(f.fileName()), text);
    }
}
