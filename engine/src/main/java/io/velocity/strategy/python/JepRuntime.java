package io.velocity.strategy.python;

import jep.JepConfig;
import jep.JepException;
import jep.MainInterpreter;
import jep.PyConfig;
import jep.SharedInterpreter;

/**
 * The process-wide half of Jep. CPython can be started once per JVM, and Jep's global settings
 * (native library, interpreter parameters, shared-interpreter include path) can be set only
 * before that; this class sets them once and refuses a second, different venv.
 *
 * <h2>How the embedded interpreter finds the venv</h2>
 * {@code libjep.so} was linked against the {@code libpython} of the Python that created the
 * venv (its RUNPATH points there), so that library is loaded; but an embedded CPython does not
 * know it belongs to a venv and would guess its prefix from {@code PATH} (it could even pick
 * the system Python's standard library of another patch level). Giving it the venv's
 * {@code bin/python} as program name makes CPython do what the venv's own interpreter does:
 * read {@code pyvenv.cfg} beside it, take the standard library from the base installation named
 * by {@code home = ...} there, and add the venv's {@code site-packages} (and not the base
 * installation's) through {@code site}. That is why no {@code PYTHONHOME} is needed. The
 * environment variables {@code PYTHONHOME}/{@code PYTHONPATH} of the user's shell are ignored
 * so that they cannot redirect the engine's Python, and user site-packages are off.
 *
 * <p>The include path repeats the venv's {@code site-packages} and adds the strategy folder,
 * so the module is found even if {@code site} is skipped.
 */
final class JepRuntime {
    private static PythonEnvironment configured;

    private JepRuntime() {
    }

    /**
     * Configures Jep for this environment if nothing has yet.
     *
     * @throws IllegalStateException if Jep already runs another venv, or was configured by someone else
     */
    static synchronized void configure(PythonEnvironment env) {
        if (configured != null) {
            if (!configured.venv().equals(env.venv())) {
                throw new IllegalStateException("this JVM already embeds the Python of " + configured.venv()
                        + "; one process can run one Python, so " + env.venv() + " cannot be used");
            }
            return;
        }
        try {
            MainInterpreter.setJepLibraryPath(env.jepLibrary().toString());
            MainInterpreter.setInitParams(PyConfig.python()
                    .setProgramName(env.python().toString())
                    .setUseEnvironment(false)
                    .setUserSiteDirectory(false));
            JepConfig config = new JepConfig().addIncludePaths(env.sitePackages().toString());
            for (var dir : env.modulePath()) {
                config.addIncludePaths(dir.toString());
            }
            SharedInterpreter.setConfig(config);
        } catch (IllegalStateException | JepException e) {
            throw new IllegalStateException("Jep was already started in this JVM by other code: " + e.getMessage(), e);
        }
        configured = env;
    }
}
