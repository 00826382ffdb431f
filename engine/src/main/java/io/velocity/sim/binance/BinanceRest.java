package io.velocity.sim.binance;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.velocity.sim.SimLoop;
import io.velocity.sim.http.SimHttpServer;
import io.velocity.sim.http.SimRequest;
import io.velocity.sim.http.SimResponse;
import io.velocity.sim.json.Decimals;
import io.velocity.sim.json.Json;
import io.velocity.sim.world.AssetPath;
import io.velocity.sim.world.PriceWorld;
import io.velocity.sim.world.SecondBars;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Binance spot REST: {@code /api/v3/ping}, {@code /api/v3/time}, {@code /api/v3/klines},
 * {@code /api/v3/ticker/bookTicker} and {@code /api/v3/ticker/price}, with Binance's error shape
 * {@code {"code": -1121, "msg": "Invalid symbol."}}.
 */
public final class BinanceRest {
    private static final int DEFAULT_LIMIT = 500;
    private static final int MAX_LIMIT = 1000;

    private final PriceWorld world;
    private final SimLoop loop;
    private final LongSupplier serverTime;

    public BinanceRest(PriceWorld world, SimLoop loop, LongSupplier serverTime) {
        this.world = world;
        this.loop = loop;
        this.serverTime = serverTime;
    }

    /** Binance's JSON for a bare status (faults, unknown paths). */
    public static byte[] errorBody(int status) {
        return switch (status) {
            case 404 -> error(-1000, "Not found.");
            case 429 -> error(-1003, "Too many requests; current limit is 6000 request weight per 1 MINUTE. "
                    + "Please use the websocket for live updates to avoid polling the API.");
            case 503 -> error(-1008, "Server is currently overloaded with other requests. Please try again in a few minutes.");
            default -> error(-1000, "An unknown error occured while processing the request.");
        };
    }

    static byte[] error(int code, String msg) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeNumberField("code", code);
            g.writeStringField("msg", msg);
            g.writeEndObject();
        });
    }

    public void mount(SimHttpServer server) {
        server.route("GET", "/api/v3/ping", r -> SimResponse.ok("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .route("GET", "/api/v3/time", r -> SimResponse.ok(Json.bytes(g -> {
                    g.writeStartObject();
                    g.writeNumberField("serverTime", serverTime.getAsLong());
                    g.writeEndObject();
                })))
                .route("GET", "/api/v3/klines", this::klines)
                .route("GET", "/api/v3/uiKlines", this::klines)
                .route("GET", "/api/v3/ticker/bookTicker", this::bookTicker)
                .route("GET", "/api/v3/ticker/price", this::tickerPrice);
    }

    private static SimResponse bad(int code, String msg) {
        return SimResponse.json(400, error(code, msg));
    }

    private static SimResponse missing(String name) {
        return bad(-1102, "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
    }

    private SimResponse klines(SimRequest r) throws Exception {
        String symbol = r.param("symbol");
        if (symbol == null || symbol.isEmpty()) {
            return missing("symbol");
        }
        String interval = r.param("interval");
        if (interval == null || interval.isEmpty()) {
            return missing("interval");
        }
        long seconds = intervalSeconds(interval);
        if (seconds <= 0) {
            return bad(-1120, "Invalid interval.");
        }
        Long start = longParam(r, "startTime");
        Long end = longParam(r, "endTime");
        Long limitParam = longParam(r, "limit");
        if ((r.param("startTime") != null && start == null) || (r.param("endTime") != null && end == null)
                || (r.param("limit") != null && limitParam == null)) {
            return bad(-1100, "Illegal characters found in a parameter.");
        }
        int limit = limitParam == null ? DEFAULT_LIMIT : (int) Math.min(Math.max(limitParam, 1), MAX_LIMIT);
        return loop.call(() -> {
            AssetPath a = world.asset(symbol);
            if (a == null) {
                return bad(-1121, "Invalid symbol.");
            }
            return SimResponse.ok(klines(a, seconds, start, end, limit));
        });
    }

    private byte[] klines(AssetPath a, long intervalSec, Long startMs, Long endMs, int limit) {
        SecondBars bars = a.bars();
        long nowSec = Math.floorDiv(world.now() - 1, 1000L);
        long lastSec = endMs == null ? nowSec : Math.min(nowSec, Math.floorDiv(endMs, 1000L));
        long firstHeld = bars.firstSecond();
        List<Long> opens = new ArrayList<>();
        if (startMs != null) {
            long open = Math.floorDiv(Math.floorDiv(startMs + 999, 1000L) + intervalSec - 1, intervalSec) * intervalSec;
            for (long o = Math.max(open, Math.floorDiv(firstHeld, intervalSec) * intervalSec); o <= lastSec && opens.size() < limit;
                 o += intervalSec) {
                if (o + intervalSec - 1 >= firstHeld) {
                    opens.add(o);
                }
            }
        } else {
            long o = Math.floorDiv(lastSec, intervalSec) * intervalSec;
            while (o + intervalSec - 1 >= firstHeld && opens.size() < limit) {
                opens.add(0, o);
                o -= intervalSec;
            }
        }
        long tickUnits = BinanceStreams.tickUnits8(a);
        return Json.bytes(g -> {
            g.writeStartArray();
            for (long open : opens) {
                writeKline(g, bars, open, Math.min(open + intervalSec - 1, nowSec), intervalSec, tickUnits);
            }
            g.writeEndArray();
        });
    }

    private static void writeKline(JsonGenerator g, SecondBars bars, long open, long last, long intervalSec, long tickUnits)
            throws IOException {
        long o = -1;
        long h = Long.MIN_VALUE;
        long l = Long.MAX_VALUE;
        long c = -1;
        long vol = 0;
        double quote = 0;
        long takerVol = 0;
        double takerQuote = 0;
        int trades = 0;
        for (long s = Math.max(open, bars.firstSecond()); s <= last; s++) {
            if (!bars.holds(s)) {
                continue;
            }
            if (o < 0) {
                o = bars.open(s);
            }
            h = Math.max(h, bars.high(s));
            l = Math.min(l, bars.low(s));
            c = bars.close(s);
            vol += bars.volume(s);
            quote += bars.quoteVolume(s);
            takerVol += bars.takerBuyVolume(s);
            takerQuote += bars.takerBuyQuote(s);
            trades += bars.trades(s);
        }
        if (o < 0) {
            o = 0;
            h = 0;
            l = 0;
            c = 0;
        }
        g.writeStartArray();
        g.writeNumber(open * 1000L);
        g.writeString(Decimals.fixed(o * tickUnits, 8, 8));
        g.writeString(Decimals.fixed(h * tickUnits, 8, 8));
        g.writeString(Decimals.fixed(l * tickUnits, 8, 8));
        g.writeString(Decimals.fixed(c * tickUnits, 8, 8));
        g.writeString(Decimals.fixed(vol, 8, 8));
        g.writeNumber((open + intervalSec) * 1000L - 1);
        g.writeString(Decimals.fixed(Math.round(quote * 1e8), 8, 8));
        g.writeNumber(trades);
        g.writeString(Decimals.fixed(takerVol, 8, 8));
        g.writeString(Decimals.fixed(Math.round(takerQuote * 1e8), 8, 8));
        g.writeString("0");
        g.writeEndArray();
    }

    private SimResponse bookTicker(SimRequest r) throws Exception {
        List<String> wanted = symbols(r);
        if (wanted == null) {
            return bad(-1100, "Illegal characters found in parameter 'symbols'; legal range is '^\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\"){0,}){0,1}\\]$'.");
        }
        boolean single = r.param("symbol") != null;
        return loop.call(() -> {
            List<AssetPath> assets = resolve(wanted);
            if (assets == null) {
                return bad(-1121, "Invalid symbol.");
            }
            return SimResponse.ok(Json.bytes(g -> {
                if (!single) {
                    g.writeStartArray();
                }
                for (AssetPath a : assets) {
                    long t = BinanceStreams.tickUnits8(a);
                    long qty = 100_000_000L;
                    g.writeStartObject();
                    g.writeStringField("symbol", a.symbol());
                    g.writeStringField("bidPrice", Decimals.fixed(a.bidTicks() * t, 8, 8));
                    g.writeStringField("bidQty", Decimals.fixed(qty, 8, 8));
                    g.writeStringField("askPrice", Decimals.fixed(a.askTicks() * t, 8, 8));
                    g.writeStringField("askQty", Decimals.fixed(qty, 8, 8));
                    g.writeEndObject();
                }
                if (!single) {
                    g.writeEndArray();
                }
            }));
        });
    }

    private SimResponse tickerPrice(SimRequest r) throws Exception {
        List<String> wanted = symbols(r);
        if (wanted == null) {
            return bad(-1100, "Illegal characters found in parameter 'symbols'.");
        }
        boolean single = r.param("symbol") != null;
        return loop.call(() -> {
            List<AssetPath> assets = resolve(wanted);
            if (assets == null) {
                return bad(-1121, "Invalid symbol.");
            }
            return SimResponse.ok(Json.bytes(g -> {
                if (!single) {
                    g.writeStartArray();
                }
                for (AssetPath a : assets) {
                    g.writeStartObject();
                    g.writeStringField("symbol", a.symbol());
                    g.writeStringField("price", Decimals.fixed(a.lastTradeTicks() * BinanceStreams.tickUnits8(a), 8, 8));
                    g.writeEndObject();
                }
                if (!single) {
                    g.writeEndArray();
                }
            }));
        });
    }

    /** Requested symbols: {@code symbol}, a JSON array in {@code symbols}, or empty for all; null if malformed. */
    private static List<String> symbols(SimRequest r) {
        String one = r.param("symbol");
        if (one != null) {
            return List.of(one);
        }
        String many = r.param("symbols");
        if (many == null) {
            return List.of();
        }
        try {
            JsonNode arr = Json.MAPPER.readTree(many);
            if (!arr.isArray()) {
                return null;
            }
            List<String> out = new ArrayList<>();
            arr.forEach(n -> out.add(n.asText()));
            return out;
        } catch (Exception e) {
            return null;
        }
    }

    /** Assets for the symbols (all when empty); null if any symbol is unknown. Loop thread. */
    private List<AssetPath> resolve(List<String> symbols) {
        if (symbols.isEmpty()) {
            return new ArrayList<>(world.assets().values());
        }
        List<AssetPath> out = new ArrayList<>();
        for (String s : symbols) {
            AssetPath a = world.asset(s);
            if (a == null || !a.symbol().equals(s)) {
                return null;
            }
            out.add(a);
        }
        return out;
    }

    private static Long longParam(SimRequest r, String name) {
        String v = r.param(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Seconds in a Binance kline interval, or -1. */
    static long intervalSeconds(String interval) {
        return switch (interval) {
            case "1s" -> 1;
            case "1m" -> 60;
            case "3m" -> 180;
            case "5m" -> 300;
            case "15m" -> 900;
            case "30m" -> 1_800;
            case "1h" -> 3_600;
            case "2h" -> 7_200;
            case "4h" -> 14_400;
            case "6h" -> 21_600;
            case "8h" -> 28_800;
            case "12h" -> 43_200;
            case "1d" -> 86_400;
            default -> -1;
        };
    }
}
