package io.velocity.security;

import io.velocity.app.Bootstrap;
import io.velocity.app.CliArgs;
import io.velocity.config.AppConfig;
import io.velocity.core.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(NoSecretsLogged.class)
class KeystoreConfigTest {
    @TempDir
    Path dir;

    private AppConfig load(String... sets) throws IOException {
        Path config = Fixtures.configDir(dir.resolve("config"));
        String[] args = Stream.concat(Stream.of("--config-dir", config.toString()),
                Stream.of(sets).flatMap(s -> Stream.of("--set", s))).toArray(String[]::new);
        return Bootstrap.loadConfig(CliArgs.parse(args, Bootstrap.CONFIG_OPTIONS, Set.of()), Map.of(),
                Bootstrap.newHealthRegistry()).current().app();
    }

    @Test
    void theShippedConfigCarriesTheDefaultKdfParameters() throws IOException {
        assertThat(KdfParams.from(load().security())).isEqualTo(KdfParams.DEFAULT);
    }

    @Test
    void theKeystoreDefaultsToSecretsEncInTheDataDir() throws IOException {
        assertThat(KeystoreFile.forConfig(load("dataDir=" + dir.resolve("data"))).path()).isEqualTo(dir.resolve("data/secrets.enc"));
        assertThat(KeystoreFile.configuredPath(load("security.keystorePath=" + dir.resolve("vault.enc")))).isEqualTo(dir.resolve("vault.enc"));
        assertThat(KeystoreFile.configuredPath(load("security.keystorePath=~/vault.enc")))
                .isEqualTo(Path.of(System.getProperty("user.home"), "vault.enc"));
    }

    @Test
    void kdfSettingsOutsideTheirBoundsAreConfigErrors() {
        assertThatThrownBy(() -> load("security.kdfMemoryKiB=512", "security.kdfIterations=0"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(2)
                        .anyMatch(p -> p.contains("security.kdfMemoryKiB"))
                        .anyMatch(p -> p.contains("security.kdfIterations")));
    }

    @Test
    void kdfParamsNameTheirBoundsAndPrintReadably() {
        assertThat(KdfParams.DEFAULT).hasToString("Argon2id 128 MiB, 3 iterations, parallelism 1");
        assertThatThrownBy(() -> new KdfParams(1024, 65, 1)).hasMessage("Argon2 iterations must be 1..64, was 65");
        assertThat(List.of(new KdfParams(1536, 1, 2).toString())).containsExactly("Argon2id 1536 KiB, 1 iteration, parallelism 2");
    }
}
