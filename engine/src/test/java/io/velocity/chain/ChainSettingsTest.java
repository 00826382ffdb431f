package io.velocity.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainSettingsTest {

    @Test
    void rpcConfigRejectsEmptyEndpointListsAndNonsenseRetrySettings() {
        assertThatThrownBy(() -> RpcClientConfig.defaults(137, List.of()))
                .hasMessageContaining("at least one RPC endpoint");
        assertThatThrownBy(() -> RpcClientConfig.defaults(137, List.of("http://127.0.0.1:1"))
                .withRetries(0, Duration.ofMillis(1), Duration.ofMillis(2)))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RpcClientConfig.defaults(137, List.of("http://127.0.0.1:1"))
                .withRetries(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> RpcClientConfig.defaults(0, List.of("http://127.0.0.1:1")))
                .hasMessageContaining("expectedChainId");
    }

    @Test
    void endpointMustBeHttpAndPrintsWithoutPathOrQuery() {
        assertThatThrownBy(() -> RpcEndpoint.of("ws://127.0.0.1:8546")).hasMessageContaining("http or https");
        assertThat(RpcEndpoint.of("https://polygon.example:8443/v2/KEY?x=1").displayName())
                .isEqualTo("https://polygon.example:8443/…");
        assertThat(RpcEndpoint.of("http://127.0.0.1:8545").displayName()).isEqualTo("http://127.0.0.1:8545");
    }

    @Test
    void anvilOptionsNeverPrintACustomMnemonicOrForkApiKey() {
        AnvilOptions options = new AnvilOptions(Optional.empty(), 137, 0,
                "legal winner thank year wave sausage worth useful legal winner thank yellow", 3,
                Optional.of("https://rpc.example/v2/FORK-KEY"), Duration.ofSeconds(5));

        assertThat(options.toString()).doesNotContain("legal winner").doesNotContain("FORK-KEY")
                .contains("<custom, hidden>").contains("https://rpc.example/…");
        assertThat(AnvilOptions.defaults().toString()).contains("mnemonic=<development>");
    }

    @Test
    void hash32RoundTripsHexAndUint256() {
        Hash32 value = Hash32.of("0x" + "0".repeat(62) + "2a");

        assertThat(value.toUint256()).hasToString("42");
        assertThat(Hash32.ofUint256(value.toUint256())).isEqualTo(value);
        assertThat(value.hex()).isEqualTo("0x" + "0".repeat(62) + "2a");
        assertThat(Hash32.ZERO.isZero()).isTrue();
        assertThatThrownBy(() -> Hash32.of("0x1234")).hasMessageContaining("64 hex digits");
    }
}
