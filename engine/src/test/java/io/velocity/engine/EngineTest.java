package io.velocity.engine;

import io.velocity.risk.HaltLayer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineTest {

    @Test
    void snipesACheapOutcomeAndHoldsTheFilledPosition() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.openMarket(100_000);
            h.book(EngineHarness.UP, 7_800, 50_000_000, 8_000, 500_000_000);
            h.book(EngineHarness.DOWN, 1_800, 50_000_000, 2_200, 500_000_000);
            h.spot(100_200); // fair Up ~ 0.90 against an ask of 0.80
            EngineSnapshot s = h.awaitSnapshot(x -> x.fills().size() > 0);
            MarketRow row = s.markets().get(0);
            assertThat(row.decision()).isIn("SNIPE", "NONE");
            assertThat(row.fairUp()).isGreaterThan(0.85);
            assertThat(s.fills().get(0).outcome()).isEqualTo("UP");
            assertThat(s.fills().get(0).priceE4()).isEqualTo(8_000);
            assertThat(s.fills().get(0).feeMicros()).isPositive();
            OrderRow order = s.orders().get(0);
            assertThat(order.intent()).isEqualTo("SNIPE");
            assertThat(order.tif()).isEqualTo("FOK");
            assertThat(order.state()).isEqualTo("FILLED");
            assertThat(order.traceId()).hasSize(22);
            h.awaitSnapshot(x -> x.markets().get(0).upSharesMicros() > 0);
            assertThat(h.runtime.snapshot().financials().bankrollMicros()).isLessThan(1_000_000_000L);
            assertThat(h.runtime.snapshot().decisionCounts().get("SNIPE")).isPositive();
            assertThat(h.runtime.snapshot().tickToIntent().count()).isPositive();
        }
    }

    @Test
    void placesALadderAndCancelsItWhenTheEdgeDegrades() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.openMarket(100_000);
            h.book(EngineHarness.UP, 4_500, 100_000_000, 5_300, 100_000_000);
            h.book(EngineHarness.DOWN, 4_500, 100_000_000, 5_300, 100_000_000);
            h.spot(100_000);
            EngineSnapshot s = h.awaitSnapshot(x -> x.orders().stream().anyMatch(o -> o.intent().equals("LADDER") && o.state().equals("ACKED")));
            OrderRow ladder = s.orders().stream().filter(o -> o.intent().equals("LADDER"))
                    .max(java.util.Comparator.comparingLong(OrderRow::priceE4)).orElseThrow();
            assertThat(ladder.tif()).isEqualTo("GTC");
            assertThat(ladder.priceE4()).isEqualTo(4_600); // best bid 0.45 + one tick, below fair − min maker edge
            String outcome = ladder.outcome();
            // Move spot hard against the ladder's outcome: its maker edge vanishes.
            h.spot(outcome.equals("UP") ? 99_850 : 100_150);
            s = h.awaitSnapshot(x -> x.orders().stream().filter(o -> o.intent().equals("LADDER") && o.outcome().equals(outcome))
                    .allMatch(o -> o.state().equals("CANCELLED")));
            assertThat(s.ladderCancel().count()).isPositive();
            assertThat(s.ladderCancel().p99Micros()).isLessThan(250_000);
        }
    }

    @Test
    void theKillSwitchStopsNewOrdersAndCancelsRestingOnes() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.openMarket(100_000);
            h.book(EngineHarness.UP, 4_500, 100_000_000, 5_300, 100_000_000);
            h.book(EngineHarness.DOWN, 4_500, 100_000_000, 5_300, 100_000_000);
            h.spot(100_000);
            h.awaitSnapshot(x -> x.orders().stream().anyMatch(o -> o.state().equals("ACKED")));
            h.runtime.halt("test halt");
            assertThat(h.killSwitch.isHalted()).isTrue();
            EngineSnapshot s = h.awaitSnapshot(x -> x.orders().stream().noneMatch(o -> o.state().equals("ACKED")
                    || o.state().equals("CANCEL_REQUESTED")));
            long sent = s.orders().size();
            // A huge edge appears: nothing new may be sent while halted.
            h.book(EngineHarness.UP, 1_000, 100_000_000, 1_100, 100_000_000);
            h.spot(100_300);
            s = h.awaitSnapshot(x -> x.markets().get(0).reason().equals("HALTED"));
            assertThat(s.orders()).hasSize((int) sent);
            assertThat(s.killSwitch().engaged()).containsKey(HaltLayer.MANUAL);
        }
    }

    @Test
    void paperResolutionRealizesPnlAtTheWindowEnd() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.openMarket(100_000);
            h.book(EngineHarness.UP, 7_800, 50_000_000, 8_000, 500_000_000);
            h.book(EngineHarness.DOWN, 1_800, 50_000_000, 2_200, 500_000_000);
            h.spot(100_200);
            h.awaitSnapshot(x -> x.markets().size() == 1 && x.markets().get(0).upSharesMicros() > 0);
            long shares = h.runtime.snapshot().markets().get(0).upSharesMicros();
            long cost = h.runtime.snapshot().markets().get(0).costMicros();
            h.clock.advanceMillis(241_000); // past the window end
            h.spot(100_250);
            h.clock.advanceMillis(3_000);
            EngineSnapshot s = h.awaitSnapshot(x -> !x.windowResults().isEmpty());
            WindowResult r = s.windowResults().get(0);
            assertThat(r.resolvedUp()).isTrue();
            assertThat(r.payoutMicros()).isEqualTo(shares);
            assertThat(r.pnlMicros()).isEqualTo(shares - cost);
            assertThat(s.financials().realizedMicros()).isEqualTo(shares - cost);
            assertThat(s.markets()).isEmpty();
            assertThat(s.fills().get(0).kind()).isEqualTo("REDEMPTION");
        }
    }

    @Test
    void anExceptionOnTheEngineThreadHaltsTradingInsteadOfKillingTheLoop() throws Exception {
        io.velocity.strategy.Sizer broken = (p, q, f) -> {
            throw new IllegalStateException("sizing bug");
        };
        try (EngineHarness h = new EngineHarness(broken)) {
            h.openMarket(100_000);
            h.book(EngineHarness.UP, 7_800, 50_000_000, 8_000, 500_000_000);
            h.spot(100_200);
            EngineSnapshot s = h.awaitSnapshot(x -> x.killSwitch().engaged().containsKey(HaltLayer.ENGINE_ERROR));
            assertThat(s.killSwitch().engaged().get(HaltLayer.ENGINE_ERROR).reason()).contains("sizing bug");
            long seq = s.sequence();
            h.awaitSnapshot(x -> x.sequence() > seq + 3); // the loop keeps running and publishing
            assertThat(h.runtime.handlerErrors()).isPositive();
        }
    }

    @Test
    void aMarketWithoutIdsIsRefusedAtTheBoundary() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.runtime.onMarket(new io.velocity.marketdata.MarketInfo(
                    null, "x", "btc", "5m", "1", "2", 0, 0, 100, 0, 0, 1, 0, false, 0, "2")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void releasingWithoutAReasonIsRefusedOnTheCallersThread() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.runtime.halt("x");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.runtime.release(null, "", "alice"))
                    .isInstanceOf(io.velocity.core.InputException.class);
            h.runtime.release(null, "feeds checked", "alice");
            h.awaitSnapshot(x -> !x.killSwitch().halted());
        }
    }
}
