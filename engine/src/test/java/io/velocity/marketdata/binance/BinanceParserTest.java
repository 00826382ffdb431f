package io.velocity.marketdata.binance;

import io.velocity.marketdata.parse.MalformedMessageException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinanceParserTest {
    private final BinanceParser parser = new BinanceParser();
    private final List<String> seen = new ArrayList<>();
    private final BinanceHandler recorder = new BinanceHandler() {
        @Override
        public void onAggTrade(String symbol, long id, double price, double qty, long t, long e, boolean buyerMaker) {
            seen.add("trade " + symbol + " " + id + " " + price + " " + qty + " T=" + t + " E=" + e + " m=" + buyerMaker);
        }

        @Override
        public void onBookTicker(String symbol, long u, double bid, double bq, double ask, double aq) {
            seen.add("ticker " + symbol + " u=" + u + " " + bid + "/" + ask + " " + bq + "/" + aq);
        }

        @Override
        public void onServerShutdown(long e) {
            seen.add("shutdown " + e);
        }

        @Override
        public void onOther(String kind) {
            seen.add("other " + kind);
        }
    };

    @Test
    void decodesCombinedAggTradesWhateverTheKeyOrder() throws Exception {
        parser.parse("{\"data\":{\"M\":true,\"m\":true,\"T\":1672515782136,\"l\":100,\"f\":100,\"q\":\"0.00100000\","
                + "\"p\":\"16569.01000000\",\"a\":12345,\"s\":\"BTCUSDT\",\"E\":1672515782137,\"e\":\"aggTrade\"},"
                + "\"stream\":\"btcusdt@aggTrade\"}", recorder);
        assertThat(seen).containsExactly("trade BTCUSDT 12345 16569.01 0.001 T=1672515782136 E=1672515782137 m=true");
    }

    @Test
    void decodesSpotBookTickersThatHaveNoEventTypeAndReuseTheKeyA() throws Exception {
        parser.parse("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":400900217,\"s\":\"BTCUSDT\",\"b\":\"25.35190000\","
                + "\"B\":\"31.21000000\",\"a\":\"25.36520000\",\"A\":\"40.66000000\"}}", recorder);
        parser.parse("{\"u\":400900218,\"s\":\"BTCUSDT\",\"b\":\"25.35\",\"B\":\"1\",\"a\":\"25.36\",\"A\":\"2\"}", recorder);
        assertThat(seen).containsExactly("ticker BTCUSDT u=400900217 25.3519/25.3652 31.21/40.66",
                "ticker BTCUSDT u=400900218 25.35/25.36 1.0/2.0");
    }

    @Test
    void recognisesServerShutdownInEveryWrapper() throws Exception {
        parser.parse("{\"e\":\"serverShutdown\",\"E\":1770123456789}", recorder);
        parser.parse("{\"event\":{\"e\":\"serverShutdown\",\"E\":1770123456790}}", recorder);
        parser.parse("{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"serverShutdown\",\"E\":1770123456791}}", recorder);
        parser.parse("{\"result\":null,\"id\":1}", recorder);
        assertThat(seen).containsExactly("shutdown 1770123456789", "shutdown 1770123456790", "shutdown 1770123456791",
                "other control");
    }

    @Test
    void refusesTradesWithoutAPriceOrIdAndNamesTheField() {
        assertThatThrownBy(() -> parser.parse("{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\",\"a\":1,\"q\":\"1\",\"T\":1}", recorder))
                .isInstanceOf(MalformedMessageException.class).hasMessage("aggTrade: p (price) is not a positive number");
        assertThatThrownBy(() -> parser.parse("{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\",\"a\":\"x\",\"p\":\"1\",\"q\":\"1\",\"T\":1}",
                recorder)).hasMessage("aggTrade: a (aggregate trade id) is not an integer");
        assertThatThrownBy(() -> parser.parse("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"s\":\"BTCUSDT\",\"b\":\"1\"}}", recorder))
                .hasMessage("bookTicker: a (best ask) is not a positive number");
        assertThatThrownBy(() -> parser.parse("[1,2]", recorder)).hasMessage("expected a JSON object");
        assertThatThrownBy(() -> parser.parse("{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTr", recorder))
                .hasMessageStartingWith("not JSON")
                .satisfies(e -> assertThat(((MalformedMessageException) e).kind()).isEqualTo("aggTrade"));
        assertThat(seen).isEmpty();
    }
}
