package io.velocity.execution;

import io.velocity.core.Clock;
import io.velocity.execution.clob.CancelResult;
import io.velocity.execution.clob.ClobReply;
import io.velocity.execution.clob.PlaceAck;
import io.velocity.execution.clob.RailFailure;
import io.velocity.execution.clob.VenueOrder;
import io.velocity.execution.signing.EthAddress;
import io.velocity.execution.signing.Hex;
import io.velocity.execution.signing.OrderSigner;
import io.velocity.execution.signing.Secp256k1Signer;
import io.velocity.execution.signing.SignatureType;
import io.velocity.orders.ExecutionReport;
import io.velocity.orders.ExecutionReport.Kind;
import io.velocity.orders.OrderRequest;
import io.velocity.orders.TimeInForce;
import io.velocity.risk.HaltLayer;
import io.velocity.risk.KillSwitch;
import io.velocity.strategy.Outcome;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import io.velocity.telemetry.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The orchestrator's failover decisions and their timing, with Rail A and Rail B as scripted test
 * doubles (answers placed exactly before or after the 500 ms deadline) and time moved by hand.
 * The same behaviour is exercised end to end against the simulator and anvil elsewhere.
 */
class ExecutionOrchestratorFailoverTest {
    private static final byte[] KEY = Hex.decode("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", 32, "key");
    private static final EthAddress EXCHANGE = EthAddress.parse("0xE111180000d2663C0091e4f400237545B87B996B");

    private final ScriptedRailA railA = new ScriptedRailA();
    private final ScriptedRailB railB = new ScriptedRailB();
    private final ManualDeadlines time = new ManualDeadlines();
    private final Metrics metrics = new Metrics();
    private final HealthRegistry health = new HealthRegistry(Clock.SYSTEM);
    private final KillSwitch killSwitch = new KillSwitch(Clock.SYSTEM);
    private final List<ExecutionReport> reports = new CopyOnWriteArrayList<>();
    private final List<ExecutionStep> steps = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch holdListener = new CountDownLatch(0);
    private volatile boolean inListener;
    private Secp256k1Signer key;
    private ExecutionOrchestrator orchestrator;

    @BeforeEach
    void keys() {
        key = Secp256k1Signer.fromPrivateKey(KEY);
        start(0, 0);
    }

    /** (Re)starts the orchestrator with heartbeats and status polls at these periods (0 = off). */
    private void start(long heartbeatMillis, long pollMillis) {
        if (orchestrator != null) {
            orchestrator.close();
        }
        OrderSigner signer = new OrderSigner(137, EXCHANGE, key);
        OrderFactory factory = new OrderFactory(signer, signer, SignatureType.EOA, null, Clock.SYSTEM, Duration.ofMinutes(10), 7);
        orchestrator = new ExecutionOrchestrator(new ExecutionOrchestrator.Dependencies(r -> {
            if (holdListener.getCount() > 0) {
                inListener = true;
                awaitQuietly(holdListener);
            }
            reports.add(r);
        }, killSwitch, factory, railA, railB, time, steps::add, metrics, health, Clock.SYSTEM),
                new ExecutionOrchestrator.Settings(Duration.ofMillis(500).toNanos(), true, heartbeatMillis * 1_000_000,
                        2, pollMillis * 1_000_000, 0, 15));
    }

    @AfterEach
    void stop() {
        orchestrator.close();
        key.close();
    }

    @Test
    void acknowledgementInsideTheDeadlineKeepsTheIntentOnRailA() throws Exception {
        orchestrator.submit(fok(1));
        ScriptedRailA.Call<ClobReply<PlaceAck>> place = railA.next("place");
        time.advanceMillis(499);
        place.answer(ClobReply.ok(new PlaceAck(orderId(place), "matched", 6_000_000, 10_000_000), 200, 1_000));

        awaitKinds(Kind.ACK, Kind.FILL);
        time.advanceMillis(1_000);
        assertThat(reports.get(1).rail()).isEqualTo("A");
        assertThat(reports.get(1).fillSizeMicros()).isEqualTo(10_000_000);
        assertThat(reports.get(1).fillPriceE4()).isEqualTo(6_000);
        assertThat(railA.calls).isEmpty();
        assertThat(railB.fills).isEmpty();
        assertThat(metrics.railFailoverCount()).isZero();
        assertThat(steps).extracting(ExecutionStep::path).containsOnly("A");
    }

    @Test
    void noAcknowledgementWithin500msCancelsOnRailAAndFillsOnRailBOnce() throws Exception {
        orchestrator.submit(fok(2));
        ScriptedRailA.Call<ClobReply<PlaceAck>> place = railA.next("place");
        time.advanceMillis(500);

        ScriptedRailA.Call<ClobReply<CancelResult>> cancel = railA.next("cancel");
        assertThat(cancel.argument()).isEqualTo(List.of(orderId(place)));
        cancel.answer(ClobReply.ok(notCanceled(place, "order can't be found - already canceled or matched"), 200, 1));
        railA.<ClobReply<Optional<VenueOrder>>>next("order").answer(ClobReply.ok(Optional.empty(), 200, 1));
        ScriptedRailB.Fill fill = railB.next();
        assertThat(fill.order().orderId()).isEqualTo(orderId(place)); // the very same signed order
        fill.result().complete(new ChainFill(ChainFill.Outcome.FILLED, "0xfeed", "", 6_000_000, 10_000_000, 90_000,
                BigInteger.ONE, 0));

        awaitKinds(Kind.ACK, Kind.FILL);
        assertThat(reports).allMatch(r -> r.rail().equals("B"));
        assertThat(metrics.railFailoverCount()).isEqualTo(1.0);
        // Rail A's answer finally arrives: the order was rejected there; nothing more happens.
        place.answer(ClobReply.railFailure(RailFailure.TIMEOUT, 0, "timed out", 2_000_000_000L));
        time.advanceMillis(2_000);
        assertThat(railB.fills).isEmpty();
        assertThat(reports).hasSize(2);
        assertThat(steps).extracting(ExecutionStep::stage).contains(ExecutionStage.FAILOVER);
        assertThat(steps.get(steps.size() - 1).path()).isEqualTo("A->B");
    }

    @Test
    void lateAcknowledgementOfAnOrderThatFilledOnRailAKeepsRailBOut() throws Exception {
        orchestrator.submit(fok(3));
        ScriptedRailA.Call<ClobReply<PlaceAck>> place = railA.next("place");
        time.advanceMillis(600);
        railA.<ClobReply<CancelResult>>next("cancel")
                .answer(ClobReply.ok(notCanceled(place, "order already matched"), 200, 1));
        railA.<ClobReply<Optional<VenueOrder>>>next("order").answer(ClobReply.ok(Optional.of(
                new VenueOrder(orderId(place), "MATCHED", 10_000_000, 10_000_000, 6_000)), 200, 1));

        awaitKinds(Kind.ACK, Kind.FILL);
        assertThat(reports).allMatch(r -> r.rail().equals("A"));
        assertThat(reports.get(0).venueOrderId()).isEqualTo(orderId(place));
        assertThat(railB.fills).isEmpty();
        place.answer(ClobReply.ok(new PlaceAck(orderId(place), "matched", 6_000_000, 10_000_000), 200, 700_000_000));
        time.advanceMillis(2_000);
        assertThat(reports).hasSize(2); // the late answer adds no second fill
        assertThat(railB.fills).isEmpty();
        assertThat(metrics.railFailoverCount()).isZero();
    }

    @Test
    void railAStateThatCannotBeLearnedRaisesAnAlertAndNeverSendsOnRailB() throws Exception {
        orchestrator.submit(fok(4));
        railA.next("place");
        time.advanceMillis(500);
        railA.<ClobReply<CancelResult>>next("cancel")
                .answer(ClobReply.railFailure(RailFailure.CONNECTION_LOST, 0, "connection reset", 1));
        railA.<ClobReply<Optional<VenueOrder>>>next("order")
                .answer(ClobReply.railFailure(RailFailure.SERVER_ERROR, 503, "unavailable", 1));

        awaitKinds(Kind.RAIL_FAILURE);
        assertThat(reports.get(0).detail()).startsWith("ALERT").contains("not sent on Rail B");
        assertThat(health.get(ExecutionOrchestrator.HEALTH_RAIL_A).state()).isEqualTo(HealthState.DOWN);
        assertThat(railB.fills).isEmpty();
        assertThat(metrics.railFailoverCount()).isZero();
    }

    @Test
    void orderErrorsAreRejectedWithTheVenueMessageAndNeverFailOver() throws Exception {
        orchestrator.submit(fok(5));
        ScriptedRailA.Call<ClobReply<PlaceAck>> place = railA.next("place");
        place.answer(ClobReply.orderError(400, "invalid amounts, the market buy orders maker amount supports a "
                + "max accuracy of 2 decimals", 1));

        awaitKinds(Kind.REJECT);
        assertThat(reports.get(0).detail()).contains("max accuracy of 2 decimals");
        time.advanceMillis(1_000);
        assertThat(railA.calls).isEmpty();
        assertThat(railB.fills).isEmpty();
    }

    @Test
    void rateLimitedOrderNeverReachedTheVenueSoItGoesStraightToRailB() throws Exception {
        orchestrator.submit(fok(6));
        railA.<ClobReply<PlaceAck>>next("place")
                .answer(ClobReply.railFailure(RailFailure.RATE_LIMITED, 429, "Too Many Requests", 1));

        ScriptedRailB.Fill fill = railB.next();
        assertThat(railA.calls).isEmpty(); // no cancel, no status: the venue never took it
        fill.result().complete(ChainFill.refused("NotOperator"));

        awaitKinds(Kind.RAIL_FAILURE);
        assertThat(reports.get(0).detail()).contains("NotOperator").contains("nothing sent");
        assertThat(steps.get(steps.size() - 1).path()).isEqualTo("A->B refused");
    }

    @Test
    void serverErrorAndDeadlineRacingStillFailOverExactlyOnce() throws Exception {
        orchestrator.submit(fok(7));
        ScriptedRailA.Call<ClobReply<PlaceAck>> place = railA.next("place");
        time.advanceMillis(500);                       // the deadline fires first ...
        place.answer(ClobReply.railFailure(RailFailure.SERVER_ERROR, 500, "internal error", 1)); // ... then 5xx
        railA.<ClobReply<CancelResult>>next("cancel").answer(ClobReply.ok(notCanceled(place, "not found"), 200, 1));
        railA.<ClobReply<Optional<VenueOrder>>>next("order").answer(ClobReply.ok(Optional.empty(), 200, 1));
        railB.next().result().complete(new ChainFill(ChainFill.Outcome.FILLED, "0x01", "", 6_000_000, 10_000_000, 1,
                BigInteger.ONE, 0));

        awaitKinds(Kind.ACK, Kind.FILL);
        time.advanceMillis(2_000);
        assertThat(railA.calls).isEmpty();
        assertThat(railB.fills).isEmpty();
        assertThat(metrics.railFailoverCount()).isEqualTo(1.0);
    }

    @Test
    void restingOrdersReportRailFailuresInsteadOfFailingOver() throws Exception {
        orchestrator.submit(gtc(8));
        railA.<ClobReply<PlaceAck>>next("place")
                .answer(ClobReply.railFailure(RailFailure.SERVER_ERROR, 502, "bad gateway", 1));

        awaitKinds(Kind.RAIL_FAILURE);
        assertThat(reports.get(0).detail()).contains("502");
        assertThat(railB.fills).isEmpty();
    }

    @Test
    void killSwitchRejectsBeforeAnythingIsSigned() throws Exception {
        killSwitch.engage(HaltLayer.MANUAL, "test");
        orchestrator.submit(fok(9));

        awaitKinds(Kind.REJECT);
        assertThat(reports.get(0).detail()).isEqualTo("kill switch engaged");
        assertThat(railA.calls).isEmpty();
    }

    @Test
    void restingOrdersQueuedTogetherLeaveAsOneBatch() throws Exception {
        holdListener = new CountDownLatch(1);
        orchestrator.submit(new OrderRequest(10, "t10", "0xc", "123", Outcome.UP, true, 5_000, 5_000_000,
                TimeInForce.GTC, true, 7, false, 0.07, 1, System.nanoTime())); // tick 7: rejected, holds the thread
        await().until(() -> inListener);
        for (int i = 11; i <= 13; i++) {
            orchestrator.submit(gtc(i));
        }
        holdListener.countDown();

        ScriptedRailA.Call<ClobReply<List<ClobReply<PlaceAck>>>> batch = railA.next("placeBatch");
        @SuppressWarnings("unchecked")
        List<PreparedOrder> orders = (List<PreparedOrder>) batch.argument();
        assertThat(orders).extracting(o -> o.request().clientOrderId()).containsExactly(11L, 12L, 13L);
        batch.answer(ClobReply.ok(List.of(
                ClobReply.ok(new PlaceAck(orders.get(0).orderId(), "live", 0, 0), 200, 1),
                ClobReply.orderError(200, "not enough balance / allowance", 1),
                ClobReply.ok(new PlaceAck(orders.get(2).orderId(), "live", 0, 0), 200, 1)), 200, 1));

        awaitKinds(Kind.REJECT, Kind.ACK, Kind.REJECT, Kind.ACK);
        assertThat(reports.get(2).detail()).isEqualTo("not enough balance / allowance");
    }

    @Test
    void restingOrderFillsArriveThroughStatusPollsAsMakerFills() throws Exception {
        start(0, 1_000);
        orchestrator.submit(gtc(20));
        ScriptedRailA.Call<ClobReply<PlaceAck>> place = railA.next("place");
        place.answer(ClobReply.ok(new PlaceAck(orderId(place), "live", 0, 0), 200, 1));
        awaitKinds(Kind.ACK);

        time.advanceMillis(1_000);
        railA.<ClobReply<Optional<VenueOrder>>>next("order").answer(ClobReply.ok(Optional.of(
                new VenueOrder(orderId(place), "LIVE", 5_000_000, 2_000_000, 5_000)), 200, 1));
        awaitKinds(Kind.ACK, Kind.FILL);
        time.advanceMillis(1_000);
        railA.<ClobReply<Optional<VenueOrder>>>next("order").answer(ClobReply.ok(Optional.of(
                new VenueOrder(orderId(place), "MATCHED", 5_000_000, 5_000_000, 5_000)), 200, 1));

        awaitKinds(Kind.ACK, Kind.FILL, Kind.FILL);
        assertThat(reports.get(1).fillSizeMicros()).isEqualTo(2_000_000);
        assertThat(reports.get(2).fillSizeMicros()).isEqualTo(3_000_000);
        assertThat(reports.get(2).feeMicros()).isZero();
    }

    @Test
    void lostHeartbeatsCancelRestingOrders() throws Exception {
        start(5_000, 0);
        orchestrator.submit(gtc(30));
        ScriptedRailA.Call<ClobReply<PlaceAck>> place = railA.next("place");
        place.answer(ClobReply.ok(new PlaceAck(orderId(place), "live", 0, 0), 200, 1));
        awaitKinds(Kind.ACK);

        for (int beat = 0; beat < 2; beat++) {
            time.advanceMillis(5_000);
            railA.<ClobReply<String>>next("heartbeat")
                    .answer(ClobReply.railFailure(RailFailure.TIMEOUT, 0, "timed out", 1));
        }
        ScriptedRailA.Call<ClobReply<CancelResult>> cancelAll = railA.next("cancelAll");
        cancelAll.answer(ClobReply.ok(new CancelResult(Set.of(orderId(place)), Map.of()), 200, 1));

        awaitKinds(Kind.ACK, Kind.CANCELLED);
        assertThat(reports.get(1).detail()).contains("heartbeats lost");
        assertThat(health.get(ExecutionOrchestrator.HEALTH_HEARTBEAT).state()).isEqualTo(HealthState.DOWN);
    }

    @Test
    void cancelOfARestingOrderIsConfirmedByTheVenue() throws Exception {
        orchestrator.submit(gtc(40));
        ScriptedRailA.Call<ClobReply<PlaceAck>> place = railA.next("place");
        place.answer(ClobReply.ok(new PlaceAck(orderId(place), "live", 0, 0), 200, 1));
        awaitKinds(Kind.ACK);

        orchestrator.cancel(40, orderId(place));
        railA.<ClobReply<CancelResult>>next("cancel")
                .answer(ClobReply.ok(new CancelResult(Set.of(orderId(place)), Map.of()), 200, 1));
        awaitKinds(Kind.ACK, Kind.CANCELLED);
        orchestrator.cancel(41, "");

        awaitKinds(Kind.ACK, Kind.CANCELLED, Kind.CANCEL_REJECTED);
        assertThat(reports.get(2).clientOrderId()).isEqualTo(41);
    }

    // ------------------------------------------------------------------ helpers

    private static OrderRequest fok(long id) {
        return new OrderRequest(id, "trace-" + id, "0xcondition", "123456789", Outcome.UP, true, 6_000, 10_000_000,
                TimeInForce.FOK, false, 100, false, 0.07, 1, System.nanoTime());
    }

    private static OrderRequest gtc(long id) {
        return new OrderRequest(id, "trace-" + id, "0xcondition", "123456789", Outcome.UP, true, 5_000, 5_000_000,
                TimeInForce.GTC, true, 100, false, 0.07, 1, System.nanoTime());
    }

    private static String orderId(ScriptedRailA.Call<?> place) {
        return ((PreparedOrder) place.argument()).orderId();
    }

    private static CancelResult notCanceled(ScriptedRailA.Call<?> place, String reason) {
        return new CancelResult(Set.of(), Map.of(orderId(place).toLowerCase(), reason));
    }

    private void awaitKinds(Kind... kinds) {
        await().atMost(Duration.ofSeconds(5)).until(() -> reports.size() >= kinds.length);
        assertThat(reports).extracting(ExecutionReport::kind).containsExactly(kinds);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
