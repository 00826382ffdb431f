package io.velocity.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/** Gas records, replace-by-fee, dropped nonces, resumption and a half-failing RPC, on anvil. */
@ExtendWith(LocalChainExtension.class)
class TransactionSenderTest {

    private LocalChain chain;
    private ChainFixtures fixtures;
    private Credentials wallet;
    private final List<PendingTransaction> broadcasts = new CopyOnWriteArrayList<>();
    private final List<String> broadcastHashes = new CopyOnWriteArrayList<>();
    private final List<BigInteger> broadcastFeeCaps = new CopyOnWriteArrayList<>();
    private final List<MinedTransaction> mined = new CopyOnWriteArrayList<>();
    private final List<PendingTransaction> dropped = new CopyOnWriteArrayList<>();

    private final TransactionObserver recorder = new TransactionObserver() {
        @Override
        public void onBroadcast(PendingTransaction pending) {
            broadcasts.add(pending);
            broadcastHashes.add(pending.latestHash());
            broadcastFeeCaps.add(pending.maxFeePerGas());
        }

        @Override
        public void onMined(MinedTransaction transaction) {
            mined.add(transaction);
        }

        @Override
        public void onDropped(PendingTransaction pending) {
            dropped.add(pending);
        }
    };

    @BeforeEach
    void setUp(LocalChain localChain) {
        chain = localChain;
        fixtures = new ChainFixtures(chain);
        wallet = fixtures.freshWallet();
    }

    @Test
    void recordsEstimateAndActualGasOfEveryTransaction() {
        MinedTransaction result = sender(chain.rpc, policy(Duration.ofSeconds(30))).send(approve(7));

        assertThat(mined).containsExactly(result);
        assertThat(broadcastHashes).containsExactly(result.hash());
        GasUsage gas = result.gas();
        assertThat(gas.used()).isPositive();
        assertThat(gas.estimate()).isPositive();
        assertThat(gas.limit()).isGreaterThanOrEqualTo(gas.nodeEstimate());
        assertThat(gas.effectiveGasPrice()).isPositive();
        assertThat(Math.abs(gas.deviationPercent())).isLessThanOrEqualTo(10.0);
        assertThat(chain.collateral().allowance(owner(), chain.contracts.ctf())).isEqualTo(BigInteger.valueOf(7));
    }

    @Test
    void replacesAStuckTransactionWithHigherFeesAndTheReplacementIsMined() {
        TransactionSender sender = sender(chain.rpc, policy(Duration.ofMillis(150)));
        fixtures.automine(false);
        try {
            PendingTransaction pending = sender.broadcast(approve(11));
            CompletableFuture<MinedTransaction> result = CompletableFuture.supplyAsync(() -> sender.await(pending));
            await().atMost(Duration.ofSeconds(10)).until(() -> pending.replacements() >= 1);
            fixtures.mine(1);

            MinedTransaction minedTransaction = result.join();
            assertThat(minedTransaction.replacements()).isGreaterThanOrEqualTo(1);
            assertThat(minedTransaction.hash()).isNotEqualTo(pending.hashes().get(0));
            assertThat(pending.hashes()).contains(minedTransaction.hash());
            assertThat(chain.rpc.transactionReceipt(pending.hashes().get(0))).isEmpty();
            assertThat(broadcastFeeCaps.get(1)).isGreaterThanOrEqualTo(broadcastFeeCaps.get(0).multiply(BigInteger.valueOf(115))
                    .divide(BigInteger.valueOf(100)));
            assertThat(chain.rpc.minedNonce(owner().getValue())).isEqualTo(BigInteger.ONE);
        } finally {
            fixtures.automine(true);
        }
    }

    @Test
    void reportsDroppedWhenAnotherTransactionTakesTheNonce() {
        TransactionSender sender = sender(chain.rpc, policy(Duration.ofSeconds(30)));
        fixtures.automine(false);
        try {
            PendingTransaction pending = sender.broadcast(approve(13));
            // A conflicting self-transfer with the same nonce and far higher fees wins the slot.
            BigInteger fee = pending.maxFeePerGas().multiply(BigInteger.TEN);
            RawTransaction conflicting = RawTransaction.createEtherTransaction(chain.rpc.chainId(), pending.nonce(),
                    BigInteger.valueOf(21_000), wallet.getAddress(), BigInteger.ZERO, fee, fee);
            chain.rpc.sendRawTransaction(Numeric.toHexString(TransactionEncoder.signMessage(conflicting, wallet)));
            fixtures.mine(1);

            assertThatThrownBy(() -> sender.await(pending)).isInstanceOf(TransactionDroppedException.class)
                    .hasMessageContaining("nonce " + pending.nonce());
            assertThat(dropped).containsExactly(pending);
        } finally {
            fixtures.automine(true);
        }
    }

    @Test
    void resumesTrackingATransactionSentBeforeARestart() {
        fixtures.automine(false);
        PendingTransaction restored;
        try {
            PendingTransaction pending = sender(chain.rpc, policy(Duration.ofSeconds(30))).broadcast(approve(17));
            restored = PendingTransaction.restore(pending.request(), pending.from(), pending.nonce(),
                    pending.gasEstimate(), pending.nodeGasEstimate(), pending.gasLimit(), pending.maxPriorityFeePerGas(),
                    pending.maxFeePerGas(), pending.hashes());
        } finally {
            fixtures.automine(true);
        }
        fixtures.mine(1);

        MinedTransaction result = sender(chain.rpc, policy(Duration.ofSeconds(30))).await(restored);

        assertThat(result.hash()).isEqualTo(restored.hashes().get(0));
        assertThat(chain.rpc.minedNonce(owner().getValue())).isEqualTo(BigInteger.ONE);
    }

    @Test
    void callThatWouldRevertIsRefusedBeforeAnythingIsSent() {
        Hash32 unresolved = fixtures.prepareCondition();
        TransactionRequest redeem = TransactionRequest.call("redeem", "test", chain.contracts.ctf(),
                CtfFunctions.redeemPositions(chain.contracts.collateral(), Hash32.ZERO, unresolved,
                        List.of(ChainFixtures.UP, ChainFixtures.DOWN)));

        assertThatThrownBy(() -> sender(chain.rpc, policy(Duration.ofSeconds(30))).send(redeem))
                .isInstanceOf(ExecutionRevertedException.class)
                .hasMessageContaining("result for condition not received yet");
        assertThat(broadcasts).isEmpty();
        assertThat(chain.rpc.pendingNonce(owner().getValue())).isZero();
    }

    @Test
    void completesExactlyOnceThroughAnRpcThatFailsHalfItsCalls() throws IOException {
        try (LoopbackJsonRpcServer proxy = ChainFixtures.halfFailingProxy(chain.anvil.rpcUrl());
                RpcClient flaky = RpcClient.connect(ChainFixtures.fastRetries(proxy.url()))) {
            TransactionSender sender = sender(flaky, policy(Duration.ofSeconds(30)));
            for (int i = 1; i <= 3; i++) {
                sender.send(approve(100 + i));
            }

            assertThat(chain.rpc.minedNonce(owner().getValue())).isEqualTo(BigInteger.valueOf(3));
            assertThat(chain.collateral().allowance(owner(), chain.contracts.ctf())).isEqualTo(BigInteger.valueOf(103));
            assertThat(mined).hasSize(3);
            assertThat(flaky.endpointStats().get(0).failures()).isGreaterThanOrEqualTo(5);
        }
    }

    private TransactionSender sender(RpcClient rpc, TransactionPolicy policy) {
        return new TransactionSender(rpc, new CredentialsSigner(wallet), new NodeNonceSource(rpc), policy, recorder);
    }

    private static TransactionPolicy policy(Duration replaceAfter) {
        return new TransactionPolicy(1.2, Duration.ofMillis(20), replaceAfter, 15, TransactionPolicy.gwei(1_000),
                Duration.ofSeconds(20));
    }

    private Address owner() {
        return new Address(wallet.getAddress());
    }

    private TransactionRequest approve(long amount) {
        Function approve = new Function("approve", List.of(chain.contracts.ctf(), new Uint256(amount)),
                Collections.emptyList());
        return TransactionRequest.call("approve", "test-" + amount, chain.contracts.collateral(), approve);
    }
}
