package io.velocity.security;

import io.velocity.app.Bootstrap;
import io.velocity.app.CliArgs;
import io.velocity.app.ErrorReporter;
import io.velocity.config.AppConfig;
import io.velocity.core.ExitCode;
import io.velocity.core.InputException;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./velocity keytool init|set NAME|list|remove NAME|passwd|verify}: manage the encrypted
 * keystore from a terminal or a script.
 *
 * <p>Passwords and values are read without echo from the console, or for scripts one line each
 * from standard input: {@code --password-stdin} takes the password from the first line (for
 * {@code passwd}: the current password, then the new one), {@code --value-stdin} takes the
 * value of {@code set} from the next line. {@code --keystore FILE} overrides
 * {@code security.keystorePath}; {@code --config-dir} and {@code --set} select the configuration
 * (KDF parameters for new passwords). Values are never printed: {@code list} shows names, types
 * and, for private keys, the derived address.
 *
 * <p>Exit codes: 0 ok; 2 bad usage or input (also an intact keystore of an unsupported format
 * version); 3 {@value KeystoreFile#WRONG_PASSWORD}; 4 integrity check failed (the file is left
 * untouched); 1 anything else. Every failure is one line on stderr.
 */
public final class KeytoolCommand {
    static final String PROGRAM = "velocity keytool";
    private static final String ACTIONS = "init, set NAME, list, remove NAME, passwd, verify";
    private static final Set<String> VALUED = union(Bootstrap.CONFIG_OPTIONS, Set.of("keystore", "type"));
    private static final Set<String> FLAGS = Set.of("password-stdin", "value-stdin", "force");

    private final CliArgs args;
    private final Map<String, String> env;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final SecretPrompt prompt;

    private KeytoolCommand(CliArgs args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err,
                           SecretPrompt prompt) {
        this.args = args;
        this.env = env;
        this.in = in;
        this.out = out;
        this.err = err;
        this.prompt = prompt;
    }

    /** Runs one keytool command; {@code console} may be null (no terminal: use the stdin options). */
    public static int run(String[] argv, InputStream in, PrintStream out, PrintStream err, Console console) {
        return run(argv, System.getenv(), in, out, err, SecretPrompt.of(console));
    }

    /** As {@link #run(String[], InputStream, PrintStream, PrintStream, Console)} with explicit environment and prompt. */
    public static int run(String[] argv, Map<String, String> env, InputStream in, PrintStream out, PrintStream err,
                          SecretPrompt prompt) {
        try {
            CliArgs args = CliArgs.parse(argv, VALUED, FLAGS);
            List<String> words = args.positionals();
            if (words.isEmpty()) {
                throw new InputException("missing action (" + ACTIONS + ")");
            }
            KeytoolCommand cmd = new KeytoolCommand(args, env, in, out, err, prompt);
            String action = words.get(0);
            cmd.checkOptionsFit(action);
            switch (action) {
                case "init" -> cmd.init(words);
                case "set" -> cmd.set(words);
                case "list" -> cmd.list(words);
                case "remove" -> cmd.remove(words);
                case "passwd" -> cmd.passwd(words);
                case "verify" -> cmd.verify(words);
                default -> throw new InputException("unknown action '" + action + "' (" + ACTIONS + ")");
            }
            return ExitCode.OK.code();
        } catch (Exception e) {
            return ErrorReporter.report(PROGRAM, e, err);
        }
    }

    private void checkOptionsFit(String action) {
        if (args.flag("force") && !action.equals("init")) {
            throw new InputException("--force applies only to init");
        }
        if ((args.flag("value-stdin") || args.get("type") != null) && !action.equals("set")) {
            throw new InputException((args.flag("value-stdin") ? "--value-stdin" : "--type") + " applies only to set");
        }
    }

    private void init(List<String> words) {
        expectWords(words, 1, "init");
        KeystoreFile file = keystoreFile();
        boolean force = args.flag("force");
        if (file.exists() && !force) {
            throw new InputException("a keystore already exists at " + file.path()
                    + " (use --force to replace it; its entries would be lost)");
        }
        char[] password = newPassword("New keystore password: ");
        try {
            file.create(password, force);
        } finally {
            SecretBytes.zero(password);
        }
        warnIfWeak(file.kdfForNewPasswords());
        out.println("created an empty keystore at " + file.path() + " (" + file.kdfForNewPasswords() + ")");
    }

    private void set(List<String> words) {
        expectWords(words, 2, "set NAME");
        String name = words.get(1);
        SecretType type = SecretNames.resolveType(name, args.get("type") == null ? null : SecretType.fromLabel(args.get("type")));
        KeystoreFile file = existingKeystore();
        char[] password = currentPassword(file);
        char[] typed = null;
        byte[] value = null;
        try {
            typed = PasswordInput.read(args.flag("value-stdin"), in, prompt, "the value of '" + name + "'",
                    "Value of " + name + " (" + type.label() + ", not shown): ", "--value-stdin");
            value = type.parse(name, typed);
            SecretBytes.zero(typed);
            boolean replaced = file.put(password, name, type, value);
            String address = type == SecretType.PRIVATE_KEY ? ", address " + EthereumAddress.fromPrivateKey(value) : "";
            out.println((replaced ? "replaced " : "added ") + name + " (" + type.label() + address + ") in " + file.path());
        } finally {
            SecretBytes.zero(password, typed);
            SecretBytes.zero(value);
        }
    }

    private void list(List<String> words) {
        expectWords(words, 1, "list");
        try (Keystore k = unlock(existingKeystore())) {
            int nameWidth = Math.max(4, k.entries().stream().mapToInt(e -> e.name().length()).max().orElse(0));
            String format = "%-" + nameWidth + "s  %-14s  %s%n";
            if (k.size() > 0) {
                out.printf(format, "NAME", "TYPE", "ADDRESS");
            }
            for (SecretEntry e : k.entries()) {
                out.printf(format, e.name(), e.type().label(), e.address().orElse(""));
            }
            out.println(k.size() + (k.size() == 1 ? " entry" : " entries") + " in " + k.source());
        }
    }

    private void remove(List<String> words) {
        expectWords(words, 2, "remove NAME");
        String name = words.get(1);
        SecretNames.validate(name);
        KeystoreFile file = existingKeystore();
        char[] password = currentPassword(file);
        try {
            file.remove(password, name);
        } finally {
            SecretBytes.zero(password);
        }
        out.println("removed " + name + " from " + file.path());
    }

    private void passwd(List<String> words) {
        expectWords(words, 1, "passwd");
        KeystoreFile file = existingKeystore();
        char[] old = currentPassword(file);
        char[] fresh = null;
        try {
            fresh = newPassword("New keystore password: ");
            file.changePassword(old, fresh);
        } finally {
            SecretBytes.zero(old, fresh);
        }
        warnIfWeak(file.kdfForNewPasswords());
        out.println("changed the password of " + file.path() + " (" + file.kdfForNewPasswords() + ")");
    }

    private void verify(List<String> words) {
        expectWords(words, 1, "verify");
        try (Keystore k = unlock(existingKeystore())) {
            out.println("keystore OK: " + k.source() + ": " + k.size() + (k.size() == 1 ? " entry" : " entries")
                    + ", " + k.kdf());
        }
    }

    private Keystore unlock(KeystoreFile file) {
        char[] password = currentPassword(file);
        try {
            return file.unlock(password);
        } finally {
            SecretBytes.zero(password);
        }
    }

    private char[] currentPassword(KeystoreFile file) {
        return PasswordInput.read(args.flag("password-stdin"), in, prompt, "the keystore password",
                "Keystore password for " + file.path() + ": ", "--password-stdin");
    }

    /** A new password: one stdin line, or typed twice on the console. */
    private char[] newPassword(String promptText) {
        char[] first = PasswordInput.read(args.flag("password-stdin"), in, prompt, "the new keystore password",
                promptText, "--password-stdin");
        if (args.flag("password-stdin")) {
            return first;
        }
        char[] again = PasswordInput.read(false, in, prompt, "the new keystore password", "Repeat the new password: ",
                "--password-stdin");
        try {
            if (!Arrays.equals(first, again)) {
                SecretBytes.zero(first);
                throw new InputException("the two passwords do not match; nothing was changed");
            }
            return first;
        } finally {
            SecretBytes.zero(again);
        }
    }

    private KeystoreFile keystoreFile() {
        AppConfig app = Bootstrap.loadConfig(args, env, Bootstrap.newHealthRegistry()).current().app();
        KdfParams kdf = KdfParams.from(app.security());
        String explicit = args.get("keystore");
        return KeystoreFile.open(explicit != null ? Path.of(explicit) : KeystoreFile.configuredPath(app), kdf);
    }

    private KeystoreFile existingKeystore() {
        KeystoreFile file = keystoreFile();
        if (!file.exists()) {
            throw new InputException("no keystore at " + file.path() + " (create one with './velocity keytool init')");
        }
        return file;
    }

    private void warnIfWeak(KdfParams kdf) {
        if (kdf.memoryKiB() < KdfParams.RECOMMENDED_MIN_MEMORY_KIB) {
            err.println(PROGRAM + ": warning: Argon2 memory of " + kdf.memoryKiB() + " KiB is below the recommended "
                    + KdfParams.RECOMMENDED_MIN_MEMORY_KIB + " KiB; a stolen keystore is cheaper to brute-force");
        }
    }

    private static void expectWords(List<String> words, int count, String usage) {
        if (words.size() != count) {
            throw new InputException("usage: keytool " + usage + (words.size() > count ? " (unexpected '" + words.get(count) + "')" : ""));
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }
}
