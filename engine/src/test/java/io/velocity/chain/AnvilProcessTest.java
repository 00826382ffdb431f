package io.velocity.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

class AnvilProcessTest {

    @BeforeAll
    static void tools() {
        LocalChain.ensureToolsInstalled();
    }

    @Test
    void startsOnALoopbackPortWithTheConfiguredChainIdAndStopsCleanly() {
        AnvilProcess anvil = AnvilProcess.start(AnvilOptions.defaults().withChainId(80_002));
        try (anvil; RpcClient rpc = RpcClient.connect(RpcClientConfig.defaults(80_002, List.of(anvil.rpcUrl())))) {
            assertThat(anvil.rpcUrl()).startsWith("http://127.0.0.1:");
            assertThat(anvil.chainId()).isEqualTo(80_002);
            assertThat(anvil.accounts()).hasSize(10);
            // Anvil's well-known first development account.
            assertThat(anvil.account(0).address().getValue())
                    .isEqualToIgnoringCase("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
            assertThat(anvil.account(0).toString()).doesNotContain(
                    anvil.account(0).credentials().getEcKeyPair().getPrivateKey().toString(16));
            assertThat(rpc.chainId()).isEqualTo(80_002);
            assertThat(anvil.isAlive()).isTrue();
        }
        assertThat(anvil.isAlive()).isFalse();
        assertThat(ProcessHandle.of(anvil.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    @ExtendWith(LocalChainExtension.class)
    void forkUrlIsPassedThroughSoTheForkSeesTheUpstreamState(LocalChain upstream) {
        Erc20Client upstreamCollateral = upstream.collateral();
        LocalDeployment.mintCollateral(upstream.submitter(LocalChain.DEPLOYER), upstream.contracts.collateral(),
                upstream.address(9), BigInteger.valueOf(4_200_000));
        BigInteger upstreamBalance = upstreamCollateral.balanceOf(upstream.address(9));

        try (AnvilProcess fork = AnvilProcess.start(AnvilOptions.defaults().withForkUrl(upstream.anvil.rpcUrl()));
                RpcClient rpc = RpcClient.connect(RpcClientConfig.defaults(137, List.of(fork.rpcUrl())))) {
            Erc20Client forked = new Erc20Client(rpc, upstream.contracts.collateral());
            assertThat(forked.decimals()).isEqualTo(6);
            assertThat(forked.balanceOf(upstream.address(9))).isEqualTo(upstreamBalance);
        }
    }

    @Test
    void missingBinaryFailsWithAnInstallHint() {
        assertThatThrownBy(() -> AnvilProcess.start(AnvilOptions.defaults().withBinary(Path.of("/nonexistent/anvil"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/anvil")
                .hasMessageContaining("tools/chain/install.sh");
    }
}
