package io.velocity.marketdata.tools;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tools decode} on recorded payloads of every kind, compared with reviewed expected
 * output, and on malformed input.
 */
class DecodeToolTest {
    static final String CONFIG_DIR = Path.of("..", "config").toAbsolutePath().normalize().toString();

    record Result(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = DecodeToolTest.class.getResourceAsStream("/marketdata/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Result decode(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config-dir";
        all[args.length + 1] = CONFIG_DIR;
        int exit = DecodeTool.run(all, Map.of(), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static List<String> expected(String name) throws IOException {
        return resource("expected/" + name).lines().toList();
    }

    @Test
    void decodesAClobMarketSessionInEveryPriceChangeLayoutIntoBookTopsTradesResyncsAndExpiry() throws Exception {
        Result r = decode(resource("clob-market-session.jsonl"), "--kind", "clob-market");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.outLines()).containsExactlyElementsOf(expected("clob-market-session.jsonl"));
        // the mid-2025 changes layout and the 2024 flat layout both reached the DOWN book
        assertThat(r.outLines().get(7)).contains("\"bids\":[[4900,18250000],[4800,75000000],[4700,12000000]]")
                .contains("[5300,60000000]");
        assertThat(r.outLines().get(8)).contains("\"bids\":[[4900,18250000],[4800,75000000]]");
        assertThat(r.outLines().get(9)).startsWith("{\"type\":\"resync\"");
    }

    @Test
    void decodesRestBookRepliesNewAndOld() throws Exception {
        Result r = decode(resource("clob-book-reply.json") + resource("clob-book-reply-old.json"), "--kind", "clob-book");
        assertThat(r.exit()).isZero();
        assertThat(r.outLines()).containsExactlyElementsOf(expected("clob-book-replies.jsonl"));
    }

    @Test
    void decodesUserChannelOrdersAndTradesAndNamesTheBadOne() throws Exception {
        Result r = decode(resource("clob-user-session.jsonl"), "--kind", "clob-user");
        assertThat(r.outLines()).containsExactlyElementsOf(expected("clob-user-session.jsonl"));
        assertThat(r.err().lines()).containsExactly("velocity tools decode: line 6: trade: missing status");
        assertThat(r.exit()).isEqualTo(2);
    }

    @Test
    void decodesBinanceStreamsRestRepliesAndControlMessages() throws Exception {
        Result stream = decode(resource("binance-btcusdt-stream-head.jsonl"), "--kind", "binance");
        assertThat(stream.exit()).isZero();
        assertThat(stream.outLines()).containsExactlyElementsOf(expected("binance-btcusdt-stream-head.jsonl"));
        Result rest = decode(resource("binance-rest-and-control.jsonl"), "--kind", "binance");
        assertThat(rest.exit()).isZero();
        assertThat(rest.outLines()).containsExactlyElementsOf(expected("binance-rest-and-control.jsonl"));
    }

    @Test
    void decodesGammaDiscoveryWithTheReasonForEachExcludedMarket() throws Exception {
        Result r = decode(resource("gamma-events.json"), "--kind", "gamma", "--now", "2025-11-24T16:01:40Z");
        assertThat(r.exit()).isZero();
        assertThat(r.outLines()).containsExactlyElementsOf(expected("gamma-events.jsonl"));
    }

    @Test
    void decodesAlloraConsumerOldAndLcdReplies() throws Exception {
        Result r = decode(resource("allora-consumer.json") + resource("allora-consumer-old.json") + resource("allora-lcd.json"),
                "--kind", "allora", "--now", "1764000600000");
        assertThat(r.exit()).isZero();
        assertThat(r.outLines()).containsExactlyElementsOf(expected("allora-replies.jsonl"));
    }

    @Test
    void refusesMalformedMessagesWithOneLineEachAndExit2AfterDecodingTheRest() throws Exception {
        Result r = decode(resource("clob-market-malformed.jsonl"), "--kind", "clob-market");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly(
                "velocity tools decode: line 1: price_change: mixes price_change layouts (price_changes/changes/flat); refusing to guess",
                "velocity tools decode: line 2: book: missing asks",
                "velocity tools decode: line 3: price_change: price_changes[0].price is not a price between 0 and 1 on the 0.0001 grid",
                "velocity tools decode: line 4: last_trade_price: side is neither BUY nor SELL",
                "velocity tools decode: line 5: price_change: not JSON: Unexpected end-of-input: expected close marker for Object");
        assertThat(r.outLines()).singleElement().asString().startsWith("{\"type\":\"bookTop\"");
    }

    @Test
    void refusesMalformedInputOfEveryKind() {
        for (String kind : DecodeTool.KINDS) {
            Result r = decode("{\"not\": \"what it expects\"", "--kind", kind);
            assertThat(r.exit()).as(kind).isEqualTo(2);
            assertThat(r.err().lines()).as(kind).singleElement().asString()
                    .startsWith("velocity tools decode: line 1: ").contains("not JSON");
            assertThat(r.out()).as(kind).isEmpty();
        }
        assertThat(decode("{\"event_type\":\"order\",\"id\":\"1\"}", "--kind", "clob-user").err())
                .contains("order: missing asset_id");
        assertThat(decode("{\"status\":false,\"message\":\"bad key\"}", "--kind", "allora").err())
                .contains("allora: status false: bad key");
        assertThat(decode("[{\"slug\":1", "--kind", "gamma").exit()).isEqualTo(2);
    }

    @Test
    void refusesBadUsageWithExit2() {
        assertThat(decode("", "--kind", "fix").exit()).isEqualTo(2);
        Result noKind = decode("");
        assertThat(noKind.exit()).isEqualTo(2);
        assertThat(noKind.err()).startsWith("velocity tools decode: --kind must be one of");
        assertThat(decode("", "--kind", "binance", "--now", "yesterday").err()).contains("--now must be epoch milliseconds");
        assertThat(decode("", "--kind", "binance", "--bogus").err()).contains("unknown option --bogus");
        assertThat(decode("", "--kind", "binance").exit()).isZero();
    }
}
