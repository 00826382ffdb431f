package io.velocity.execution.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The test resource is a copy of {@code <repo>/../shared/vectors/clob-v2-signing.json} so the build
 * never depends on a path outside the repository; when the shared original is present (developer
 * machines, CI with {@code shared/} checked out beside the repo) the copy must equal it byte for byte.
 */
class VectorFileCopyTest {

    @Test
    void copiedVectorFileEqualsSharedOriginalWhenPresent() throws IOException {
        Path repoRoot = engineModuleDir().getParent();
        Path shared = repoRoot.resolve("../shared/vectors/clob-v2-signing.json").normalize();
        assumeTrue(Files.isRegularFile(shared), "shared vectors not checked out beside the repo: " + shared);

        Path copy = engineModuleDir().resolve("src/test/resources/vectors/clob-v2-signing.json");

        assertThat(Files.readAllBytes(copy))
                .as("%s must be a byte-for-byte copy of %s", copy, shared)
                .isEqualTo(Files.readAllBytes(shared));
    }

    @Test
    void copiedVectorFileIsOnTheTestClasspath() {
        assertThat(SigningVectors.class.getResource(SigningVectors.RESOURCE)).isNotNull();
    }

    // Surefire sets "basedir" to the module directory; an IDE run usually starts there too.
    private static Path engineModuleDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().normalize();
    }
}
