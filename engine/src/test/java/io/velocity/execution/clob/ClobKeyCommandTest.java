package io.velocity.execution.clob;

import io.velocity.core.ExitCode;
import io.velocity.core.ManualClock;
import io.velocity.security.KdfParams;
import io.velocity.security.Keystore;
import io.velocity.security.KeystoreFile;
import io.velocity.security.SecretNames;
import io.velocity.security.SecretPrompt;
import io.velocity.security.SecretType;
import io.velocity.sim.SimFixture;
import io.velocity.sim.SimSettings;
import io.velocity.sim.VenueSimulator;
import io.velocity.execution.signing.Hex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code velocity tools clob-api-key} against the venue simulator: L1 auth, then the credentials land in the keystore. */
class ClobKeyCommandTest {
    private static final String PASSWORD = "clob-key-test-password";
    private static final byte[] KEY = Hex.decode("0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a", 32, "key");
    private static final SecretPrompt NO_CONSOLE = p -> {
        throw new AssertionError("no console in tests");
    };

    @TempDir
    Path dir;
    private VenueSimulator sim;
    private Path keystore;

    @BeforeEach
    void start() throws Exception {
        sim = VenueSimulator.start(SimSettings.from(SimFixture.config()), new ManualClock(System.currentTimeMillis()), false);
        keystore = dir.resolve("secrets.enc");
        KeystoreFile file = KeystoreFile.open(keystore, new KdfParams(KdfParams.MIN_MEMORY_KIB, 1, 1));
        file.create(PASSWORD.toCharArray(), false);
        file.put(PASSWORD.toCharArray(), SecretNames.POLYGON_PRIVATE_KEY, SecretType.PRIVATE_KEY, KEY.clone());
        Files.createDirectories(dir.resolve("config"));
        for (String f : new String[]{"config.json", "strategies.json"}) {
            try (java.io.InputStream in = getClass().getResourceAsStream("/io/velocity/config/defaults/" + f)) {
                Files.copy(in, dir.resolve("config").resolve(f));
            }
        }
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private int run(String stdin, ByteArrayOutputStream out, ByteArrayOutputStream err, String... extra) {
        String[] common = {"--password-stdin", "--config-dir", dir.resolve("config").toString(), "--keystore", keystore.toString(),
                "--set", "venues.clob.restUrl=" + sim.endpoints().clobRest(), "--set", "security.kdfMemoryKiB=1024",
                "--set", "security.kdfIterations=1"};
        String[] all = new String[common.length + extra.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(extra, 0, all, common.length, extra.length);
        return ClobKeyCommand.run(all, Map.of(), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), NO_CONSOLE);
    }

    @Test
    void derivedCredentialsAreStoredInTheKeystoreAndNeverPrinted() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = run(PASSWORD + "\n", out, err);

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("stored clob-api-key, clob-api-secret and clob-api-passphrase");
        try (Keystore k = KeystoreFile.open(keystore).unlock(PASSWORD.toCharArray())) {
            ApiCredentials stored = ApiCredentials.fromKeystore(k);
            io.velocity.sim.clob.ApiCredential known = sim.inspect(s -> s.exchange().credential(stored.apiKey()));
            assertThat(known).isNotNull();
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(stored.secret()).doesNotContain(stored.passphrase())
                    .doesNotContain(stored.apiKey());
        }
    }

    @Test
    void wrongPasswordChangesNothingAndExitsWithThree() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = run("not-the-password\n", new ByteArrayOutputStream(), err);

        assertThat(code).isEqualTo(ExitCode.LOCKED.code());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(KeystoreFile.WRONG_PASSWORD);
    }
}
