package io.velocity.marketdata.bench;

import io.velocity.bench.BenchResult;
import io.velocity.bench.BenchTable;
import io.velocity.book.OrderBook;
import io.velocity.core.Clock;
import io.velocity.marketdata.AlloraSignal;
import io.velocity.marketdata.BookTop;
import io.velocity.marketdata.FeedStatus;
import io.velocity.marketdata.LastTrade;
import io.velocity.marketdata.MarketDataSink;
import io.velocity.marketdata.MarketInfo;
import io.velocity.marketdata.SpotUpdate;
import io.velocity.marketdata.UserOrderEvent;
import io.velocity.marketdata.UserTradeEvent;
import io.velocity.marketdata.WindowOpen;
import io.velocity.marketdata.clob.BookMirror;
import io.velocity.marketdata.clob.ClobBooks;
import io.velocity.marketdata.clob.ClobMarketHandler;
import io.velocity.marketdata.clob.ClobMarketParser;
import io.velocity.marketdata.clob.ClobMessage;
import io.velocity.marketdata.parse.Decimals;
import io.velocity.marketdata.parse.MalformedMessageException;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code ./velocity bench book}: single-thread throughput of the order book (price-level updates
 * per second; goal ≥ 10 M) and of the CLOB market-channel parser (messages per second; goal
 * ≥ 300 k), plus parse-and-apply through the canonical books. Each benchmark warms up, then
 * runs timed rounds over pre-generated inputs; it reports the median round and the 99th
 * percentile of per-batch cost per operation (HdrHistogram), in the shared bench table with the
 * machine it ran on. Main class {@code io.velocity.marketdata.bench.BookBench}.
 *
 * <p>Options: {@code --seconds N} per benchmark (default 3), {@code --warmup N} (default 2).
 */
public final class BookBench {
    /** Goals from the market-data issue. */
    static final double BOOK_GOAL = 10_000_000;
    static final double PARSE_GOAL = 300_000;

    private static volatile long sink; // defeats dead-code elimination

    private BookBench() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs the benchmarks and prints the shared bench table; returns 0, or 2 on bad options. */
    public static int run(String[] args, PrintStream out) {
        double seconds = 3;
        double warmup = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                default -> {
                    System.err.println("velocity bench book: unknown option " + args[i] + " (--seconds N, --warmup N)");
                    return 2;
                }
            }
        }
        BenchTable.print(results(seconds, warmup), out);
        return 0;
    }

    /** Every figure of this benchmark. */
    public static List<BenchResult> results(double seconds, double warmup) {
        List<BenchResult> out = new ArrayList<>();
        for (Row r : List.of(bookUpdates(seconds, warmup), topExtraction(seconds, warmup), parse(seconds, warmup),
                parseAndApply(seconds, warmup))) {
            out.add(r.goal > 0 ? BenchResult.atLeast("book", r.name, Math.rint(r.opsPerSecond), r.unit, r.goal)
                    : BenchResult.info("book", r.name, Math.rint(r.opsPerSecond), r.unit));
            out.add(BenchResult.info("book", r.name + " p99/op", r.p99, "ns"));
        }
        return out;
    }

    record Row(String name, String unit, double opsPerSecond, double p50, double p99, double goal) {
    }

    /** A benchmark body: performs {@code batch} operations starting at {@code cursor}, returns a checksum. */
    @FunctionalInterface
    interface Body {
        long run(int cursor, int batch);
    }

    static Row measure(String name, String unit, double seconds, double warmup, int batch, int inputs, double goal,
                       Body body) {
        Histogram perOp = new Histogram(3_600_000_000_000L, 3);
        long check = 0;
        int cursor = 0;
        long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
        while (System.nanoTime() < warmEnd) {
            check += body.run(cursor, batch);
            cursor = (cursor + batch) % inputs;
        }
        List<Double> rounds = new ArrayList<>();
        long roundNanos = 250_000_000L;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            long ops = 0;
            long start = System.nanoTime();
            long now = start;
            while (now - start < roundNanos) {
                check += body.run(cursor, batch);
                cursor = (cursor + batch) % inputs;
                ops += batch;
                long t = System.nanoTime();
                perOp.recordValue(Math.max(1, (t - now) * 1000 / batch)); // picoseconds per op
                now = t;
            }
            rounds.add(ops / ((now - start) / 1e9));
        }
        sink = check;
        double[] r = rounds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = r.length == 0 ? 0 : r[r.length / 2];
        return new Row(name, unit, median, perOp.getValueAtPercentile(50) / 1000.0,
                perOp.getValueAtPercentile(99) / 1000.0, goal);
    }

    // ---------------------------------------------------------------- book

    static Row bookUpdates(double seconds, double warmup) {
        int n = 1 << 22;
        boolean[] side = new boolean[n];
        int[] price = new int[n];
        long[] size = new long[n];
        Random rnd = new Random(1);
        for (int i = 0; i < n; i++) {
            side[i] = rnd.nextBoolean();
            // levels cluster around the touch (0.45-0.55) like real books, some far away
            price[i] = rnd.nextInt(20) == 0 ? 1 + rnd.nextInt(9_998) : (side[i] ? 4_500 : 5_001) + rnd.nextInt(500);
            size[i] = rnd.nextInt(4) == 0 ? 0 : (1 + rnd.nextInt(100_000)) * 10_000L;
        }
        OrderBook book = new OrderBook();
        return measure("book level updates (1 thread)", "updates/s", seconds, warmup, 4096, n, BOOK_GOAL, (c, b) -> {
            for (int i = c, e = c + b; i < e; i++) {
                book.set(side[i], price[i], size[i]);
            }
            return book.bestBid() + book.bestAsk();
        });
    }

    static Row topExtraction(double seconds, double warmup) {
        OrderBook book = new OrderBook();
        Random rnd = new Random(2);
        for (int i = 0; i < 400; i++) {
            book.set(true, 3_000 + rnd.nextInt(2_000), 1 + rnd.nextInt(1_000_000));
            book.set(false, 5_001 + rnd.nextInt(2_000), 1 + rnd.nextInt(1_000_000));
        }
        long[] p = new long[10];
        long[] s = new long[10];
        return measure("book top-10 of both sides", "tops/s", seconds, warmup, 1024, 1 << 20, 0, (c, b) -> {
            long x = 0;
            for (int i = 0; i < b; i++) {
                x += book.topBids(p, s, 10) + book.topAsks(p, s, 10) + p[9];
            }
            return x;
        });
    }

    // ---------------------------------------------------------------- parser

    static final String UP = "71321045679252212594626385532706912750332728571942532289631379312455583992563";
    static final String DOWN = "52114319501245915516055106046884209969926127482827954674443846427813813222426";
    static final String MKT = "0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1";

    /** Realistic frames: mostly two-entry price_changes (both tokens), some trades and book refreshes. */
    static String[] frames(int n) {
        Random rnd = new Random(3);
        String[] out = new String[n];
        int bid = 4_900;
        for (int i = 0; i < n; i++) {
            int kind = rnd.nextInt(100);
            long ts = 1_764_000_000_000L + i;
            if (kind < 90) {
                int p = bid - rnd.nextInt(20) * 10;
                long size = rnd.nextInt(5) == 0 ? 0 : (1 + rnd.nextInt(50_000)) * 10_000L;
                out[i] = "{\"market\":\"" + MKT + "\",\"price_changes\":[{\"asset_id\":\"" + UP + "\",\"price\":\""
                        + Decimals.format(p, 4) + "\",\"size\":\"" + Decimals.format(size, 6)
                        + "\",\"side\":\"BUY\",\"hash\":\"" + Long.toHexString(rnd.nextLong()) + Long.toHexString(rnd.nextLong())
                        + "\",\"best_bid\":\"0.49\",\"best_ask\":\"0.5\"},{\"asset_id\":\"" + DOWN + "\",\"price\":\""
                        + Decimals.format(10_000 - p, 4) + "\",\"size\":\"" + Decimals.format(size, 6)
                        + "\",\"side\":\"SELL\",\"hash\":\"" + Long.toHexString(rnd.nextLong()) + Long.toHexString(rnd.nextLong())
                        + "\",\"best_bid\":\"0.5\",\"best_ask\":\"0.51\"}],\"timestamp\":\"" + ts
                        + "\",\"event_type\":\"price_change\"}";
            } else if (kind < 98) {
                out[i] = "{\"asset_id\":\"" + UP + "\",\"event_type\":\"last_trade_price\",\"fee_rate_bps\":\"1000\",\"market\":\""
                        + MKT + "\",\"price\":\"0.49\",\"side\":\"BUY\",\"size\":\"" + (1 + rnd.nextInt(500))
                        + ".25\",\"timestamp\":\"" + ts + "\",\"transaction_hash\":\"0x" + Long.toHexString(rnd.nextLong()) + "\"}";
            } else {
                StringBuilder sb = new StringBuilder("{\"event_type\":\"book\",\"asset_id\":\"" + UP + "\",\"market\":\""
                        + MKT + "\",\"bids\":[");
                for (int k = 0; k < 20; k++) {
                    sb.append(k == 0 ? "" : ",").append("{\"price\":\"").append(Decimals.format(4_900 - k * 10, 4))
                            .append("\",\"size\":\"").append(100 + k).append("\"}");
                }
                sb.append("],\"asks\":[");
                for (int k = 0; k < 20; k++) {
                    sb.append(k == 0 ? "" : ",").append("{\"price\":\"").append(Decimals.format(5_000 + k * 10, 4))
                            .append("\",\"size\":\"").append(100 + k).append("\"}");
                }
                out[i] = sb.append("],\"timestamp\":\"").append(ts).append("\",\"hash\":\"abc\"}").toString();
            }
        }
        return out;
    }

    static Row parse(double seconds, double warmup) {
        String[] frames = frames(1 << 16);
        ClobMarketParser parser = new ClobMarketParser();
        long[] count = new long[1];
        ClobMarketHandler counting = new ClobMarketHandler() {
            @Override
            public void onBook(ClobMessage book) {
                count[0] += book.bids().count();
            }

            @Override
            public void onPriceChange(ClobMessage change) {
                count[0] += change.changePriceE4(0);
            }

            @Override
            public void onTickSizeChange(ClobMessage change) {
                count[0]++;
            }

            @Override
            public void onLastTradePrice(ClobMessage trade) {
                count[0] += trade.sizeMicros();
            }
        };
        return measure("CLOB parse (1 thread)", "msgs/s", seconds, warmup, 256, frames.length, PARSE_GOAL, (c, b) -> {
            try {
                for (int i = c, e = c + b; i < e; i++) {
                    parser.parseFrame(frames[i], counting);
                }
            } catch (MalformedMessageException e) {
                throw new IllegalStateException(e);
            }
            return count[0];
        });
    }

    static Row parseAndApply(double seconds, double warmup) {
        String[] frames = frames(1 << 16);
        ClobMarketParser parser = new ClobMarketParser();
        long[] tops = new long[1];
        MarketDataSink counting = new CountingSink(tops);
        ClobBooks books = new ClobBooks(counting, (t, r) -> { }, BookMirror.NONE, Clock.SYSTEM, 10, false);
        books.track(UP, MKT);
        books.track(DOWN, MKT);
        return measure("CLOB parse+apply+top-10 (1 thread)", "msgs/s", seconds, warmup, 256, frames.length, PARSE_GOAL,
                (c, b) -> {
                    try {
                        for (int i = c, e = c + b; i < e; i++) {
                            parser.parseFrame(frames[i], books);
                        }
                    } catch (MalformedMessageException e) {
                        throw new IllegalStateException(e);
                    }
                    return tops[0];
                });
    }

    /** Counts what it receives; nothing else. */
    private static final class CountingSink implements MarketDataSink {
        private final long[] count;

        CountingSink(long[] count) {
            this.count = count;
        }

        @Override
        public void onSpot(SpotUpdate update) {
        }

        @Override
        public void onBookTop(BookTop top) {
            count[0] += top.bidDepth();
        }

        @Override
        public void onWindowOpen(WindowOpen open) {
        }

        @Override
        public void onSignal(AlloraSignal signal) {
        }

        @Override
        public void onMarket(MarketInfo market) {
        }

        @Override
        public void onMarketExpired(String conditionId, String reason) {
        }

        @Override
        public void onLastTrade(LastTrade trade) {
            count[0]++;
        }

        @Override
        public void onUserOrder(UserOrderEvent event) {
        }

        @Override
        public void onUserTrade(UserTradeEvent event) {
        }

        @Override
        public void onFeedState(FeedStatus status) {
        }
    }
}
