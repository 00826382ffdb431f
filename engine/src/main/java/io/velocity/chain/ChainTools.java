package io.velocity.chain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the project-local chain tools that {@code tools/chain/install.sh} puts under
 * {@code tools/chain/node_modules}.
 *
 * <p>The project root is the {@code velocity.home} system property when set (the launcher sets
 * it), otherwise the nearest directory at or above the working directory that contains
 * {@code tools/chain/package.json}.
 */
public final class ChainTools {

    /** System property naming the project root. */
    public static final String HOME_PROPERTY = "velocity.home";

    private static final Path TOOLS_DIR = Path.of("tools", "chain");

    private ChainTools() {
    }

    /** @return the project root, if one can be found */
    public static Optional<Path> projectRoot() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            Path root = Path.of(home).toAbsolutePath().normalize();
            return Files.isRegularFile(root.resolve(TOOLS_DIR).resolve("package.json")) ? Optional.of(root)
                    : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(TOOLS_DIR).resolve("package.json"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** @return {@code tools/chain/install.sh} under the project root */
    public static Path installScript(Path projectRoot) {
        return projectRoot.resolve(TOOLS_DIR).resolve("install.sh");
    }

    /**
     * @param projectRoot the project root
     * @return where install.sh puts the anvil binary for this OS and CPU
     */
    public static Path anvilBinary(Path projectRoot) {
        return projectRoot.resolve(TOOLS_DIR).resolve("node_modules").resolve("@foundry-rs")
                .resolve("anvil-" + platform()).resolve("bin").resolve(isWindows() ? "anvil.exe" : "anvil");
    }

    /**
     * @param configured an explicit binary from configuration, if any
     * @return the anvil binary to run
     * @throws IllegalStateException listing every place looked at when none is executable
     */
    public static Path locateAnvil(Optional<Path> configured) {
        List<Path> tried = new ArrayList<>();
        if (configured.isPresent()) {
            Path path = configured.get();
            if (Files.isExecutable(path)) {
                return path;
            }
            tried.add(path);
        } else {
            Optional<Path> root = projectRoot();
            if (root.isPresent()) {
                Path path = anvilBinary(root.get());
                if (Files.isExecutable(path)) {
                    return path;
                }
                tried.add(path);
            }
        }
        throw new IllegalStateException("anvil binary not found (looked at " + (tried.isEmpty()
                ? "no project root: set -D" + HOME_PROPERTY + " or run from the project" : tried.toString())
                + "); run tools/chain/install.sh");
    }

    /** @return the npm platform suffix of the {@code @foundry-rs/anvil-*} package for this machine */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String cpu = arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64";
        if (os.contains("win")) {
            return "win32-" + cpu;
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return "darwin-" + cpu;
        }
        return "linux-" + cpu;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }
}
