package io.velocity.security;

import io.velocity.telemetry.LogCapture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.velocity.security.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(NoSecretsLogged.class)
class KeytoolCommandTest {
    @TempDir
    Path dir;

    private Path keystore;
    private Path configDir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Deque<String> typed = new ArrayDeque<>();
    private final List<String> prompts = new ArrayList<>();
    private final SecretPrompt console = p -> {
        prompts.add(p);
        String next = typed.poll();
        return next == null ? null : next.toCharArray();
    };

    @BeforeEach
    void setUp() throws IOException {
        keystore = dir.resolve("data/secrets.enc");
        configDir = Fixtures.configDir(dir.resolve("config"));
    }

    /** Runs keytool with cheap KDF settings, {@code stdin} as standard input and the fake console. */
    private int keytool(String stdin, String... args) {
        return keytoolWith(console, stdin, args);
    }

    private int keytoolWith(SecretPrompt prompt, String stdin, String... args) {
        out.reset();
        err.reset();
        String[] common = {"--config-dir", configDir.toString(), "--keystore", keystore.toString(),
                "--set", "security.kdfMemoryKiB=1024", "--set", "security.kdfIterations=1"};
        String[] all = Stream.concat(Stream.of(args), Stream.of(common)).toArray(String[]::new);
        return KeytoolCommand.run(all, Map.of(), new ByteArrayInputStream(utf8(stdin)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), prompt);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void initWithEntries() {
        assertThat(keytool(PASSWORD + "\n", "init", "--password-stdin")).isZero();
        assertThat(keytool(PASSWORD + "\n0x" + PRIVATE_KEY_HEX + "\n", "set", "polygon-private-key", "--password-stdin", "--value-stdin")).isZero();
        assertThat(keytool(PASSWORD + "\n" + CLOB_SECRET + "\n", "set", "clob-api-secret", "--password-stdin", "--value-stdin")).isZero();
    }

    @Test
    void aScriptManagesTheWholeLifecycleWithoutAnyValueReachingOutputOrLogs() {
        StringBuilder seen = new StringBuilder();
        try (LogCapture logs = new LogCapture()) {
            assertThat(keytool(PASSWORD + "\n", "init", "--password-stdin")).isZero();
            assertThat(out()).isEqualTo("created an empty keystore at " + keystore
                    + " (Argon2id 1 MiB, 1 iteration, parallelism 1)\n");
            assertThat(err()).contains("warning: Argon2 memory of 1024 KiB is below the recommended");
            seen.append(out()).append(err());

            assertThat(keytool(PASSWORD + "\n0x" + PRIVATE_KEY_HEX + "\n", "set", "polygon-private-key", "--password-stdin", "--value-stdin")).isZero();
            assertThat(out()).isEqualTo("added polygon-private-key (private-key, address " + ADDRESS + ") in " + keystore + "\n");
            seen.append(out()).append(err());
            String[][] text = {{"clob-api-key", CLOB_KEY}, {"clob-api-secret", CLOB_SECRET}, {"clob-api-passphrase", CLOB_PASSPHRASE},
                    {"allora-api-key", ALLORA_KEY}, {"rpc-url-alchemy", RPC_URL}, {"postgres-password", PG_PASSWORD}};
            for (String[] entry : text) {
                assertThat(keytool(PASSWORD + "\n" + entry[1] + "\n", "set", entry[0], "--password-stdin", "--value-stdin"))
                        .as(entry[0] + ": " + err()).isZero();
                seen.append(out()).append(err());
            }
            assertThat(keytool(PASSWORD + "\n" + CLOB_KEY + "\n", "set", "clob-api-key", "--password-stdin", "--value-stdin")).isZero();
            assertThat(out()).startsWith("replaced clob-api-key (api-key)");

            assertThat(keytool(PASSWORD + "\n", "list", "--password-stdin")).isZero();
            List<String> lines = out().lines().toList();
            assertThat(lines.get(0)).matches("NAME +TYPE +ADDRESS");
            assertThat(lines).anyMatch(l -> l.matches("polygon-private-key +private-key +" + ADDRESS))
                    .anyMatch(l -> l.matches("clob-api-passphrase +api-passphrase *"))
                    .anyMatch(l -> l.matches("rpc-url-alchemy +secret *"))
                    .last().isEqualTo("7 entries in " + keystore);
            seen.append(out()).append(err());

            assertThat(keytool(PASSWORD + "\n", "verify", "--password-stdin")).isZero();
            assertThat(out()).isEqualTo("keystore OK: " + keystore + ": 7 entries, Argon2id 1 MiB, 1 iteration, parallelism 1\n");
            assertThat(keytool(PASSWORD + "\n", "remove", "allora-api-key", "--password-stdin")).isZero();
            assertThat(out()).isEqualTo("removed allora-api-key from " + keystore + "\n");
            assertThat(keytool(PASSWORD + "\nnew password 42\n", "passwd", "--password-stdin")).isZero();
            assertThat(keytool("new password 42\n", "verify", "--password-stdin")).isZero();
            assertThat(out()).contains(": 6 entries");
            seen.append(out()).append(err()).append(logs.text());
        }
        String everything = seen.toString();
        assertThat(everything).contains("keystore entry added: 'clob-api-secret'");
        SECRET_FORMS.forEach(s -> assertThat(everything).doesNotContainIgnoringCase(s));
    }

    @Test
    void aWrongPasswordExits3WithOneLine() {
        initWithEntries();
        byte[] before = readKeystore();
        for (String action : new String[]{"verify", "list", "passwd", "remove clob-api-secret"}) {
            String[] args = (action + " --password-stdin").split(" ");
            assertThat(keytool("not the password\nnew password 42\n", args)).as(action).isEqualTo(3);
            assertThat(err()).isEqualTo("velocity keytool: wrong password or corrupted keystore\n");
        }
        assertThat(readKeystore()).isEqualTo(before);
    }

    @Test
    void aFlippedByteExits4AndNoCommandTouchesTheFile() throws IOException {
        initWithEntries();
        byte[] good = readKeystore();
        // salt, verifier, nonce, checksum, ciphertext body, tag
        for (int position : new int[]{25, 50, 75, 100, 130, good.length - 1}) {
            byte[] flipped = good.clone();
            flipped[position] ^= 0x20;
            Files.write(keystore, flipped);
            for (String action : new String[]{"verify", "list", "set clob-api-key --value-stdin", "remove clob-api-secret", "passwd"}) {
                String[] args = (action + " --password-stdin").split(" ");
                assertThat(keytool(PASSWORD + "\n" + CLOB_KEY + "\n", args)).as(action + " at " + position).isEqualTo(4);
                assertThat(err()).startsWith("velocity keytool: integrity check failed: " + keystore).endsWith("\n");
                assertThat(err().lines()).hasSize(1);
                assertThat(readKeystore()).isEqualTo(flipped);
            }
        }
    }

    @Test
    void anUnknownFormatVersionIsNamedAndExits2() throws IOException {
        initWithEntries();
        byte[] bytes = readKeystore();
        ByteBuffer.wrap(bytes).putShort(8, (short) 3);
        Files.write(keystore, KeystoreFileTest.withValidChecksum(bytes));
        assertThat(keytool(PASSWORD + "\n", "verify", "--password-stdin")).isEqualTo(2);
        assertThat(err()).isEqualTo("velocity keytool: " + keystore
                + " uses keystore format version 3; this Velocity reads only version 1 (upgrade Velocity to open it)\n");
    }

    @Test
    void initRefusesToReplaceAKeystoreWithoutForce() {
        initWithEntries();
        assertThat(keytool("other password\n", "init", "--password-stdin")).isEqualTo(2);
        assertThat(err()).contains("already exists").contains("--force");
        assertThat(keytool("other password\n", "init", "--password-stdin", "--force")).isZero();
        assertThat(keytool("other password\n", "verify", "--password-stdin")).isZero();
        assertThat(out()).contains(": 0 entries");
    }

    @Test
    void onAConsoleNewPasswordsAreTypedTwiceAndValuesAreHidden() {
        typed.addAll(List.of(PASSWORD, PASSWORD));
        assertThat(keytool("", "init")).isZero();
        assertThat(prompts).containsExactly("New keystore password: ", "Repeat the new password: ");

        prompts.clear();
        typed.addAll(List.of(PASSWORD, CLOB_PASSPHRASE));
        assertThat(keytool("", "set", "clob-api-passphrase")).isZero();
        assertThat(prompts).containsExactly("Keystore password for " + keystore + ": ",
                "Value of clob-api-passphrase (api-passphrase, not shown): ");

        typed.addAll(List.of(PASSWORD, "first try 123", "second try 123"));
        assertThat(keytool("", "passwd")).isEqualTo(2);
        assertThat(err()).isEqualTo("velocity keytool: the two passwords do not match; nothing was changed\n");
        typed.add(PASSWORD);
        assertThat(keytool("", "verify")).isZero();
    }

    @Test
    void theValueMayComeFromStdinWhileThePasswordIsTypedOnTheConsole() {
        initWithEntries();
        typed.add(PASSWORD);
        assertThat(keytool(ALLORA_KEY + "\n", "set", "allora-api-key", "--value-stdin")).isZero();
        try (Keystore k = KeystoreFile.open(keystore, CHEAP).unlock(password())) {
            assertThat(k.get("allora-api-key").copyChars()).isEqualTo(ALLORA_KEY.toCharArray());
        }
    }

    @Test
    void withoutAConsoleTheStdinOptionsAreNamed() {
        initWithEntries();
        assertThat(keytoolWith(null, "", "verify")).isEqualTo(2);
        assertThat(err()).isEqualTo("velocity keytool: no console to read the keystore password from; "
                + "pass it on standard input with --password-stdin\n");
        assertThat(keytoolWith(null, PASSWORD + "\n", "set", "x-token", "--password-stdin")).isEqualTo(2);
        assertThat(err()).contains("pass it on standard input with --value-stdin");
    }

    @Test
    void badUsageAndBadValuesExit2WithOneLineThatNeverQuotesTheValue() {
        initWithEntries();
        String badKey = PRIVATE_KEY_HEX.substring(0, 60) + "zz00";
        String[][] cases = {
                {"", "velocity keytool: missing action (init, set NAME, list, remove NAME, passwd, verify)"},
                {"explode", "velocity keytool: unknown action 'explode' (init, set NAME, list, remove NAME, passwd, verify)"},
                {"set", "velocity keytool: usage: keytool set NAME"},
                {"list extra", "velocity keytool: usage: keytool list (unexpected 'extra')"},
                {"set x --force", "velocity keytool: --force applies only to init"},
                {"verify --value-stdin", "velocity keytool: --value-stdin applies only to set"},
                {"set clob-api-key --type secret", "velocity keytool: 'clob-api-key' is always of type api-key, not secret"},
                {"set Bad!", "velocity keytool: invalid entry name 'Bad!': use 1-64 characters a-z, 0-9, '.', '_', '-', starting with a letter or digit"},
                {"list --frobnicate", "velocity keytool: unknown option --frobnicate"},
                {"set polygon-private-key --password-stdin --value-stdin",
                        "velocity keytool: 'polygon-private-key': a private key may contain only hex digits 0-9 and a-f"},
        };
        for (String[] c : cases) {
            String[] args = c[0].isEmpty() ? new String[0] : c[0].split(" ");
            assertThat(keytool(PASSWORD + "\n" + badKey + "\n", args)).as(c[0]).isEqualTo(2);
            assertThat(err()).as(c[0]).isEqualTo(c[1] + "\n");
        }
        assertThat(err()).doesNotContain(badKey.substring(0, 16));
    }

    @Test
    void aMissingKeystoreSaysHowToCreateOne() {
        assertThat(keytool(PASSWORD + "\n", "list", "--password-stdin")).isEqualTo(2);
        assertThat(err()).isEqualTo("velocity keytool: no keystore at " + keystore + " (create one with './velocity keytool init')\n");
    }

    @Test
    void withoutKeystoreOptionTheConfiguredDataDirIsUsed() {
        out.reset();
        String[] args = {"init", "--password-stdin", "--config-dir", configDir.toString(), "--set", "dataDir=" + dir.resolve("home"),
                "--set", "security.kdfMemoryKiB=1024", "--set", "security.kdfIterations=1"};
        assertThat(KeytoolCommand.run(args, Map.of(), new ByteArrayInputStream(utf8(PASSWORD + "\n")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), console)).isZero();
        assertThat(dir.resolve("home/secrets.enc")).exists();
    }

    private byte[] readKeystore() {
        try {
            return Files.readAllBytes(keystore);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
