package io.velocity.sim.market;

import io.velocity.config.SimConfig;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every market the simulated Gamma lists: one Up/Down event per asset per window, listed
 * {@code lookahead} ahead and kept {@code retention} after it closes, plus the decoys discovery
 * must filter out (low liquidity, neg-risk augmented). Identifiers derive from the seed. Owned
 * by the simulator loop thread.
 */
public final class MarketCatalog {
    /** Eastern time: the venue titles windows in ET. */
    private static final ZoneId ET = ZoneId.of("America/New_York");

    private final long seed;
    private final SimConfig.Markets rules;
    private final List<WindowSpec> windows;
    private final WindowSpec decoyWindow;
    private final List<String> assets;
    private final long historyStart;
    /** Lookahead and retention are real-time spans: compressed, so a compressed world lists as many windows. */
    private final long lookaheadMillis;
    private final long retentionMillis;

    private final List<SimMarket> markets = new ArrayList<>();
    private final List<SimEvent> events = new ArrayList<>();
    private final Map<String, TokenRef> byToken = new HashMap<>();
    private final Map<String, SimMarket> byCondition = new HashMap<>();
    private final Map<String, SimEvent> eventBySlug = new HashMap<>();
    private final Map<String, SimMarket> marketBySlug = new HashMap<>();
    private final Map<String, SimEvent> eventById = new HashMap<>();
    private final Map<String, SimMarket> marketById = new HashMap<>();

    /** A token: its market and outcome index. */
    public record TokenRef(SimMarket market, int outcome) {
    }

    /**
     * @param historyStart earliest time the price world can report (windows starting before it are not listed)
     */
    public MarketCatalog(SimConfig sim, List<String> assets, long historyStart) {
        this.seed = sim.seed();
        this.rules = sim.markets();
        List<WindowSpec> w = new ArrayList<>();
        for (String label : new TreeSet<>(sim.windows())) {
            w.add(WindowSpec.of(label, sim.timeCompression()));
        }
        this.windows = List.copyOf(w);
        this.decoyWindow = WindowSpec.of("1h", sim.timeCompression());
        this.assets = List.copyOf(new TreeSet<>(assets));
        this.historyStart = historyStart;
        this.lookaheadMillis = Math.round(rules.lookahead().toMillis() / sim.timeCompression());
        this.retentionMillis = Math.round(rules.retention().toMillis() / sim.timeCompression());
    }

    public List<WindowSpec> windows() {
        return windows;
    }

    /** Lists the windows that entered the lookahead; returns the new markets in creation order. */
    public List<SimMarket> refresh(long now) {
        List<SimMarket> created = new ArrayList<>();
        long from = Math.max(historyStart, now - retentionMillis);
        long to = now + lookaheadMillis;
        for (WindowSpec w : windows) {
            for (long s = w.startOf(from) < historyStart ? w.startOf(from) + w.lengthMillis() : w.startOf(from); s <= to;
                 s += w.lengthMillis()) {
                for (String a : assets) {
                    String slug = upDownSlug(a, w, s);
                    if (!eventBySlug.containsKey(slug) && s + w.lengthMillis() > from) {
                        created.add(createUpDown(a, w, s, slug, now));
                    }
                }
            }
        }
        if (rules.decoys()) {
            WindowSpec d = decoyWindow;
            long first = d.startOf(from) < historyStart ? d.startOf(from) + d.lengthMillis() : d.startOf(from);
            for (long s = first; s <= to; s += d.lengthMillis()) {
                for (String a : assets) {
                    String slug = fullName(a) + "-price-range-" + (s / 1000);
                    if (!eventBySlug.containsKey(slug) && s + d.lengthMillis() > from) {
                        created.addAll(createDecoy(a, d, s, slug, now));
                    }
                }
            }
        }
        return created;
    }

    private SimMarket createUpDown(String asset, WindowSpec w, long start, String slug, long now) {
        long end = start + w.lengthMillis();
        String title = title(asset, w, start, end);
        String description = "This market resolves to \"Up\" if the " + asset.toUpperCase(Locale.ROOT)
                + "/USD price at the end of the window is greater than or equal to the price at the beginning of the "
                + "window, and to \"Down\" otherwise. Resolution source: the simulator's price world.";
        SimEvent e = new SimEvent(Ids.numeric(seed, slug, "event"), slug, title, description,
                asset + "-up-or-down-" + w.label(), asset, start, end, Math.min(now, start - lookaheadMillis),
                false, false, "");
        boolean low = Ids.unit(seed, slug, "low-liquidity") < rules.lowLiquidityShare();
        double liquidity = low ? rules.lowLiquidityUsd()
                : rules.liquidityUsd() * (0.6 + 0.8 * Ids.unit(seed, slug, "liquidity"));
        SimMarket m = new SimMarket(markets.size(), e, asset, w, start, end, slug, title,
                Ids.numeric(seed, slug, "market"), Ids.hex32(seed, slug, "condition"), Ids.hex32(seed, slug, "question"),
                List.of(Ids.uint256(seed, slug, "Up"), Ids.uint256(seed, slug, "Down")), List.of("Up", "Down"),
                false, false, Math.round(liquidity * 10_000) / 10_000.0, !low,
                Math.round(rules.tickSize() * SimMarket.PRICE_ONE), Math.round(rules.minOrderSize() * 1_000_000));
        e.add(m);
        register(e);
        return m;
    }

    private List<SimMarket> createDecoy(String asset, WindowSpec w, long start, String slug, long now) {
        long end = start + w.lengthMillis();
        String name = capitalised(fullName(asset));
        String title = name + " price range - " + etDate(start) + ", " + etTime(start) + " ET";
        SimEvent e = new SimEvent(Ids.numeric(seed, slug, "event"), slug, title,
                "Which range will " + name + " close in? Multi-outcome neg-risk event (augmented).",
                fullName(asset) + "-price-range", asset, start, end, Math.min(now, start - lookaheadMillis),
                true, true, Ids.hex32(seed, slug, "neg-risk-market"));
        List<SimMarket> out = new ArrayList<>(2);
        String[] kinds = {"above", "other"};
        for (String kind : kinds) {
            String mslug = slug + "-" + kind;
            String question = kind.equals("other") ? "Other" : "Will " + name + " close this hour above its open?";
            SimMarket m = new SimMarket(markets.size(), e, asset, null, start, end, mslug, question,
                    Ids.numeric(seed, mslug, "market"), Ids.hex32(seed, mslug, "condition"), Ids.hex32(seed, mslug, "question"),
                    List.of(Ids.uint256(seed, mslug, "Yes"), Ids.uint256(seed, mslug, "No")), List.of("Yes", "No"),
                    true, kind.equals("other"), rules.lowLiquidityUsd(), false,
                    Math.round(rules.tickSize() * SimMarket.PRICE_ONE), Math.round(rules.minOrderSize() * 1_000_000));
            e.add(m);
            markets.add(m);
            out.add(m);
            index(m);
        }
        events.add(e);
        eventBySlug.put(e.slug(), e);
        eventById.put(e.id(), e);
        return out;
    }

    private void register(SimEvent e) {
        events.add(e);
        eventBySlug.put(e.slug(), e);
        eventById.put(e.id(), e);
        for (SimMarket m : e.markets()) {
            markets.add(m);
            index(m);
        }
    }

    private void index(SimMarket m) {
        byCondition.put(m.conditionId().toLowerCase(Locale.ROOT), m);
        marketBySlug.put(m.slug(), m);
        marketById.put(m.marketId(), m);
        for (int i = 0; i < m.tokenIds().size(); i++) {
            byToken.put(m.tokenId(i), new TokenRef(m, i));
        }
    }

    /** The slug the venue uses for an Up/Down window (window start in epoch seconds, or the ET hour). */
    static String upDownSlug(String asset, WindowSpec w, long start) {
        if (w.hourly() && w.lengthMillis() == w.realMillis()) {
            ZonedDateTime t = Instant.ofEpochMilli(start).atZone(ET);
            int h = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
            return fullName(asset) + "-up-or-down-" + t.getMonth().getDisplayName(TextStyle.FULL, Locale.US).toLowerCase(Locale.ROOT)
                    + "-" + t.getDayOfMonth() + "-" + h + (t.getHour() < 12 ? "am" : "pm") + "-et";
        }
        return asset + "-updown-" + w.label() + "-" + (start / 1000);
    }

    private static String title(String asset, WindowSpec w, long start, long end) {
        String name = capitalised(fullName(asset));
        if (w.hourly() && w.lengthMillis() == w.realMillis()) {
            return name + " Up or Down - " + etDate(start) + ", " + etHour(start) + " ET";
        }
        return name + " Up or Down - " + etDate(start) + ", " + etTime(start) + "-" + etTime(end) + " ET";
    }

    private static String etDate(long t) {
        ZonedDateTime z = Instant.ofEpochMilli(t).atZone(ET);
        return z.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + z.getDayOfMonth();
    }

    private static String etTime(long t) {
        ZonedDateTime z = Instant.ofEpochMilli(t).atZone(ET);
        int h = z.getHour() % 12 == 0 ? 12 : z.getHour() % 12;
        String sec = z.getSecond() == 0 ? "" : String.format(Locale.ROOT, ":%02d", z.getSecond());
        return h + String.format(Locale.ROOT, ":%02d", z.getMinute()) + sec + (z.getHour() < 12 ? "AM" : "PM");
    }

    private static String etHour(long t) {
        ZonedDateTime z = Instant.ofEpochMilli(t).atZone(ET);
        int h = z.getHour() % 12 == 0 ? 12 : z.getHour() % 12;
        return h + (z.getHour() < 12 ? "AM" : "PM");
    }

    static String fullName(String asset) {
        return switch (asset) {
            case "btc" -> "bitcoin";
            case "eth" -> "ethereum";
            case "sol" -> "solana";
            default -> asset;
        };
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Every market ever listed, by index. */
    public List<SimMarket> markets() {
        return Collections.unmodifiableList(markets);
    }

    public SimMarket market(int index) {
        return markets.get(index);
    }

    /** Every event ever listed, in creation order. */
    public List<SimEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /** Whether Gamma still lists the event at {@code now}. */
    public boolean listed(SimEvent e, long now) {
        return e.endMillis() > now - retentionMillis;
    }

    public TokenRef token(String tokenId) {
        return byToken.get(tokenId);
    }

    public SimMarket byCondition(String conditionId) {
        return conditionId == null ? null : byCondition.get(conditionId.toLowerCase(Locale.ROOT));
    }

    public SimEvent eventBySlug(String slug) {
        return eventBySlug.get(slug);
    }

    public SimMarket marketBySlug(String slug) {
        return marketBySlug.get(slug);
    }

    public SimEvent eventById(String id) {
        return eventById.get(id);
    }

    public SimMarket marketById(String id) {
        return marketById.get(id);
    }

    /** The Up/Down market of {@code asset} for the window of length {@code label} containing {@code t}, or null. */
    public SimMarket upDownAt(String asset, String label, long t) {
        for (WindowSpec w : windows) {
            if (w.label().equals(label)) {
                SimEvent e = eventBySlug.get(upDownSlug(asset, w, w.startOf(t)));
                return e == null ? null : e.markets().get(0);
            }
        }
        return null;
    }
}
