package io.velocity.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.web3j.abi.datatypes.Address;

/**
 * One anvil node with the local contracts deployed, shared by every chain test in the JVM (started
 * once via {@link LocalChainExtension}, closed by JUnit at the end of the run). Public so tests of
 * other packages (accounting, execution) share the same node.
 */
public final class LocalChain implements AutoCloseable {

    public static final int DEPLOYER = 0;
    public static final int OPERATOR = 1;

    public final AnvilProcess anvil;
    public final RpcClient rpc;
    public final LocalContracts contracts;

    private LocalChain(AnvilProcess anvil, RpcClient rpc, LocalContracts contracts) {
        this.anvil = anvil;
        this.rpc = rpc;
        this.contracts = contracts;
    }

    public static LocalChain start() {
        ensureToolsInstalled();
        AnvilProcess anvil = AnvilProcess.start(AnvilOptions.defaults());
        RpcClient rpc = null;
        try {
            rpc = RpcClient.connect(RpcClientConfig.defaults(anvil.chainId(), java.util.List.of(anvil.rpcUrl())));
            TransactionSubmitter deployer = submitter(rpc, anvil.account(DEPLOYER));
            LocalContracts contracts = LocalDeployment.deploy(deployer, anvil.account(OPERATOR).address());
            return new LocalChain(anvil, rpc, contracts);
        } catch (RuntimeException e) {
            if (rpc != null) {
                rpc.close();
            }
            anvil.close();
            throw e;
        }
    }

    public TransactionSubmitter submitter(int account) {
        return submitter(rpc, anvil.account(account));
    }

    public Address address(int account) {
        return anvil.account(account).address();
    }

    public CtfClient ctf() {
        return new CtfClient(rpc, contracts.ctf());
    }

    public Erc20Client collateral() {
        return new Erc20Client(rpc, contracts.collateral());
    }

    public static TransactionSubmitter submitter(RpcClient rpc, DevAccount account) {
        return new TransactionSubmitter(rpc, account.credentials(), Duration.ofSeconds(10), Duration.ofMillis(20));
    }

    /** Installs tools/chain (npm registry) when the anvil binary is missing; fast no-op otherwise. */
    static Path ensureToolsInstalled() {
        Path root = ChainTools.projectRoot().orElseThrow(
                () -> new IllegalStateException("project root with tools/chain not found from "
                        + Path.of("").toAbsolutePath()));
        if (!Files.isExecutable(ChainTools.anvilBinary(root))) {
            run(root, ChainTools.installScript(root).toString());
        }
        return root;
    }

    /** Runs a project script, failing the test with its output when it fails. */
    static String run(Path root, String... command) {
        try {
            Path log = Files.createTempFile("velocity-chain-tool", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(root.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                boolean finished = process.waitFor(5, TimeUnit.MINUTES);
                String output = Files.readString(log, StandardCharsets.UTF_8);
                if (!finished) {
                    process.destroyForcibly();
                }
                assertThat(finished).as("%s finished in time; output:%n%s", String.join(" ", command), output)
                        .isTrue();
                assertThat(process.exitValue()).as("%s exit code; output:%n%s", String.join(" ", command), output)
                        .isZero();
                return output;
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        }
    }

    @Override
    public void close() {
        rpc.close();
        anvil.close();
    }
}
