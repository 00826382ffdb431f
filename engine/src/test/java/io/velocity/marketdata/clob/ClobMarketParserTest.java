package io.velocity.marketdata.clob;

import io.velocity.marketdata.parse.MalformedMessageException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClobMarketParserTest {
    static final String UP = "71321045679252212594626385532706912750332728571942532289631379312455583992563";
    static final String DOWN = "52114319501245915516055106046884209969926127482827954674443846427813813222426";
    static final String MKT = "0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1";

    private final ClobMarketParser parser = new ClobMarketParser();
    private final List<String> seen = new ArrayList<>();
    private final ClobMarketHandler recorder = new ClobMarketHandler() {
        @Override
        public void onBook(ClobMessage b) {
            StringBuilder sb = new StringBuilder("book " + b.assetId() + " ts=" + b.timestampMillis() + " tick=" + b.tickE4() + " bids=");
            for (int i = 0; i < b.bids().count(); i++) {
                sb.append(b.bids().priceE4(i)).append('x').append(b.bids().sizeMicros(i)).append(',');
            }
            sb.append(" asks=");
            for (int i = 0; i < b.asks().count(); i++) {
                sb.append(b.asks().priceE4(i)).append('x').append(b.asks().sizeMicros(i)).append(',');
            }
            sb.append(" hash=").append(b.hash()).append(" ltp=").append(b.lastTradePriceE4());
            seen.add(sb.toString());
        }

        @Override
        public void onPriceChange(ClobMessage c) {
            StringBuilder sb = new StringBuilder("change " + c.format() + " ts=" + c.timestampMillis());
            for (int i = 0; i < c.changeCount(); i++) {
                sb.append(" [").append(c.changeAsset(i).equals(UP) ? "UP" : c.changeAsset(i).equals(DOWN) ? "DOWN" : "?")
                        .append(c.changeIsBid(i) ? " bid " : " ask ").append(c.changePriceE4(i)).append('x')
                        .append(c.changeSizeMicros(i)).append(" bb=").append(c.changeBestBidE4(i))
                        .append(" ba=").append(c.changeBestAskE4(i)).append(" h=").append(c.changeHash(i)).append(']');
            }
            seen.add(sb.toString());
        }

        @Override
        public void onTickSizeChange(ClobMessage c) {
            seen.add("tick " + c.oldTickE4() + "->" + c.newTickE4());
        }

        @Override
        public void onLastTradePrice(ClobMessage t) {
            seen.add("trade " + t.priceE4() + "x" + t.sizeMicros() + " side=" + t.side() + " fee=" + t.feeRateBps());
        }

        @Override
        public void onBestBidAsk(ClobMessage q) {
            seen.add("bba " + q.bestBidE4() + "/" + q.bestAskE4());
        }

        @Override
        public void onMarketResolved(ClobMessage r) {
            seen.add("resolved " + r.market() + " winner=" + r.winningAssetId());
        }

        @Override
        public void onUnknownEvent(String type) {
            seen.add("unknown " + type);
        }

        @Override
        public void onPong() {
            seen.add("pong");
        }
    };

    @Test
    void decodesTheSubscriptionReplyArrayOfBooksInAnyKeyOrder() throws Exception {
        parser.parseFrame("[{\"market\":\"" + MKT + "\",\"asset_id\":\"" + UP + "\",\"timestamp\":\"1757908892000\","
                + "\"hash\":\"abc\",\"bids\":[{\"price\":\".48\",\"size\":\"30\"},{\"size\":\"20.5\",\"price\":\"0.490\"}],"
                + "\"asks\":[{\"price\":\"0.52\",\"size\":\"25\"}],\"tick_size\":\"0.01\",\"last_trade_price\":\"0.5\","
                + "\"event_type\":\"book\"},"
                + "{\"event_type\":\"book\",\"asset_id\":\"" + DOWN + "\",\"market\":\"" + MKT + "\",\"bids\":[],\"asks\":[],"
                + "\"timestamp\":1757908892001}]", recorder);
        assertThat(seen).containsExactly(
                "book " + UP + " ts=1757908892000 tick=100 bids=4800x30000000,4900x20500000, asks=5200x25000000, hash=abc ltp=5000",
                "book " + DOWN + " ts=1757908892001 tick=0 bids= asks= hash=null ltp=-1");
    }

    @Test
    void decodesTheCurrentPriceChangesLayoutWithPerEntryAssetsAndBestPrices() throws Exception {
        parser.parseFrame("{\"market\":\"" + MKT + "\",\"price_changes\":[{\"asset_id\":\"" + UP + "\",\"price\":\"0.5\","
                + "\"size\":\"200\",\"side\":\"BUY\",\"hash\":\"5662\",\"best_bid\":\"0.5\",\"best_ask\":\"1\"},"
                + "{\"asset_id\":\"" + DOWN + "\",\"price\":\"0.5\",\"size\":\"0\",\"side\":\"SELL\",\"hash\":\"1895\","
                + "\"best_bid\":\"0\",\"best_ask\":\"0.5\"}],\"timestamp\":\"1757908892351\",\"event_type\":\"price_change\"}", recorder);
        assertThat(seen).containsExactly("change PRICE_CHANGES ts=1757908892351 [UP bid 5000x200000000 bb=5000 ba=10000 h=5662]"
                + " [DOWN ask 5000x0 bb=0 ba=5000 h=1895]");
    }

    @Test
    void acceptsTheMid2025ChangesArrayLayout() throws Exception {
        parser.parseFrame("{\"asset_id\":\"" + UP + "\",\"changes\":[{\"price\":\"0.4\",\"side\":\"SELL\",\"size\":\"3300\"},"
                + "{\"price\":\"0.39\",\"side\":\"BUY\",\"size\":\"0\"}],\"event_type\":\"price_change\",\"hash\":\"h1\","
                + "\"market\":\"" + MKT + "\",\"timestamp\":\"1729084877448\"}", recorder);
        assertThat(seen).containsExactly("change CHANGES_ARRAY ts=1729084877448 [UP ask 4000x3300000000 bb=-1 ba=-1 h=null]"
                + " [UP bid 3900x0 bb=-1 ba=-1 h=h1]");
    }

    @Test
    void acceptsTheFlat2024Layout() throws Exception {
        parser.parseFrame("{\"event_type\":\"price_change\",\"asset_id\":\"" + UP + "\",\"market\":\"" + MKT + "\","
                + "\"price\":\"0.61\",\"side\":\"BUY\",\"size\":\"12.5\",\"hash\":\"f1\",\"timestamp\":\"1717000000000\"}", recorder);
        assertThat(seen).containsExactly("change FLAT ts=1717000000000 [UP bid 6100x12500000 bb=-1 ba=-1 h=f1]");
    }

    @Test
    void refusesAPriceChangeThatMixesLayoutsInsteadOfHalfParsingIt() {
        String mixed = "{\"event_type\":\"price_change\",\"asset_id\":\"" + UP + "\",\"price\":\"0.5\",\"side\":\"BUY\","
                + "\"size\":\"1\",\"price_changes\":[{\"asset_id\":\"" + UP + "\",\"price\":\"0.4\",\"size\":\"1\",\"side\":\"BUY\"}]}";
        assertThatThrownBy(() -> parser.parseFrame(mixed, recorder)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("mixes price_change layouts")
                .satisfies(e -> assertThat(((MalformedMessageException) e).kind()).isEqualTo("price_change"));
        assertThat(seen).isEmpty();
    }

    @Test
    void rejectsAWholeFrameWhenOneEntryIsBadSoNothingIsHalfApplied() {
        String frame = "{\"event_type\":\"price_change\",\"price_changes\":[{\"asset_id\":\"" + UP + "\",\"price\":\"0.5\","
                + "\"size\":\"1\",\"side\":\"BUY\"},{\"asset_id\":\"" + UP + "\",\"price\":\"1.5\",\"size\":\"1\",\"side\":\"BUY\"}]}";
        assertThatThrownBy(() -> parser.parseFrame(frame, recorder)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("price_changes[1].price");
        String books = "[{\"event_type\":\"book\",\"asset_id\":\"1\",\"bids\":[],\"asks\":[]},{\"event_type\":\"book\",\"asset_id\":\"2\",\"bids\":[]}]";
        assertThatThrownBy(() -> parser.parseFrame(books, recorder)).hasMessageContaining("element 1: missing asks");
        assertThat(seen).isEmpty();
    }

    @Test
    void decodesTradesTicksQuotesResolutionsAndPongs() throws Exception {
        parser.parseFrame("{\"asset_id\":\"" + UP + "\",\"event_type\":\"last_trade_price\",\"fee_rate_bps\":\"0\",\"market\":\""
                + MKT + "\",\"price\":\"0.456\",\"side\":\"BUY\",\"size\":\"219.217767\",\"timestamp\":\"1750428146322\","
                + "\"transaction_hash\":\"0xabc\"}", recorder);
        parser.parseFrame("{\"event_type\":\"tick_size_change\",\"asset_id\":\"" + UP + "\",\"market\":\"" + MKT
                + "\",\"old_tick_size\":\"0.01\",\"new_tick_size\":\"0.001\",\"timestamp\":\"100000000\"}", recorder);
        parser.parseFrame("{\"event_type\":\"best_bid_ask\",\"market\":\"" + MKT + "\",\"asset_id\":\"" + UP
                + "\",\"best_bid\":\"0.73\",\"best_ask\":\"0.77\",\"spread\":\"0.04\",\"timestamp\":\"1766789469958\"}", recorder);
        parser.parseFrame("{\"id\":\"1031769\",\"market\":\"" + MKT + "\",\"assets_ids\":[\"" + UP + "\",\"" + DOWN + "\"],"
                + "\"winning_asset_id\":\"" + UP + "\",\"winning_outcome\":\"Up\",\"event_message\":{\"id\":\"1\"},"
                + "\"timestamp\":\"1766790415550\",\"event_type\":\"market_resolved\"}", recorder);
        parser.parseFrame(" PONG\n", recorder);
        parser.parseFrame("{\"event_type\":\"something_new\",\"x\":[1,2,{\"y\":3}]}", recorder);
        assertThat(seen).containsExactly("trade 4560x219217767 side=1 fee=0", "tick 100->10", "bba 7300/7700",
                "resolved " + MKT + " winner=" + UP, "pong", "unknown something_new");
    }

    @Test
    void namesTheProblemOfMalformedFrames() {
        assertThatThrownBy(() -> parser.parseFrame("{\"event_type\":\"book\",", recorder)).hasMessageStartingWith("not JSON")
                .satisfies(e -> assertThat(((MalformedMessageException) e).kind()).isEqualTo("book"));
        assertThatThrownBy(() -> parser.parseFrame("{\"asset_id\":\"1\"}", recorder)).hasMessage("missing event_type");
        assertThatThrownBy(() -> parser.parseFrame("42", recorder)).hasMessage("expected a JSON object or array");
        assertThatThrownBy(() -> parser.parseFrame("{\"event_type\":\"price_change\",\"asset_id\":\"1\"}", recorder))
                .hasMessageContaining("unknown price_change layout");
        assertThatThrownBy(() -> parser.parseFrame("{\"event_type\":\"last_trade_price\",\"asset_id\":\"1\",\"price\":\"0.5\","
                + "\"size\":\"1\",\"side\":\"HOLD\"}", recorder)).hasMessage("side is neither BUY nor SELL");
        assertThatThrownBy(() -> parser.parseFrame("{\"event_type\":\"tick_size_change\",\"asset_id\":\"1\",\"new_tick_size\":\"0.02\"}",
                recorder)).hasMessageContaining("new_tick_size is not one of");
        assertThat(seen).isEmpty();
    }

    @Test
    void decodesRestBookRepliesWithBestLevelsLastAndOptionalFieldsAbsent() throws Exception {
        parser.parseBookReply("{\"market\":\"" + MKT + "\",\"asset_id\":\"" + UP + "\",\"timestamp\":\"1757908893000\","
                + "\"hash\":\"h\",\"bids\":[{\"price\":\"0.01\",\"size\":\"100\"},{\"price\":\"0.48\",\"size\":\"5\"}],"
                + "\"asks\":[{\"price\":\"0.99\",\"size\":\"100\"},{\"price\":\"0.52\",\"size\":\"7\"}],"
                + "\"min_order_size\":\"5\",\"tick_size\":\"0.01\",\"neg_risk\":false,\"last_trade_price\":\"\"}", recorder);
        assertThat(seen).containsExactly("book " + UP + " ts=1757908893000 tick=100 bids=100x100000000,4800x5000000,"
                + " asks=9900x100000000,5200x7000000, hash=h ltp=-1");
        assertThatThrownBy(() -> parser.parseBookReply("{\"error\":\"No orderbook exists for the requested token id\"}", recorder))
                .hasMessageContaining("venue error: No orderbook exists");
    }
}
