package io.velocity.strategy.python;

import io.velocity.strategy.StrategyVectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's Python venv for the tests that run real Python through Jep.
 *
 * <p>{@code ./velocity test} builds {@code python/.venv} before Maven runs, so in the normal run
 * it is there. When it is missing these tests fail with what to run, rather than silently
 * passing; {@code -Dvelocity.requirePython=false} (for a machine without Python) turns the
 * failure into a visible skip instead.
 */
public final class PythonTestSupport {
    /** Set to {@code false} to skip, rather than fail, the Jep tests when the venv is missing. */
    public static final String REQUIRE_PYTHON_PROPERTY = "velocity.requirePython";

    private PythonTestSupport() {
    }

    /** The installation's settings, checked to have a venv with jep; fails or skips as documented above. */
    public static PythonSettings requireVenv() {
        PythonSettings settings = PythonSettings.standard(StrategyVectors.repositoryRoot());
        if (!Files.isExecutable(settings.venv().resolve("bin/python"))) {
            String message = "no Python venv at " + settings.venv() + ": run ./velocity test (it creates it), or "
                    + "python3 -m venv " + settings.venv() + " && " + settings.venv().resolve("bin/pip")
                    + " install -r python/requirements.txt from the repository root; -D" + REQUIRE_PYTHON_PROPERTY
                    + "=false skips these tests instead";
            if (Boolean.parseBoolean(System.getProperty(REQUIRE_PYTHON_PROPERTY, "true"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return settings;
    }

    /** Folder of the test-only Python modules ({@code engine/src/test/python}). */
    public static Path testModules() {
        return StrategyVectors.repositoryRoot().resolve("engine/src/test/python");
    }
}
