package io.velocity.sim.clob;

import io.velocity.config.SimConfig;
import io.velocity.sim.SimFixture;
import io.velocity.sim.market.MarketCatalog;
import io.velocity.sim.market.SimMarket;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The matching engine and ledger on their own (no servers): the venue's rules as values. */
class ClobExchangeTest {
    private static final long NOW = SimFixture.START;
    private static final long START_BALANCE = 1_000_000_000L;

    private final List<String> events = new ArrayList<>();
    private final List<TradeView> tradeEvents = new ArrayList<>();
    private ClobExchange ex;
    private SimMarket m;
    private int orderCounter;

    private void open(String... overrides) {
        List<String> all = new ArrayList<>(List.of("sim.markets.decoys=false", "sim.markets.lowLiquidityShare=0"));
        all.addAll(List.of(overrides));
        SimConfig sim = SimFixture.config(all.toArray(String[]::new)).sim();
        MarketCatalog catalog = new MarketCatalog(sim, List.of("btc"), NOW - 3_600_000L);
        catalog.refresh(NOW);
        ex = new ClobExchange(sim, catalog);
        m = catalog.upDownAt("btc", "15m", NOW);
        ex.addListener(new ClobListener() {
            @Override
            public void onOrderEvent(String type, OrderView order, long time) {
                events.add(type + " " + order.id() + " " + order.status() + " " + order.sizeMatched());
            }

            @Override
            public void onTradeEvent(TradeView trade, long time) {
                tradeEvents.add(trade);
            }
        });
    }

    private ApiCredential user(String name) {
        String address = "0x" + String.format("%40s", Integer.toHexString(name.hashCode() & 0xffffff)).replace(' ', '0');
        return ex.register(new ApiCredential(name + "-key", "c2VjcmV0", "pass", address));
    }

    private static long micros(String decimal) {
        return new BigDecimal(decimal).movePointRight(6).longValueExact();
    }

    private OrderRequest order(int outcome, String side, String price, String shares, OrderType type, boolean postOnly, long expiration) {
        long size = micros(shares);
        long cost = new BigDecimal(price).multiply(new BigDecimal(shares)).movePointRight(6).longValueExact();
        String id = String.format("0x%064x", ++orderCounter);
        return side.equals("BUY")
                ? new OrderRequest(id, m.tokenId(outcome), side, cost, size, type, postOnly, expiration, "0xmaker")
                : new OrderRequest(id, m.tokenId(outcome), side, size, cost, type, postOnly, expiration, "0xmaker");
    }

    private PlaceResult place(ApiCredential who, int outcome, String side, String price, String shares) {
        return ex.place(who, order(outcome, side, price, shares, OrderType.GTC, false, 0), NOW);
    }

    private PlaceResult place(ApiCredential who, int outcome, String side, String price, String shares, OrderType type) {
        return ex.place(who, order(outcome, side, price, shares, type, false, 0), NOW);
    }

    /** Gives an account shares of both outcomes by minting against itself through the book. */
    private void fund(ApiCredential who, String shares) {
        ApiCredential minter = user("minter-" + who.apiKey());
        assertThat(place(who, 0, "BUY", "0.50", shares).accepted()).isTrue();
        assertThat(place(minter, 1, "BUY", "0.50", shares).accepted()).isTrue();
        assertThat(place(minter, 0, "BUY", "0.50", shares).accepted()).isTrue();
        assertThat(place(who, 1, "BUY", "0.50", shares).accepted()).isTrue();
    }

    @Test
    void restingOrdersFillBestPriceFirstThenOldestFirst() {
        open();
        ApiCredential alice = user("alice");
        ApiCredential bob = user("bob");
        ApiCredential carol = user("carol");
        ApiCredential dave = user("dave");
        fund(alice, "10");
        fund(bob, "10");
        fund(carol, "10");
        PlaceResult a = place(alice, 0, "SELL", "0.55", "10");
        PlaceResult b = place(bob, 0, "SELL", "0.55", "10");
        PlaceResult c = place(carol, 0, "SELL", "0.54", "10");
        PlaceResult take = place(dave, 0, "BUY", "0.55", "15");

        assertThat(take.status()).isEqualTo("matched");
        assertThat(take.takingAmount()).isEqualTo(15_000_000L);
        assertThat(take.makingAmount()).isEqualTo(5_400_000L + 2_750_000L);
        assertThat(ex.order(c.orderId()).status()).isEqualTo("MATCHED");
        assertThat(ex.order(a.orderId()).sizeMatched()).isEqualTo(5_000_000L);
        assertThat(ex.order(b.orderId()).sizeMatched()).isZero();

        place(dave, 0, "BUY", "0.55", "5");
        assertThat(ex.order(a.orderId()).status()).isEqualTo("MATCHED");
        assertThat(ex.order(b.orderId()).sizeMatched()).isZero();
        BookSnapshot up = ex.snapshot(m, 0);
        assertThat(up.askPrices()).containsExactly(5_500L);
        assertThat(up.askSizes()).containsExactly(10_000_000L);
    }

    @Test
    void buyingDownIsSellingUpOnTheSameBookAndMintsAgainstAnUpBuyer() {
        open();
        ApiCredential alice = user("alice");
        ApiCredential bob = user("bob");
        place(alice, 1, "BUY", "0.40", "10");
        BookSnapshot up = ex.snapshot(m, 0);
        BookSnapshot down = ex.snapshot(m, 1);
        assertThat(up.askPrices()).containsExactly(6_000L);
        assertThat(down.bidPrices()).containsExactly(4_000L);
        assertThat(down.bestAsk()).isEqualTo(-1);

        PlaceResult take = place(bob, 0, "BUY", "0.60", "10");

        assertThat(take.status()).isEqualTo("matched");
        ClobAccount a = ex.account(alice);
        ClobAccount b = ex.account(bob);
        assertThat(a.shares(m.index(), 1)).isEqualTo(10_000_000L);
        assertThat(b.shares(m.index(), 0)).isEqualTo(10_000_000L);
        assertThat(a.collateral()).isEqualTo(START_BALANCE - 4_000_000L);
        // The taker pays shares x r x (p(1-p))^e = 10 x 0.07 x 0.24 = 0.168 on top; the maker pays nothing.
        assertThat(b.collateral()).isEqualTo(START_BALANCE - 6_000_000L - 168_000L);
        assertThat(a.reservedCollateral()).isZero();
        assertThat(b.reservedCollateral()).isZero();
        assertThat(ex.restingOrders()).isZero();
    }

    @Test
    void fillOrKillIsKilledWhenTheBookCannotFillItAndChangesNothing() {
        open();
        ApiCredential alice = user("alice");
        ApiCredential bob = user("bob");
        place(alice, 1, "BUY", "0.45", "5");
        PlaceResult fok = place(bob, 0, "BUY", "0.55", "10", OrderType.FOK);

        assertThat(fok.accepted()).isFalse();
        assertThat(fok.httpStatus()).isEqualTo(400);
        assertThat(fok.error()).isEqualTo("order couldn't be fully filled. FOK orders are fully filled or killed.");
        assertThat(ex.snapshot(m, 0).askSizes()).containsExactly(5_000_000L);
        assertThat(ex.account(bob).collateral()).isEqualTo(START_BALANCE);
        assertThat(ex.account(bob).reservedCollateral()).isZero();
    }

    @Test
    void fillAndKillTakesWhatThereIsAndFailsWhenNothingMatches() {
        open();
        ApiCredential alice = user("alice");
        ApiCredential bob = user("bob");
        PlaceResult none = place(bob, 0, "BUY", "0.55", "10", OrderType.FAK);
        assertThat(none.error()).isEqualTo(
                "no orders found to match with FAK order. FAK orders are partially filled or killed if no match is found.");

        place(alice, 1, "BUY", "0.45", "6");
        PlaceResult fak = place(bob, 0, "BUY", "0.55", "10", OrderType.FAK);
        assertThat(fak.status()).isEqualTo("matched");
        assertThat(fak.takingAmount()).isEqualTo(6_000_000L);
        assertThat(ex.openOrders(ex.account(bob))).isEmpty();
        assertThat(ex.account(bob).reservedCollateral()).isZero();
    }

    @Test
    void postOnlyOrdersThatWouldTakeAreRefused() {
        open();
        ApiCredential alice = user("alice");
        ApiCredential bob = user("bob");
        place(alice, 1, "BUY", "0.45", "10");
        PlaceResult crossing = ex.place(bob, order(0, "BUY", "0.55", "10", OrderType.GTC, true, 0), NOW);
        assertThat(crossing.error()).isEqualTo("invalid post-only order: order crosses book");
        PlaceResult resting = ex.place(bob, order(0, "BUY", "0.54", "10", OrderType.GTC, true, 0), NOW);
        assertThat(resting.status()).isEqualTo("live");
        PlaceResult fok = ex.place(bob, order(0, "BUY", "0.55", "10", OrderType.FOK, true, 0), NOW);
        assertThat(fok.accepted()).isFalse();
        assertThat(fok.error()).startsWith("invalid post-only order");
    }

    @Test
    void pricesOffTheTickAndOrdersBelowTheMinimumAreRefusedWithTheVenueMessages() {
        open();
        ApiCredential bob = user("bob");
        PlaceResult tick = place(bob, 0, "BUY", "0.555", "10");
        assertThat(tick.error()).isEqualTo("order " + tick.orderId() + " is invalid. Price (0.555) breaks minimum tick size rule: 0.01");
        PlaceResult small = place(bob, 0, "BUY", "0.50", "3");
        assertThat(small.error()).isEqualTo("order " + small.orderId() + " is invalid. Size (3) lower than the minimum: 5");
        PlaceResult dust = place(bob, 0, "BUY", "0.50", "1", OrderType.FOK);
        assertThat(dust.error()).isEqualTo("invalid amount for a marketable BUY order ($0.5), min size: $1");
        PlaceResult range = place(bob, 0, "BUY", "0.995", "10");
        assertThat(range.accepted()).isFalse();
    }

    @Test
    void aLimitOrderThatCrossesIsHeldToMarketOrderPrecision() {
        open();
        ApiCredential alice = user("alice");
        ApiCredential bob = user("bob");
        // 7.77 shares at 0.53 cost 4.1181: four decimals are fine for a resting limit order...
        assertThat(place(bob, 0, "BUY", "0.53", "7.77").status()).isEqualTo("live");
        place(alice, 1, "BUY", "0.48", "10");
        // ...but the same amounts crossing the book must have at most 2 decimals of pUSD.
        PlaceResult crossing = place(bob, 0, "BUY", "0.53", "7.77");
        assertThat(crossing.error()).isEqualTo(
                "invalid amounts, the market buy orders maker amount supports a max accuracy of 2 decimals, taker amount a max of 4 decimals");
    }

    @Test
    void ordersBeyondTheBalanceAreRefused() {
        open();
        ApiCredential bob = user("bob");
        assertThat(place(bob, 0, "BUY", "0.50", "3000").error()).isEqualTo("not enough balance / allowance");
        assertThat(place(bob, 0, "SELL", "0.50", "10").error()).isEqualTo("not enough balance / allowance");
        // 950 pUSD plus the taker fee it could pay (1900 x 0.07 x 0.25 = 33.25) is held by the resting order...
        assertThat(place(bob, 0, "BUY", "0.50", "1900").status()).isEqualTo("live");
        assertThat(ex.account(bob).reservedCollateral()).isEqualTo(983_250_000L);
        // ...so 20.70 more no longer fits in the 1000 pUSD balance.
        assertThat(place(bob, 1, "BUY", "0.50", "40").error()).isEqualTo("not enough balance / allowance");
    }

    @Test
    void goodTillDateOrdersNeedTheVenueMarginAndExpireOnTime() {
        open();
        ApiCredential bob = user("bob");
        PlaceResult soon = ex.place(bob, order(0, "BUY", "0.40", "10", OrderType.GTD, false, NOW / 1000 + 30), NOW);
        assertThat(soon.error()).isEqualTo("invalid expiration");
        PlaceResult gtcWithExpiry = ex.place(bob, order(0, "BUY", "0.40", "10", OrderType.GTC, false, NOW / 1000 + 600), NOW);
        assertThat(gtcWithExpiry.error()).isEqualTo("invalid expiration");
        PlaceResult ok = ex.place(bob, order(0, "BUY", "0.40", "10", OrderType.GTD, false, NOW / 1000 + 90), NOW);
        assertThat(ok.status()).isEqualTo("live");
        ex.onTime(NOW + 29_000);
        assertThat(ex.order(ok.orderId()).status()).isEqualTo("LIVE");
        ex.onTime(NOW + 30_000);
        assertThat(ex.order(ok.orderId()).status()).isEqualTo("CANCELED");
        assertThat(events).contains("CANCELLATION " + ok.orderId() + " CANCELED 0");
        assertThat(ex.account(bob).reservedCollateral()).isZero();
    }

    @Test
    void tradesSettleMatchedThenMinedThenConfirmed() {
        open();
        ApiCredential alice = user("alice");
        ApiCredential bob = user("bob");
        place(alice, 1, "BUY", "0.45", "10");
        place(bob, 0, "BUY", "0.55", "10");
        assertThat(tradeEvents).extracting(TradeView::status).containsExactly(TradeStatus.MATCHED);
        ex.onTime(NOW + 1_999);
        assertThat(tradeEvents).hasSize(1);
        ex.onTime(NOW + 2_000);
        ex.onTime(NOW + 7_000);
        assertThat(tradeEvents).extracting(TradeView::status)
                .containsExactly(TradeStatus.MATCHED, TradeStatus.MINED, TradeStatus.CONFIRMED);
        assertThat(ex.trades(ex.account(alice))).singleElement().extracting(TradeView::status).isEqualTo(TradeStatus.CONFIRMED);
    }

    @Test
    void aFailedSettlementIsReversed() {
        open("sim.settlement.retryShare=1", "sim.settlement.failShare=1");
        ApiCredential alice = user("alice");
        ApiCredential bob = user("bob");
        place(alice, 1, "BUY", "0.45", "10");
        place(bob, 0, "BUY", "0.55", "10");
        assertThat(ex.account(bob).shares(m.index(), 0)).isEqualTo(10_000_000L);
        ex.onTime(NOW + 2_000);
        ex.onTime(NOW + 7_000);
        assertThat(tradeEvents).extracting(TradeView::status)
                .containsExactly(TradeStatus.MATCHED, TradeStatus.RETRYING, TradeStatus.FAILED);
        assertThat(ex.account(bob).shares(m.index(), 0)).isZero();
        assertThat(ex.account(alice).shares(m.index(), 1)).isZero();
        assertThat(ex.account(bob).collateral()).isEqualTo(START_BALANCE);
        assertThat(ex.account(alice).collateral()).isEqualTo(START_BALANCE);
    }

    @Test
    void missedHeartbeatsCancelEveryOpenOrder() {
        open();
        ApiCredential bob = user("bob");
        PlaceResult o = place(bob, 0, "BUY", "0.40", "10");
        ex.onTime(NOW + 60_000);
        assertThat(ex.order(o.orderId()).status()).isEqualTo("LIVE");
        ex.heartbeat(ex.account(bob), NOW + 60_000);
        ex.onTime(NOW + 69_000);
        assertThat(ex.order(o.orderId()).status()).isEqualTo("LIVE");
        ex.onTime(NOW + 70_001);
        assertThat(ex.order(o.orderId()).status()).isEqualTo("CANCELED");
    }

    @Test
    void closingCancelsRestingOrdersAndRedemptionPaysTheWinners() {
        open();
        ApiCredential alice = user("alice");
        ApiCredential bob = user("bob");
        place(alice, 1, "BUY", "0.45", "10");
        place(bob, 0, "BUY", "0.55", "10");
        PlaceResult resting = place(bob, 0, "BUY", "0.30", "10");
        ex.closeMarket(m, 100.0, m.endMillis());
        assertThat(ex.order(resting.orderId()).status()).isEqualTo("CANCELED_MARKET_RESOLVED");
        assertThat(place(bob, 0, "BUY", "0.30", "10").error()).isEqualTo("the market is not accepting orders");
        ex.resolveMarket(m, 0, m.endMillis() + 1_000);
        long before = ex.account(bob).collateral();
        assertThat(ex.redeem(ex.account(bob), m)).isEqualTo(10_000_000L);
        assertThat(ex.account(bob).collateral()).isEqualTo(before + 10_000_000L);
        assertThat(ex.redeem(ex.account(alice), m)).isZero();
        assertThat(ex.account(alice).shares(m.index(), 1)).isZero();
        assertThat(ex.redeem(ex.account(bob), m)).isZero();
    }

    @Test
    void theSameOrderCannotBePlacedTwice() {
        open();
        ApiCredential bob = user("bob");
        OrderRequest o = order(0, "BUY", "0.40", "10", OrderType.GTC, false, 0);
        assertThat(ex.place(bob, o, NOW).accepted()).isTrue();
        assertThat(ex.place(bob, o, NOW).error()).isEqualTo("order " + o.id() + " is invalid. Duplicated.");
    }

    @Test
    void cancellingReleasesTheHoldAndReportsUnknownIds() {
        open();
        ApiCredential bob = user("bob");
        PlaceResult o = place(bob, 0, "BUY", "0.40", "10");
        ClobExchange.CancelResult r = ex.cancel(ex.account(bob), List.of(o.orderId(), "0x" + "ab".repeat(32)), NOW);
        assertThat(r.canceled()).containsExactly(o.orderId());
        assertThat(r.notCanceled()).containsKey("0x" + "ab".repeat(32));
        assertThat(ex.account(bob).reservedCollateral()).isZero();
        assertThat(events).contains("PLACEMENT " + o.orderId() + " LIVE 0", "CANCELLATION " + o.orderId() + " CANCELED 0");
    }
}
