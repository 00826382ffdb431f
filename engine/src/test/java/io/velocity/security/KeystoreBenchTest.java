package io.velocity.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(NoSecretsLogged.class)
class KeystoreBenchTest {
    @Test
    void printsUnlockTimesMemoryCostAndTheMachine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = KeystoreBench.run(new String[]{"--unlocks", "3", "--memory-kib", "2048", "--kdf-iterations", "1"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(table).contains("Argon2id 2 MiB, 1 iteration").contains("machine: ").contains(" cores, JDK ")
                .contains("| p50 ").contains("| p99 ").contains("| max ").contains("|        2 MiB |")
                .contains("| allocated per unlock");
    }

    @Test
    void badOptionsExit2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = KeystoreBench.run(new String[]{"--unlocks", "many"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("velocity bench keystore: --unlocks must be a positive whole number, was 'many'\n");
    }
}
