package io.velocity.execution.paper;

import io.velocity.core.ManualClock;
import io.velocity.marketdata.BookTop;
import io.velocity.marketdata.LastTrade;
import io.velocity.orders.ExecutionReport;
import io.velocity.orders.OrderRequest;
import io.velocity.orders.TimeInForce;
import io.velocity.risk.HaltLayer;
import io.velocity.risk.KillSwitch;
import io.velocity.strategy.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PaperGatewayTest {
    private final List<ExecutionReport> reports = new CopyOnWriteArrayList<>();
    private final KillSwitch ks = new KillSwitch(new ManualClock(0));
    private final PaperGateway gw = new PaperGateway(reports::add, ks);

    @AfterEach
    void close() {
        gw.close();
    }

    private void book(long[] bids, long[] bidSizes, long[] asks, long[] askSizes) {
        gw.onBookTop(new BookTop("T", "C", bids, bidSizes, asks, askSizes, bids.length, asks.length, 100, 0, 0));
    }

    private static OrderRequest order(long id, boolean buy, long price, long size, TimeInForce tif, boolean postOnly) {
        return new OrderRequest(id, "trace", "C", "T", Outcome.UP, buy, price, size, tif, postOnly, 100, false, 0.07, 1, System.nanoTime());
    }

    private List<ExecutionReport> of(long id) {
        return reports.stream().filter(r -> r.clientOrderId() == id).toList();
    }

    @Test
    void aFokBuyWalksTheBookAndPaysTheTakerFeePerLevel() {
        book(new long[]{4_900}, new long[]{10_000_000}, new long[]{5_000, 5_100}, new long[]{5_000_000, 5_000_000});
        gw.submit(order(1, true, 5_100, 8_000_000, TimeInForce.FOK, false));
        await().atMost(Duration.ofSeconds(2)).until(() -> of(1).size() == 3);
        assertThat(of(1)).extracting(ExecutionReport::kind).containsExactly(ExecutionReport.Kind.ACK,
                ExecutionReport.Kind.FILL, ExecutionReport.Kind.FILL);
        assertThat(of(1).get(1).fillSizeMicros()).isEqualTo(5_000_000);
        assertThat(of(1).get(1).feeMicros()).isEqualTo(87_500); // 5 × 0.07 × 0.25
        assertThat(of(1).get(2).fillPriceE4()).isEqualTo(5_100);
    }

    @Test
    void aFokThatCannotFillCompletelyIsKilledAndConsumedLiquidityIsNotReused() {
        book(new long[]{4_900}, new long[]{10_000_000}, new long[]{5_000}, new long[]{5_000_000});
        gw.submit(order(1, true, 5_000, 4_000_000, TimeInForce.FOK, false));
        gw.submit(order(2, true, 5_000, 4_000_000, TimeInForce.FOK, false));
        gw.submit(order(3, true, 5_000, 4_000_000, TimeInForce.FAK, false));
        await().atMost(Duration.ofSeconds(2)).until(() -> of(3).size() == 3);
        assertThat(of(2)).extracting(ExecutionReport::kind).containsExactly(ExecutionReport.Kind.REJECT);
        assertThat(of(2).get(0).detail()).isEqualTo(PaperGateway.FOK_KILLED);
        assertThat(of(3)).extracting(ExecutionReport::kind).containsExactly(ExecutionReport.Kind.ACK,
                ExecutionReport.Kind.FILL, ExecutionReport.Kind.CANCELLED);
        assertThat(of(3).get(1).fillSizeMicros()).isEqualTo(1_000_000);
    }

    @Test
    void aRestingBidWaitsForTheQueueAheadThenFillsWithoutFee() {
        book(new long[]{4_900}, new long[]{3_000_000}, new long[]{5_100}, new long[]{5_000_000});
        gw.submit(order(1, true, 4_900, 2_000_000, TimeInForce.GTC, true));
        await().atMost(Duration.ofSeconds(2)).until(() -> of(1).size() == 1);
        gw.onLastTrade(new LastTrade("T", 4_900, 2_000_000, false, 0, 0)); // eats 2 of the 3 ahead
        gw.onLastTrade(new LastTrade("T", 4_900, 2_000_000, false, 0, 0)); // 1 more ahead, then 1 for us
        await().atMost(Duration.ofSeconds(2)).until(() -> of(1).size() == 2);
        assertThat(of(1).get(1).fillSizeMicros()).isEqualTo(1_000_000);
        assertThat(of(1).get(1).feeMicros()).isZero();
        book(new long[]{4_800}, new long[]{3_000_000}, new long[]{4_800}, new long[]{5_000_000}); // traded through
        await().atMost(Duration.ofSeconds(2)).until(() -> of(1).size() == 3);
        assertThat(of(1).get(2).fillSizeMicros()).isEqualTo(1_000_000);
    }

    @Test
    void postOnlyRefusesToCrossAndCancelsAreConfirmed() {
        book(new long[]{4_900}, new long[]{3_000_000}, new long[]{5_000}, new long[]{5_000_000});
        gw.submit(order(1, true, 5_000, 5_000_000, TimeInForce.GTC, true));
        gw.submit(order(2, true, 4_800, 5_000_000, TimeInForce.GTC, true));
        gw.cancel(2, "");
        gw.cancel(3, "");
        await().atMost(Duration.ofSeconds(2)).until(() -> reports.size() == 4);
        assertThat(of(1).get(0).kind()).isEqualTo(ExecutionReport.Kind.REJECT);
        assertThat(of(2)).extracting(ExecutionReport::kind).containsExactly(ExecutionReport.Kind.ACK, ExecutionReport.Kind.CANCELLED);
        assertThat(of(3)).extracting(ExecutionReport::kind).containsExactly(ExecutionReport.Kind.CANCEL_REJECTED);
    }

    @Test
    void nothingLeavesOnceTheKillSwitchIsEngaged() {
        book(new long[]{4_900}, new long[]{3_000_000}, new long[]{5_000}, new long[]{5_000_000});
        ks.engage(HaltLayer.MANUAL, "test");
        gw.submit(order(1, true, 5_000, 1_000_000, TimeInForce.FOK, false));
        await().atMost(Duration.ofSeconds(2)).until(() -> of(1).size() == 1);
        assertThat(of(1).get(0).kind()).isEqualTo(ExecutionReport.Kind.REJECT);
        assertThat(of(1).get(0).detail()).isEqualTo("kill switch engaged");
    }
}
