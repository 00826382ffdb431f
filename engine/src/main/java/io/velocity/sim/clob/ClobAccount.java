package io.velocity.sim.clob;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trading address on the simulated venue: pUSD and outcome-token balances (micro-units),
 * reservations held by open orders, open orders, trades and the heartbeat state. Liquidity
 * providers are accounts with unlimited balances. Owned by the simulator loop thread.
 */
public final class ClobAccount {
    private final int index;
    private final String address;
    private final boolean provider;
    private final String ownerKey;
    long collateral;
    long reservedCollateral;
    /** Market index to {shares of outcome 0, shares of outcome 1, reserved 0, reserved 1}. */
    private final Map<Integer, long[]> positions = new HashMap<>();
    final Set<Integer> openOrders = new LinkedHashSet<>();
    final List<TradeRecord> trades = new ArrayList<>();
    final Map<Integer, Long> redeemed = new HashMap<>();
    boolean heartbeatArmed;
    long lastHeartbeat;
    String heartbeatId = "";
    final RateWindow orderBurst;
    final RateWindow orderSustained;
    final RateWindow batchBurst;
    final RateWindow cancelAllBurst;

    ClobAccount(int index, String address, boolean provider, String ownerKey, long collateral, RateWindow orderBurst,
                RateWindow orderSustained, RateWindow batchBurst, RateWindow cancelAllBurst) {
        this.index = index;
        this.address = address;
        this.provider = provider;
        this.ownerKey = ownerKey;
        this.collateral = collateral;
        this.orderBurst = orderBurst;
        this.orderSustained = orderSustained;
        this.batchBurst = batchBurst;
        this.cancelAllBurst = cancelAllBurst;
    }

    public int index() {
        return index;
    }

    /** Address as first registered (compare case-insensitively). */
    public String address() {
        return address;
    }

    /** Simulated market maker (unlimited balances, not a venue user). */
    public boolean provider() {
        return provider;
    }

    /** The API key shown as {@code owner} on this account's orders and trades. */
    public String ownerKey() {
        return ownerKey;
    }

    /** pUSD balance in micro-units. */
    public long collateral() {
        return collateral;
    }

    /** pUSD held by open buy orders. */
    public long reservedCollateral() {
        return reservedCollateral;
    }

    public long availableCollateral() {
        return collateral - reservedCollateral;
    }

    long[] position(int market) {
        return positions.computeIfAbsent(market, k -> new long[4]);
    }

    /** Shares of a market's outcome in micro-shares. */
    public long shares(int market, int outcome) {
        long[] p = positions.get(market);
        return p == null ? 0 : p[outcome];
    }

    public long availableShares(int market, int outcome) {
        long[] p = positions.get(market);
        return p == null ? 0 : p[outcome] - p[2 + outcome];
    }

    /** Market indexes this account holds or held a position in. */
    public Set<Integer> positionMarkets() {
        return Collections.unmodifiableSet(positions.keySet());
    }

    public int openOrderCount() {
        return openOrders.size();
    }

    public List<TradeRecord> trades() {
        return Collections.unmodifiableList(trades);
    }
}
