package io.velocity.strategy.python;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A venv checked to hold everything the bridge needs, with the paths Jep is configured from.
 * {@link #resolve} refuses, with a message that says what to run, anything Jep would otherwise
 * fail on deep inside native code.
 *
 * @param venv          the venv folder
 * @param python        {@code <venv>/bin/python}, the program name the embedded interpreter gets
 * @param sitePackages  {@code <venv>/lib/python3.X/site-packages}
 * @param jepLibrary    {@code <site-packages>/jep/libjep.so}, jep's native half
 * @param jepVersion    the version of jep installed in the venv
 * @param modulePath    the folders searched for the strategy module
 */
public record PythonEnvironment(Path venv, Path python, Path sitePackages, Path jepLibrary, String jepVersion,
                                List<Path> modulePath) {
    private static final Pattern JEP_VERSION = Pattern.compile("__VERSION__\\s*=\\s*['\"]([^'\"]+)['\"]");

    /**
     * Checks the venv and the module.
     *
     * @throws IllegalStateException naming what is missing and how to create it
     */
    public static PythonEnvironment resolve(PythonSettings settings) {
        Path venv = settings.venv();
        String howToFix = "run ./velocity test (it creates the venv) or: python3 -m venv " + venv + " && "
                + venv.resolve("bin/pip") + " install -r python/requirements.txt (with JAVA_HOME set to a JDK 21+)";
        if (!Files.isDirectory(venv)) {
            throw new IllegalStateException("no Python venv at " + venv + ": " + howToFix);
        }
        Path python = venv.resolve("bin").resolve("python");
        if (!Files.isRegularFile(venv.resolve("pyvenv.cfg")) || !Files.isExecutable(python)) {
            throw new IllegalStateException(venv + " is not a Python venv (no pyvenv.cfg or bin/python): " + howToFix);
        }
        Path sitePackages = findSitePackages(venv);
        if (sitePackages == null) {
            throw new IllegalStateException("jep is not installed in " + venv + " (no lib/python3.*/site-packages/jep/"
                    + libraryFileName() + "): " + howToFix);
        }
        Path jepLibrary = sitePackages.resolve("jep").resolve(libraryFileName());
        String venvJep = readVenvJepVersion(sitePackages.resolve("jep").resolve("version.py"));
        String jarJep = jarJepVersion();
        if (venvJep != null && jarJep != null && !venvJep.equals(jarJep)) {
            throw new IllegalStateException("jep " + venvJep + " in " + venv + " does not match the jep " + jarJep
                    + " jar on the class path; pin jep==" + jarJep + " in python/requirements.txt and reinstall");
        }
        String file = settings.module() + ".py";
        if (settings.modulePath().stream().noneMatch(dir -> Files.isRegularFile(dir.resolve(file)))) {
            throw new IllegalStateException("Python module " + file + " not found in " + settings.modulePath());
        }
        return new PythonEnvironment(venv, python, sitePackages, jepLibrary, venvJep == null ? "unknown" : venvJep,
                settings.modulePath());
    }

    private static String libraryFileName() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return os.contains("win") ? "jep.dll" : os.contains("mac") ? "libjep.jnilib" : "libjep.so";
    }

    /** {@code lib/python3.X/site-packages} holding jep; the venv's Python version is not fixed here. */
    private static Path findSitePackages(Path venv) {
        Path lib = venv.resolve("lib");
        if (!Files.isDirectory(lib)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(lib)) {
            return versions.filter(d -> d.getFileName().toString().startsWith("python3"))
                    .map(d -> d.resolve("site-packages"))
                    .filter(sp -> Files.isRegularFile(sp.resolve("jep").resolve(libraryFileName())))
                    .sorted()
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String readVenvJepVersion(Path versionPy) {
        try {
            Matcher m = JEP_VERSION.matcher(Files.readString(versionPy, StandardCharsets.UTF_8));
            return m.find() ? m.group(1) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The version of the jep jar on the class path, from the Maven metadata it ships. */
    static String jarJepVersion() {
        try (InputStream in = jep.Jep.class.getResourceAsStream("/META-INF/maven/org.ninia/jep/pom.properties")) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }
}
