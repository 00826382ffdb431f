package io.velocity.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.velocity.core.Clock;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The listener on anvil: logs found in confirmed blocks only, once per condition, conditions
 * watched late caught from state, bounded ranges, reorgs ignored, WebSocket wake-ups.
 */
@ExtendWith(LocalChainExtension.class)
class ResolutionListenerTest {

    private final HealthRegistry health = new HealthRegistry(Clock.SYSTEM);
    private final List<ResolvedCondition> resolved = new CopyOnWriteArrayList<>();
    private LocalChain chain;
    private ChainFixtures fixtures;

    @BeforeEach
    void setUp(LocalChain localChain) {
        chain = localChain;
        fixtures = new ChainFixtures(chain);
    }

    @Test
    void reportsAWatchedResolutionOnceFromItsLog() {
        Hash32 condition = fixtures.prepareCondition();
        Hash32 other = fixtures.prepareCondition();
        try (ResolutionListener listener = listener(chain.rpc, 0, Duration.ofSeconds(1), 1000, 0, Optional.empty())) {
            listener.doWork();
            listener.watch(condition);
            assertThat(listener.doWork()).isZero();

            fixtures.resolve(other, 0, 1);
            fixtures.resolve(condition, 1, 0);
            assertThat(listener.doWork()).isEqualTo(1);
            assertThat(listener.doWork()).isZero();

            assertThat(resolved).hasSize(1);
            ResolvedCondition resolution = resolved.get(0);
            assertThat(resolution.conditionId()).isEqualTo(condition);
            assertThat(resolution.payoutNumerators()).containsExactly(BigInteger.ONE, BigInteger.ZERO);
            assertThat(resolution.winningSlot()).isZero();
            assertThat(resolution.transactionHash()).isPresent();
            assertThat(listener.watched()).isEmpty();
            assertThat(health.get(ResolutionListener.COMPONENT).state()).isEqualTo(HealthState.UP);
        }
    }

    @Test
    void actsOnlyOnceTheResolutionIsConfirmationsDeep() {
        Hash32 condition = fixtures.prepareCondition();
        try (ResolutionListener listener = listener(chain.rpc, 3, Duration.ofSeconds(1), 1000, 0, Optional.empty())) {
            listener.doWork();
            listener.watch(condition);
            fixtures.resolve(condition, 0, 1);

            assertThat(listener.doWork()).isZero();
            fixtures.mine(2);
            assertThat(listener.doWork()).isZero();
            fixtures.mine(1);
            assertThat(listener.doWork()).isEqualTo(1);
            assertThat(resolved).extracting(ResolvedCondition::winningSlot).containsExactly(1);
        }
    }

    @Test
    void ignoresAResolutionThatAReorgRemovedBeforeItWasConfirmed() {
        Hash32 condition = fixtures.prepareCondition();
        try (ResolutionListener listener = listener(chain.rpc, 2, Duration.ofSeconds(1), 1000, 0, Optional.empty())) {
            listener.doWork();
            listener.watch(condition);
            String beforeResolution = fixtures.snapshot();
            fixtures.resolve(condition, 1, 0);
            assertThat(listener.doWork()).isZero();

            fixtures.revert(beforeResolution);
            fixtures.mine(5);
            assertThat(listener.doWork()).isZero();
            assertThat(chain.ctf().isResolved(condition)).isFalse();
            assertThat(resolved).isEmpty();

            // The oracle resolves again, the other way, on the surviving chain.
            fixtures.resolve(condition, 0, 1);
            fixtures.mine(2);
            assertThat(listener.doWork()).isEqualTo(1);
            assertThat(resolved).extracting(ResolvedCondition::winningSlot).containsExactly(1);
        }
    }

    @Test
    void reportsAConditionWatchedAfterItResolvedFromState() {
        Hash32 condition = fixtures.prepareCondition();
        try (ResolutionListener listener = listener(chain.rpc, 0, Duration.ofSeconds(1), 1000, 0, Optional.empty())) {
            listener.doWork();
            fixtures.resolve(condition, 1, 1);
            listener.doWork();
            assertThat(listener.scannedTo()).contains(chain.rpc.blockNumber());

            listener.watch(condition);
            assertThat(listener.doWork()).isEqualTo(1);

            assertThat(resolved).hasSize(1);
            assertThat(resolved.get(0).transactionHash()).isEmpty();
            assertThat(resolved.get(0).winningSlot()).isEqualTo(-1);
            assertThat(resolved.get(0).payoutDenominator()).isEqualTo(BigInteger.TWO);
        }
    }

    @Test
    void findsAResolutionFromBeforeStartWithinTheLookbackInBoundedRanges() {
        Hash32 condition = fixtures.prepareCondition();
        Hash32 stillOpen = fixtures.prepareCondition();
        fixtures.resolve(condition, 1, 0);
        fixtures.mine(6);
        AtomicInteger getLogsCalls = new AtomicInteger();
        try (RpcClient counted = RpcClient.connect(ChainFixtures.fastRetries(chain.anvil.rpcUrl()),
                (endpoint, method, nanos, outcome) -> {
                    if (method.equals("eth_getLogs")) {
                        getLogsCalls.incrementAndGet();
                    }
                });
                ResolutionListener listener = listener(counted, 0, Duration.ofSeconds(1), 2, 10, Optional.empty())) {
            listener.watch(condition);
            listener.watch(stillOpen);
            assertThat(listener.doWork()).isEqualTo(1);
            assertThat(resolved.get(0).transactionHash()).isPresent();
            assertThat(listener.watched()).containsExactly(stillOpen);
            // 11 blocks (head − 10 … head) in ranges of at most 2 blocks.
            assertThat(getLogsCalls.get()).isEqualTo(6);
        }
    }

    @Test
    void webSocketSubscriptionWakesTheListenerLongBeforeTheNextPoll() {
        Hash32 condition = fixtures.prepareCondition();
        try (ResolutionListener listener = listener(chain.rpc, 0, Duration.ofMinutes(10), 1000, 0,
                Optional.of(fixtures.webSocketUri()))) {
            listener.start();
            await().atMost(Duration.ofSeconds(10)).until(listener::webSocketConnected);
            listener.watch(condition);
            await().atMost(Duration.ofSeconds(10)).until(() -> listener.scannedTo().isPresent());

            fixtures.resolve(condition, 1, 0);

            await().atMost(Duration.ofSeconds(10)).until(() -> resolved.size() == 1);
            assertThat(resolved.get(0).conditionId()).isEqualTo(condition);
            assertThat(health.get(ResolutionListener.COMPONENT).detail()).contains("WebSocket").contains("connected");
        }
    }

    private ResolutionListener listener(RpcClient rpc, int confirmations, Duration poll, int range, int lookback,
            Optional<java.net.URI> webSocket) {
        return new ResolutionListener(rpc, new CtfClient(rpc, chain.contracts.ctf()),
                new ResolutionListenerSettings(confirmations, poll, range, lookback, webSocket), resolved::add, health);
    }
}
