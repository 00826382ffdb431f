package io.velocity.sim.clob;

import io.velocity.sim.market.SimMarket;

import java.util.List;

/**
 * A match between one taker order and the maker orders at one price, from the taker's side, plus
 * its settlement progress (MATCHED, MINED, CONFIRMED, or RETRYING and perhaps FAILED, which
 * reverses the balances it moved).
 */
public final class TradeRecord {
    final String id;
    final String takerOrderId;
    final SimMarket market;
    final ClobAccount taker;
    final String takerOwner;
    final String takerAddress;
    final int takerOutcome;
    final String takerSide;
    final long price;
    final long size;
    final long fee;
    final String feeRateBps;
    final List<MakerFill> makers;
    final long matchTime;
    final String transactionHash;
    /** Balance moves to undo on FAILED: account, market, outcome, collateral delta, shares delta. */
    final List<long[]> moves;
    final List<ClobAccount> movers;
    long ordinal;
    TradeStatus status = TradeStatus.MATCHED;
    long lastUpdate;
    long nextAt;
    boolean retry;
    boolean fails;

    TradeRecord(String id, String takerOrderId, SimMarket market, ClobAccount taker, String takerOwner, String takerAddress,
                int takerOutcome, String takerSide, long price, long size, long fee, String feeRateBps, List<MakerFill> makers,
                long matchTime, String transactionHash, List<long[]> moves, List<ClobAccount> movers) {
        this.id = id;
        this.takerOrderId = takerOrderId;
        this.market = market;
        this.taker = taker;
        this.takerOwner = takerOwner;
        this.takerAddress = takerAddress;
        this.takerOutcome = takerOutcome;
        this.takerSide = takerSide;
        this.price = price;
        this.size = size;
        this.fee = fee;
        this.feeRateBps = feeRateBps;
        this.makers = makers;
        this.matchTime = matchTime;
        this.lastUpdate = matchTime;
        this.transactionHash = transactionHash;
        this.moves = moves;
        this.movers = movers;
    }

    /** An immutable copy for events and replies. */
    public TradeView view() {
        return new TradeView(id, takerOrderId, market, takerOwner, takerAddress, taker, takerOutcome, takerSide, price, size, fee,
                feeRateBps, List.copyOf(makers), matchTime, lastUpdate, status, transactionHash);
    }

    public String id() {
        return id;
    }

    public TradeStatus status() {
        return status;
    }

    /** Whether {@code a} took part (as taker or maker). */
    public boolean involves(ClobAccount a) {
        if (taker == a) {
            return true;
        }
        for (MakerFill f : makers) {
            if (f.account() == a) {
                return true;
            }
        }
        return false;
    }
}
