package io.velocity.strategy.python;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the bridge finds Python and what it imports.
 *
 * @param venv          the virtual environment made from {@code python/requirements.txt}
 *                      ({@code python3 -m venv}); it provides the interpreter, jep's native
 *                      library and the packages
 * @param modulePath    folders put on {@code sys.path}, searched in order for {@code module}
 * @param module        the module that defines {@code calculate_kelly}, {@code calculate_staleness}
 *                      and {@code validate_signal}
 * @param queueCapacity most requests waiting for the Python thread; more are refused by
 *                      {@link PythonStrategy#submit}
 */
public record PythonSettings(Path venv, List<Path> modulePath, String module, int queueCapacity) {
    /** System property naming the venv folder, overriding {@code <home>/python/.venv}. */
    public static final String VENV_PROPERTY = "velocity.pythonVenv";
    /** The module the engine runs. */
    public static final String STRATEGY_MODULE = "strategy";
    /** Enough for every market's requests of several ticks; a full queue means Python is stuck. */
    public static final int DEFAULT_QUEUE_CAPACITY = 1_024;

    public PythonSettings {
        venv = venv.toAbsolutePath().normalize();
        modulePath = modulePath.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        if (module == null || !module.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a Python module name: " + module);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be >= 1, got " + queueCapacity);
        }
    }

    /**
     * The installation's settings: the venv {@code <home>/python/.venv} (or the folder named by the
     * system property {@value #VENV_PROPERTY}) and {@code strategy.py} from {@code <home>/python}.
     *
     * @param home the installation root ({@code io.velocity.app.Bootstrap.home()})
     */
    public static PythonSettings standard(Path home) {
        String venv = System.getProperty(VENV_PROPERTY);
        Path pythonDir = home.resolve("python");
        return new PythonSettings(venv == null || venv.isBlank() ? pythonDir.resolve(".venv") : Path.of(venv),
                List.of(pythonDir), STRATEGY_MODULE, DEFAULT_QUEUE_CAPACITY);
    }

    /** The same settings importing another module, with extra folders searched first (tests use this). */
    public PythonSettings withModule(String otherModule, Path... firstFolders) {
        List<Path> path = new java.util.ArrayList<>(List.of(firstFolders));
        path.addAll(modulePath);
        return new PythonSettings(venv, path, otherModule, queueCapacity);
    }

    /** The same settings with another queue capacity. */
    public PythonSettings withQueueCapacity(int capacity) {
        return new PythonSettings(venv, modulePath, module, capacity);
    }
}
