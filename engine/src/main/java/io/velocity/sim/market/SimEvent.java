package io.velocity.sim.market;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A Gamma event: one Up/Down window of one asset, or a decoy group of markets. */
public final class SimEvent {
    private final String id;
    private final String slug;
    private final String title;
    private final String description;
    private final String seriesSlug;
    private final String asset;
    private final long startMillis;
    private final long endMillis;
    private final long createdAt;
    private final boolean negRisk;
    private final boolean negRiskAugmented;
    private final String negRiskMarketId;
    private final List<SimMarket> markets = new ArrayList<>(2);

    SimEvent(String id, String slug, String title, String description, String seriesSlug, String asset, long startMillis,
             long endMillis, long createdAt, boolean negRisk, boolean negRiskAugmented, String negRiskMarketId) {
        this.id = id;
        this.slug = slug;
        this.title = title;
        this.description = description;
        this.seriesSlug = seriesSlug;
        this.asset = asset;
        this.startMillis = startMillis;
        this.endMillis = endMillis;
        this.createdAt = createdAt;
        this.negRisk = negRisk;
        this.negRiskAugmented = negRiskAugmented;
        this.negRiskMarketId = negRiskMarketId;
    }

    void add(SimMarket m) {
        markets.add(m);
    }

    public String id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String seriesSlug() {
        return seriesSlug;
    }

    public String asset() {
        return asset;
    }

    public long startMillis() {
        return startMillis;
    }

    public long endMillis() {
        return endMillis;
    }

    public long createdAt() {
        return createdAt;
    }

    public boolean negRisk() {
        return negRisk;
    }

    public boolean negRiskAugmented() {
        return negRiskAugmented;
    }

    /** Neg-risk market id (a 0x hash) for neg-risk events, empty otherwise. */
    public String negRiskMarketId() {
        return negRiskMarketId;
    }

    public List<SimMarket> markets() {
        return Collections.unmodifiableList(markets);
    }

    /** Closed once every market in it is closed. */
    public boolean closed() {
        for (SimMarket m : markets) {
            if (!m.closed()) {
                return false;
            }
        }
        return true;
    }

    public boolean upDown() {
        return !markets.isEmpty() && markets.get(0).upDown();
    }
}
