package io.velocity.marketdata.tools;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.velocity.app.Bootstrap;
import io.velocity.app.CliArgs;
import io.velocity.app.ErrorReporter;
import io.velocity.config.AppConfig;
import io.velocity.config.ConfigLoader;
import io.velocity.core.ExitCode;
import io.velocity.core.InputException;
import io.velocity.core.ManualClock;
import io.velocity.marketdata.AlloraSignal;
import io.velocity.marketdata.allora.AlloraParser;
import io.velocity.marketdata.allora.AlloraSignals;
import io.velocity.marketdata.binance.BinanceHandler;
import io.velocity.marketdata.binance.BinanceParser;
import io.velocity.marketdata.binance.BinanceRestParser;
import io.velocity.marketdata.binance.BinanceSpot;
import io.velocity.marketdata.clob.BookMirror;
import io.velocity.marketdata.clob.ClobBooks;
import io.velocity.marketdata.clob.ClobMarketHandler;
import io.velocity.marketdata.clob.ClobMarketParams;
import io.velocity.marketdata.clob.ClobMarketParser;
import io.velocity.marketdata.clob.ClobMessage;
import io.velocity.marketdata.clob.ClobUserParser;
import io.velocity.marketdata.gamma.DiscoveryFilter;
import io.velocity.marketdata.gamma.GammaMarket;
import io.velocity.marketdata.gamma.GammaParser;
import io.velocity.marketdata.gamma.MarketInfos;
import io.velocity.marketdata.parse.MalformedMessageException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./velocity tools decode --kind K}: decodes captured venue messages or REST replies from
 * stdin with exactly the production parsers and state (books, volatility, discovery filter,
 * staleness) and prints the normalised events the engine would receive, one JSON object per
 * line. Input is one JSON document (pretty-printed is fine) or one document per line.
 *
 * <p>Kinds: {@code binance} (stream messages; also {@code /api/v3/klines} and
 * {@code /api/v3/time} replies), {@code clob-market} (market-channel frames), {@code clob-book}
 * (REST {@code /book} replies), {@code clob-user} (user-channel frames), {@code gamma}
 * ({@code /events} or {@code /markets} replies) and {@code allora} (consumer or LCD replies).
 *
 * <p>Besides engine events, a few lines say what the feed itself would do: {@code resync} and
 * {@code awaitingSnapshot} (clob-market), {@code excluded} with the reason (gamma),
 * {@code serverShutdown}, {@code kline}, {@code serverTime} (binance). A document that cannot be
 * decoded prints one line naming the problem on stderr; decoding goes on, and the exit code is
 * 2 when any document failed.
 *
 * <p>Options: {@code --now} (epoch ms or ISO-8601; default the current time) for the
 * time-dependent checks (window over, staleness), and the usual {@code --config-dir} /
 * {@code --set} for the symbols, topics and market filters.
 */
public final class DecodeTool {
    /** The kinds the tool decodes. */
    public static final List<String> KINDS = List.of("binance", "clob-market", "clob-book", "clob-user", "gamma", "allora");

    private static final String PROGRAM = "velocity tools decode";

    private DecodeTool() {
    }

    /** Entry point used by {@code io.velocity.app.Main}; returns the exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), in, out, err);
    }

    /** {@link #run(String[], InputStream, PrintStream, PrintStream)} with an explicit environment. */
    public static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        try {
            Set<String> valued = new HashSet<>(Bootstrap.CONFIG_OPTIONS);
            valued.add("kind");
            valued.add("now");
            CliArgs cli = CliArgs.parse(args, valued, Set.of());
            if (!cli.positionals().isEmpty()) {
                throw new InputException("unexpected argument '" + cli.positionals().get(0) + "'");
            }
            String kind = cli.get("kind");
            if (kind == null || !KINDS.contains(kind)) {
                throw new InputException("--kind must be one of " + String.join(", ", KINDS)
                        + (kind == null ? "" : " (got '" + kind + "')"));
            }
            long now = now(cli.get("now"));
            AppConfig config = new ConfigLoader(Bootstrap.sources(cli, env)).load(0).app();
            List<Document> docs = documents(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Decoder decoder = decoder(kind, config, now, new EventJson(out));
            int failed = 0;
            for (Document doc : docs) {
                try {
                    decoder.decode(doc.text());
                } catch (MalformedMessageException e) {
                    failed++;
                    String where = doc.line() == 0 ? "document" : "line " + doc.line();
                    err.println(PROGRAM + ": " + where + ": " + e.kind() + ": " + e.getMessage());
                }
            }
            out.flush();
            return failed > 0 ? ExitCode.BAD_INPUT.code() : ExitCode.OK.code();
        } catch (IOException e) {
            err.println(PROGRAM + ": cannot read stdin: " + e.getMessage());
            return ExitCode.FAILURE.code();
        } catch (RuntimeException e) {
            return ErrorReporter.report(PROGRAM, e, err);
        }
    }

    private static long now(String text) {
        if (text == null) {
            return System.currentTimeMillis();
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            try {
                return Instant.parse(text).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw new InputException("--now must be epoch milliseconds or an ISO-8601 instant, got '" + text + "'");
            }
        }
    }

    /** One input document and its line (0 when the whole input is one document). */
    record Document(int line, String text) {
    }

    /**
     * Splits the input: a sequence of JSON values (one pretty-printed document, several, or one
     * per line) is split by value; anything that is not a clean sequence of JSON values (a
     * capture with a {@code PONG} or a broken line) is split by line, so one bad line costs
     * only itself.
     */
    static List<Document> documents(String input) {
        List<Document> docs = new ArrayList<>();
        if (input.isBlank()) {
            return docs;
        }
        try (JsonParser p = new JsonFactory().createParser(input)) {
            while (p.nextToken() != null) {
                int line = p.currentTokenLocation().getLineNr();
                int start = (int) p.currentTokenLocation().getCharOffset();
                p.skipChildren();
                int end = (int) p.currentLocation().getCharOffset();
                docs.add(new Document(line, input.substring(start, end).strip()));
            }
            if (docs.size() == 1) {
                docs.set(0, new Document(0, docs.get(0).text()));
            }
            return docs;
        } catch (IOException | RuntimeException e) {
            docs.clear();
        }
        String[] lines = input.split("\\r?\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                docs.add(new Document(i + 1, lines[i].strip()));
            }
        }
        return docs;
    }

    /** Decodes one document and prints what it yields. */
    @FunctionalInterface
    interface Decoder {
        void decode(String document) throws MalformedMessageException;
    }

    private static Decoder decoder(String kind, AppConfig config, long now, EventJson out) {
        ManualClock clock = new ManualClock(now);
        return switch (kind) {
            case "binance" -> binance(config, clock, out);
            case "clob-market" -> clobMarket(clock, out);
            case "clob-book" -> {
                ClobBooks books = new ClobBooks(out, (token, reason) -> { }, BookMirror.NONE, clock, 10, true);
                ClobMarketParser parser = new ClobMarketParser();
                yield doc -> parser.parseBookReply(doc, books);
            }
            case "clob-user" -> {
                ClobUserParser parser = new ClobUserParser();
                yield doc -> parser.parseFrame(doc, out::onUserOrder, out::onUserTrade);
            }
            case "gamma" -> gamma(config, now, out);
            case "allora" -> {
                AlloraParser parser = new AlloraParser();
                AlloraSignals signals = new AlloraSignals(config.venues().allora().topics(),
                        config.venues().allora().maxStalenessRatio());
                yield doc -> {
                    AlloraSignal s = signals.validate(parser.parse(doc.getBytes(StandardCharsets.UTF_8)), now);
                    out.onSignal(s);
                };
            }
            default -> throw new InputException("unknown kind " + kind);
        };
    }

    private static Decoder binance(AppConfig config, ManualClock clock, EventJson out) {
        Map<String, String> symbols = config.venues().binance().symbols();
        Set<String> known = new HashSet<>();
        symbols.values().forEach(s -> known.add(s.toUpperCase(Locale.ROOT)));
        BinanceSpot spot = new BinanceSpot(symbols, out, null, clock, () -> { });
        BinanceParser parser = new BinanceParser();
        BinanceRestParser rest = new BinanceRestParser();
        BinanceHandler handler = new BinanceHandler() {
            @Override
            public void onAggTrade(String symbol, long id, double price, double qty, long t, long e, boolean maker) {
                if (checkSymbol(symbol)) {
                    spot.onAggTrade(symbol, id, price, qty, t, e, maker);
                }
            }

            @Override
            public void onBookTicker(String symbol, long u, double bid, double bq, double ask, double aq) {
                if (checkSymbol(symbol)) {
                    spot.onBookTicker(symbol, u, bid, bq, ask, aq);
                }
            }

            @Override
            public void onServerShutdown(long eventTimeMillis) {
                out.write("serverShutdown", g -> g.writeNumberField("eventTimeMillis", eventTimeMillis));
            }

            private boolean checkSymbol(String symbol) {
                if (known.contains(symbol)) {
                    return true;
                }
                out.write("ignored", g -> g.writeStringField("reason", "symbol " + symbol
                        + " is not in venues.binance.symbols"));
                return false;
            }
        };
        return doc -> {
            byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
            if (doc.startsWith("[")) {
                BinanceRestParser.Kline k = rest.parseFirstKline(bytes);
                out.write("kline", g -> {
                    if (k == null) {
                        g.writeNullField("openTimeMillis");
                    } else {
                        g.writeNumberField("openTimeMillis", k.openTimeMillis());
                        g.writeNumberField("open", k.open());
                    }
                });
            } else if (doc.contains("\"serverTime\"")) {
                long t = rest.parseServerTime(bytes);
                out.write("serverTime", g -> g.writeNumberField("serverTimeMillis", t));
            } else {
                parser.parse(doc, handler);
            }
        };
    }

    private static Decoder clobMarket(ManualClock clock, EventJson out) {
        ClobBooks books = new ClobBooks(out, (token, reason) -> out.write("resync", g -> {
            g.writeStringField("tokenId", token);
            g.writeStringField("reason", reason);
        }), BookMirror.NONE, clock, 10, true);
        ClobMarketParser parser = new ClobMarketParser();
        ClobMarketHandler handler = new ClobMarketHandler() {
            @Override
            public void onBook(ClobMessage book) {
                books.onBook(book);
            }

            @Override
            public void onPriceChange(ClobMessage change) {
                for (int i = 0; i < change.changeCount(); i++) {
                    books.track(change.changeAsset(i), change.market());
                }
                books.onPriceChange(change);
                Set<String> waiting = new java.util.LinkedHashSet<>();
                for (int i = 0; i < change.changeCount(); i++) {
                    if (books.state(change.changeAsset(i)) == ClobBooks.TokenState.AWAITING_SNAPSHOT) {
                        waiting.add(change.changeAsset(i));
                    }
                }
                for (String token : waiting) {
                    out.write("awaitingSnapshot", g -> {
                        g.writeStringField("tokenId", token);
                        g.writeStringField("reason", "change before any book for this token: the feed buffers it"
                                + " and replays it after the snapshot");
                    });
                }
            }

            @Override
            public void onTickSizeChange(ClobMessage change) {
                books.onTickSizeChange(change);
            }

            @Override
            public void onLastTradePrice(ClobMessage trade) {
                books.onLastTradePrice(trade);
            }

            @Override
            public void onMarketResolved(ClobMessage resolved) {
                books.onMarketResolved(resolved);
            }
        };
        return doc -> parser.parseFrame(doc, handler);
    }

    private static Decoder gamma(AppConfig config, long now, EventJson out) {
        GammaParser parser = new GammaParser();
        DiscoveryFilter filter = new DiscoveryFilter(config.markets().assets(), config.markets().durations(),
                config.markets().minLiquidityUsd());
        return doc -> {
            for (GammaMarket m : parser.parse(doc.getBytes(StandardCharsets.UTF_8))) {
                DiscoveryFilter.Verdict v = filter.judge(m, now);
                if (v.accepted()) {
                    // Fee parameters come from the CLOB at run time; a Gamma capture does not have them.
                    out.onMarket(MarketInfos.of(v, ClobMarketParams.UNKNOWN));
                } else {
                    out.write("excluded", g -> {
                        g.writeStringField("slug", m.slug());
                        g.writeStringField("conditionId", m.conditionId());
                        g.writeStringField("reason", v.reason());
                    });
                }
            }
        };
    }
}
