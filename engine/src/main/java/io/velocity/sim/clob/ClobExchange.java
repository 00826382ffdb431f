package io.velocity.sim.clob;

import io.velocity.config.SimConfig;
import io.velocity.sim.json.Decimals;
import io.velocity.sim.market.Ids;
import io.velocity.sim.market.MarketCatalog;
import io.velocity.sim.market.SimMarket;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The simulated CLOB's matching engine and ledger: price-time priority books per market (one
 * book per condition, both tokens' views derived from it), the venue's order rules (tick, minimum
 * size, amount precision, order types, post-only, balances), taker fees with the venue formula,
 * settlement states, GTD expiry, heartbeat cancellation, market close, resolution and paper
 * redemption. Business rejections are values ({@link PlaceResult}); everything runs on the
 * simulator loop thread.
 */
public final class ClobExchange {
    private static final long ONE = SimMarket.PRICE_ONE;
    private static final String NOT_FOUND = "order can't be found - already canceled or matched";

    private final long seed;
    private final SimConfig.Markets rules;
    private final SimConfig.Settlement settlement;
    private final SimConfig.Clob venue;
    private final MarketCatalog catalog;
    private final OrderPool pool = new OrderPool();
    private final List<MarketBook> books = new ArrayList<>();
    private final List<MarketBook> dirty = new ArrayList<>();
    private final List<ClobAccount> accounts = new ArrayList<>();
    private final Map<String, ClobAccount> byAddress = new HashMap<>();
    private final Map<String, ApiCredential> byApiKey = new HashMap<>();
    private final Map<String, Integer> liveById = new HashMap<>();
    private final Map<String, OrderInfo> ordersById = new HashMap<>();
    private final PriorityQueue<TradeRecord> settling = new PriorityQueue<>(
            Comparator.comparingLong((TradeRecord t) -> t.nextAt).thenComparingLong(t -> t.ordinal));
    private final PriorityQueue<long[]> expiries = new PriorityQueue<>(
            Comparator.comparingLong((long[] e) -> e[0]).thenComparingLong(e -> e[2]));
    private final List<Object[]> prints = new ArrayList<>();
    private final List<ClobListener> listeners = new ArrayList<>();
    private final SplittableRandom rng;
    private final String feeRateBps;
    private long orderSeq;
    private long tradeSeq;
    private long txSeq;

    public ClobExchange(SimConfig sim, MarketCatalog catalog) {
        this.seed = sim.seed();
        this.rules = sim.markets();
        this.settlement = sim.settlement();
        this.venue = sim.clob();
        this.catalog = catalog;
        this.rng = new SplittableRandom(sim.seed() ^ 0x5DEECE66DL);
        this.feeRateBps = rules.feesEnabled() ? Long.toString(Math.round(rules.feeRate() * 10_000)) : "0";
    }

    public void addListener(ClobListener l) {
        listeners.add(l);
    }

    public MarketCatalog catalog() {
        return catalog;
    }

    /** The fee-rate the venue reports on trades, in basis points of r. */
    public String feeRateBps() {
        return rules.feesEnabled() ? feeRateBps : "0";
    }

    /** Taker fee rate r (0 when fees are disabled). */
    public double feeRate() {
        return rules.feesEnabled() ? rules.feeRate() : 0;
    }

    /** Taker fee exponent e. */
    public double feeExponent() {
        return rules.feeExponent();
    }

    // ================================================================== accounts and credentials

    /** The account of {@code address}, opened with the starting balance on first use. */
    public ClobAccount accountFor(String address) {
        String key = address.toLowerCase(Locale.ROOT);
        ClobAccount a = byAddress.get(key);
        if (a == null) {
            a = newAccount(address, false, "");
            byAddress.put(key, a);
        }
        return a;
    }

    private ClobAccount newAccount(String address, boolean provider, String ownerKey) {
        ClobAccount a = new ClobAccount(accounts.size(), address, provider,
                ownerKey.isEmpty() ? Ids.uuid(seed, "owner", address.toLowerCase(Locale.ROOT)) : ownerKey,
                provider ? 0 : venue.startingBalanceUsd(),
                new RateWindow(10_000, venue.orderBurstPer10s()), new RateWindow(600_000, venue.orderSustainedPer10m()),
                new RateWindow(10_000, venue.batchBurstPer10s()), new RateWindow(10_000, venue.cancelAllPer10s()));
        accounts.add(a);
        return a;
    }

    /** A liquidity-provider account (unlimited balances). */
    public ClobAccount newProvider(int n) {
        String address = "0x" + Ids.hex32(seed, "provider", Integer.toString(n)).substring(26);
        ClobAccount a = newAccount(address, true, Ids.uuid(seed, "provider-key", Integer.toString(n)));
        byAddress.put(address.toLowerCase(Locale.ROOT), a);
        return a;
    }

    /** Registers fixed credentials (from config or tests). */
    public ApiCredential register(ApiCredential c) {
        byApiKey.put(c.apiKey(), c);
        accountFor(c.address());
        return c;
    }

    public ApiCredential credential(String apiKey) {
        return apiKey == null ? null : byApiKey.get(apiKey);
    }

    /** The credentials {@code GET /auth/derive-api-key} returns: the same for the same address and nonce. */
    public ApiCredential derive(String address, long nonce) {
        String a = address.toLowerCase(Locale.ROOT);
        ApiCredential c = new ApiCredential(Ids.uuid(seed, "api-key", a, Long.toString(nonce)),
                Base64.getUrlEncoder().encodeToString(Ids.digest(seed, "secret", a, Long.toString(nonce))),
                Ids.hex32(seed, "passphrase", a, Long.toString(nonce)).substring(2), address);
        return register(c);
    }

    /** New credentials for {@code POST /auth/api-key}: a fresh key every call. */
    public ApiCredential create(String address, long nonce) {
        String a = address.toLowerCase(Locale.ROOT);
        String n = Long.toString(nonce);
        String k = Integer.toString(byApiKey.size());
        return register(new ApiCredential(Ids.uuid(seed, "created-key", a, n, k),
                Base64.getUrlEncoder().encodeToString(Ids.digest(seed, "created-secret", a, n, k)),
                Ids.hex32(seed, "created-passphrase", a, n, k).substring(2), address));
    }

    /** Accounts whose API key is {@code apiKey}'s owner. */
    public ClobAccount account(ApiCredential c) {
        return accountFor(c.address());
    }

    // ================================================================== orders

    /**
     * Places a venue user's order: applies the market rules, matches it and rests what may rest.
     * Rate limits and authentication are the caller's job.
     */
    public PlaceResult place(ApiCredential cred, OrderRequest req, long now) {
        MarketCatalog.TokenRef ref = catalog.token(req.tokenId());
        String id = req.id();
        if (ref == null) {
            return PlaceResult.rejected(400, id, "Invalid order payload");
        }
        SimMarket m = ref.market();
        int outcome = ref.outcome();
        ClobAccount acct = account(cred);
        if (ordersById.containsKey(id)) {
            return PlaceResult.rejected(400, id, "order " + id + " is invalid. Duplicated.");
        }
        if (!m.acceptingOrders()) {
            return PlaceResult.rejected(400, id, "the market is not accepting orders");
        }
        OrderType type = req.type();
        if (req.postOnly() && !type.rests()) {
            return PlaceResult.rejected(400, id, "invalid post-only order: only GTC and GTD orders can be post-only");
        }
        if (type == OrderType.GTD) {
            if (req.expirationSeconds() * 1000L < now + venue.gtdMinLead().toMillis()) {
                return PlaceResult.rejected(400, id, "invalid expiration");
            }
        } else if (req.expirationSeconds() != 0) {
            return PlaceResult.rejected(400, id, "invalid expiration");
        }
        long maker = req.makerAmount();
        long taker = req.takerAmount();
        boolean buy = req.side().equals("BUY");
        if (maker <= 0 || taker <= 0) {
            return PlaceResult.rejected(400, id, "Invalid order payload");
        }
        long collateral = buy ? maker : taker;
        long shares = buy ? taker : maker;
        long tick = m.tickUnits();
        long scaled = collateral * ONE;
        long price = scaled / shares;
        if (scaled % shares != 0 || price % tick != 0 || price < tick || price > ONE - tick) {
            return PlaceResult.rejected(400, id, "order " + id + " is invalid. Price (" + plain(collateral, shares)
                    + ") breaks minimum tick size rule: " + Decimals.minimal(tick, 4));
        }
        MarketBook b = book(m);
        byte upSide = (byte) (outcome == 0 ? (buy ? OrderPool.BUY : OrderPool.SELL) : (buy ? OrderPool.SELL : OrderPool.BUY));
        long upPrice = outcome == 0 ? price : ONE - price;
        long bestOpposite = b.opposite(upSide).best();
        boolean crosses = bestOpposite >= 0 && b.opposite(upSide).crosses(bestOpposite, upPrice);
        if (type.rests() && shares < m.minSizeMicros()) {
            return PlaceResult.rejected(400, id, "order " + id + " is invalid. Size (" + Decimals.minimal(shares, 6)
                    + ") lower than the minimum: " + Decimals.minimal(m.minSizeMicros(), 6));
        }
        if (!type.rests() && collateral < rules.minMarketableUsd()) {
            return PlaceResult.rejected(400, id, "invalid amount for a marketable " + req.side() + " order ($"
                    + Decimals.minimal(collateral, 6) + "), min size: $" + Decimals.minimal(rules.minMarketableUsd(), 6));
        }
        if (type.rests() && !crosses) {
            int amountDecimals = Decimals.tickDecimals(tick) + 2;
            if (shares % 10_000 != 0 || collateral % pow10(6 - amountDecimals) != 0) {
                return PlaceResult.rejected(400, id, "invalid amounts, the limit orders maker amount supports a max accuracy of "
                        + (buy ? amountDecimals : 2) + " decimals, taker amount a max of " + (buy ? 2 : amountDecimals) + " decimals");
            }
        } else if (maker % 10_000 != 0 || taker % 100 != 0) {
            // Marketable orders (FOK/FAK, and limit orders that cross the book) follow the market-order precision rule.
            return PlaceResult.rejected(400, id, "invalid amounts, the market " + (buy ? "buy" : "sell")
                    + " orders maker amount supports a max accuracy of 2 decimals, taker amount a max of 4 decimals");
        }
        if (req.postOnly() && crosses) {
            return PlaceResult.rejected(400, id, "invalid post-only order: order crosses book");
        }
        long reserve = buy ? maker + fee(shares, price) : maker;
        if (buy ? acct.availableCollateral() < reserve : acct.availableShares(m.index(), outcome) < reserve) {
            return PlaceResult.rejected(400, id, "not enough balance / allowance");
        }
        if (type == OrderType.FOK && available(b, upSide, upPrice, shares) < shares) {
            return PlaceResult.rejected(400, id, "order couldn't be fully filled. FOK orders are fully filled or killed.");
        }
        if (type == OrderType.FAK && !crosses) {
            return PlaceResult.rejected(400, id,
                    "no orders found to match with FAK order. FAK orders are partially filled or killed if no match is found.");
        }

        int h = pool.allocate();
        pool.price[h] = upPrice;
        pool.remaining[h] = shares;
        pool.seq[h] = ++orderSeq;
        pool.account[h] = acct.index();
        pool.market[h] = m.index();
        pool.upSide[h] = upSide;
        pool.outcome[h] = (byte) outcome;
        pool.expiresAt[h] = type == OrderType.GTD ? req.expirationSeconds() * 1000L - venue.gtdMinLead().toMillis() : 0;
        pool.reserved[h] = reserve;
        if (buy) {
            acct.reservedCollateral += reserve;
        } else {
            acct.position(m.index())[2 + outcome] += reserve;
        }
        OrderInfo info = new OrderInfo(id, acct, m, outcome, req.side(), price, shares, type, req.expirationSeconds(), now,
                req.makerAddress(), cred.apiKey());
        pool.info[h] = info;
        ordersById.put(id, info);

        Match match = new Match();
        sweep(b, h, now, match);
        info.sizeMatched += match.filled;
        info.associateTrades.addAll(match.tradeIds);
        String status;
        if (pool.remaining[h] > 0 && type.rests()) {
            rest(b, h, acct);
            liveById.put(id, h);
            if (pool.expiresAt[h] > 0) {
                expiries.add(new long[]{pool.expiresAt[h], h, pool.seq[h]});
            }
            emitOrder("PLACEMENT", info, now);
            status = match.filled > 0 ? "matched" : "live";
        } else {
            info.status = pool.remaining[h] == 0 ? "MATCHED" : "CANCELED";
            releaseReservation(acct, h);
            pool.release(h);
            status = "matched";
        }
        flush(now);
        return new PlaceResult(true, 200, "", id, status, match.making, match.taking, List.copyOf(match.tradeIds),
                match.txHash == null ? List.of() : List.of(match.txHash));
    }

    /** Rests a liquidity provider's quote (matching first if it crosses). */
    public void placeProvider(ClobAccount lp, SimMarket m, boolean upBid, long upPrice, long size, long now) {
        if (!m.acceptingOrders() || upPrice < m.tickUnits() || upPrice > ONE - m.tickUnits() || size <= 0) {
            return;
        }
        MarketBook b = book(m);
        int h = pool.allocate();
        pool.price[h] = upPrice;
        pool.remaining[h] = size;
        pool.seq[h] = ++orderSeq;
        pool.account[h] = lp.index();
        pool.market[h] = m.index();
        pool.upSide[h] = upBid ? OrderPool.BUY : OrderPool.SELL;
        pool.outcome[h] = 0;
        pool.expiresAt[h] = 0;
        pool.reserved[h] = 0;
        sweep(b, h, now, new Match());
        if (pool.remaining[h] > 0) {
            rest(b, h, lp);
        } else {
            pool.release(h);
        }
    }

    /** Cancels every quote of a provider in one market. */
    public void cancelProvider(ClobAccount lp, SimMarket m) {
        MarketBook b = bookOrNull(m);
        if (b == null) {
            return;
        }
        List<Integer> mine = new ArrayList<>();
        for (int h : lp.openOrders) {
            if (pool.market[h] == m.index()) {
                mine.add(h);
            }
        }
        for (int h : mine) {
            unrest(b, h, lp);
            pool.release(h);
        }
        markDirty(b);
    }

    private static final class Match {
        long filled;
        long making;
        long taking;
        final List<String> tradeIds = new ArrayList<>(1);
        String txHash;
    }

    /** Shares available on the other side at prices crossing {@code upLimit}, up to {@code want}. */
    private static long available(MarketBook b, byte upSide, long upLimit, long want) {
        BookSide opp = b.opposite(upSide);
        long sum = 0;
        for (int i = opp.count - 1; i >= 0 && sum < want; i--) {
            if (!opp.crosses(opp.prices[i], upLimit)) {
                break;
            }
            sum += opp.totals[i];
        }
        return sum;
    }

    /** Matches taker {@code t} against the opposite side while prices cross, best price first, oldest first. */
    private void sweep(MarketBook b, int t, long now, Match match) {
        BookSide opp = b.opposite(pool.upSide[t]);
        long limit = pool.price[t];
        ClobAccount takerAcct = accounts.get(pool.account[t]);
        int takerOutcome = pool.outcome[t];
        byte takerSide = pool.ownSide(t);
        while (pool.remaining[t] > 0 && opp.count > 0) {
            int li = opp.count - 1;
            long p = opp.prices[li];
            if (!opp.crosses(p, limit)) {
                break;
            }
            b.touch(opp.isBids(), p);
            long ownPrice = takerOutcome == 0 ? p : ONE - p;
            long levelSize = 0;
            long levelFee = 0;
            List<MakerFill> makers = null;
            List<long[]> moves = null;
            List<ClobAccount> movers = null;
            List<Integer> touchedMakers = null;
            while (pool.remaining[t] > 0 && opp.count > li && opp.prices[li] == p) {
                int h = opp.heads[li];
                long q = Math.min(pool.remaining[t], pool.remaining[h]);
                ClobAccount makerAcct = accounts.get(pool.account[h]);
                boolean user = !makerAcct.provider() || !takerAcct.provider();
                if (user && makers == null) {
                    makers = new ArrayList<>(2);
                    moves = new ArrayList<>(4);
                    movers = new ArrayList<>(4);
                    touchedMakers = new ArrayList<>(2);
                }
                long makerAmount = amountOwn(q, p, pool.outcome[h]);
                long takerAmount = amountOwn(q, p, takerOutcome);
                long fee = takerAcct.provider() ? 0 : fee(q, ownPrice);
                move(makerAcct, h, q, makerAmount, 0, moves, movers);
                move(takerAcct, t, q, takerAmount, fee, moves, movers);
                if (user) {
                    int mo = pool.outcome[h];
                    makers.add(new MakerFill(orderId(h), makerAcct, owner(h, makerAcct), makerAddress(h, makerAcct),
                            b.market.tokenId(mo), b.market.outcomes().get(mo), pool.ownSide(h) == OrderPool.BUY ? "BUY" : "SELL",
                            mo == 0 ? p : ONE - p, q, makerAmount));
                    if (pool.info[h] != null) {
                        touchedMakers.add(h);
                    }
                }
                if (pool.info[h] != null) {
                    pool.info[h].sizeMatched += q;
                }
                levelSize += q;
                levelFee += fee;
                match.filled += q;
                if (takerSide == OrderPool.BUY) {
                    match.making += takerAmount;
                    match.taking += q;
                } else {
                    match.making += q;
                    match.taking += takerAmount;
                }
                opp.reduce(pool, h, q);
                pool.remaining[t] -= q;
                if (pool.remaining[h] == 0) {
                    opp.remove(pool, h);
                    finishMaker(h, makerAcct, touchedMakers != null && touchedMakers.contains(h));
                }
            }
            b.traded = true;
            b.market.lastTradeUnits(p);
            b.market.addVolume((double) levelSize * p / ONE / 1_000_000.0);
            if (match.txHash == null) {
                match.txHash = Ids.hex32(seed, "tx", Long.toString(++txSeq));
            }
            prints.add(new Object[]{b.market, takerOutcome, takerSide == OrderPool.BUY ? "BUY" : "SELL", ownPrice, levelSize,
                    match.txHash});
            if (makers != null) {
                TradeRecord tr = new TradeRecord(Ids.uuid(seed, "trade", Long.toString(++tradeSeq)), orderId(t), b.market,
                        takerAcct, owner(t, takerAcct), makerAddress(t, takerAcct), takerOutcome,
                        takerSide == OrderPool.BUY ? "BUY" : "SELL", ownPrice, levelSize, levelFee, feeRateBps(), makers, now,
                        match.txHash, moves, movers);
                tr.ordinal = tradeSeq;
                tr.retry = rng.nextDouble() < settlement.retryShare();
                tr.fails = tr.retry && rng.nextDouble() < settlement.failShare();
                tr.nextAt = now + settlement.minedAfter().toMillis();
                settling.add(tr);
                match.tradeIds.add(tr.id);
                record(tr);
                for (int h : touchedMakers) {
                    OrderInfo mi = pool.info[h];
                    if (mi != null) {
                        mi.associateTrades.add(tr.id);
                        emitOrder("UPDATE", mi, now);
                    }
                }
                emitTrade(tr, now);
                // Fully filled makers were parked until their UPDATE went out.
                for (int h : touchedMakers) {
                    if (!pool.live[h] || pool.remaining[h] == 0) {
                        pool.release(h);
                    }
                }
            }
        }
        markDirty(b);
    }

    /** A maker order was filled completely. Users' handles are released after their UPDATE event. */
    private void finishMaker(int h, ClobAccount acct, boolean reportLater) {
        acct.openOrders.remove(h);
        releaseReservation(acct, h);
        OrderInfo info = pool.info[h];
        if (info != null) {
            info.status = "MATCHED";
            liveById.remove(info.id);
        }
        pool.live[h] = false;
        if (!reportLater) {
            pool.release(h);
        }
    }

    private void record(TradeRecord tr) {
        if (!tr.taker.provider()) {
            tr.taker.trades.add(tr);
        }
        for (MakerFill f : tr.makers) {
            if (!f.account().provider() && f.account() != tr.taker && !f.account().trades.contains(tr)) {
                f.account().trades.add(tr);
            }
        }
    }

    /** Moves pUSD and shares for one side of a fill (nothing for unlimited providers). */
    private void move(ClobAccount a, int h, long q, long amount, long fee, List<long[]> moves, List<ClobAccount> movers) {
        if (a.provider()) {
            return;
        }
        int mkt = pool.market[h];
        int o = pool.outcome[h];
        long[] pos = a.position(mkt);
        long before = pool.remaining[h];
        long collateralDelta;
        long sharesDelta;
        if (pool.ownSide(h) == OrderPool.BUY) {
            long release = q == before ? pool.reserved[h] : (long) ((double) pool.reserved[h] * q / before);
            pool.reserved[h] -= release;
            a.reservedCollateral -= release;
            collateralDelta = -(amount + fee);
            sharesDelta = q;
        } else {
            pool.reserved[h] -= q;
            pos[2 + o] -= q;
            collateralDelta = amount - fee;
            sharesDelta = -q;
        }
        a.collateral += collateralDelta;
        pos[o] += sharesDelta;
        if (moves != null) {
            moves.add(new long[]{mkt, o, collateralDelta, sharesDelta});
            movers.add(a);
        }
    }

    private void releaseReservation(ClobAccount a, int h) {
        long r = pool.reserved[h];
        if (r != 0 && !a.provider()) {
            if (pool.ownSide(h) == OrderPool.BUY) {
                a.reservedCollateral -= r;
            } else {
                a.position(pool.market[h])[2 + pool.outcome[h]] -= r;
            }
        }
        pool.reserved[h] = 0;
    }

    private void rest(MarketBook b, int h, ClobAccount acct) {
        BookSide side = b.side(pool.upSide[h]);
        b.touch(side.isBids(), pool.price[h]);
        side.append(pool, h);
        acct.openOrders.add(h);
        markDirty(b);
    }

    private void unrest(MarketBook b, int h, ClobAccount acct) {
        BookSide side = b.side(pool.upSide[h]);
        b.touch(side.isBids(), pool.price[h]);
        side.remove(pool, h);
        acct.openOrders.remove(h);
        releaseReservation(acct, h);
    }

    /** pUSD micro-units for {@code q} micro-shares at first-token price {@code p} from the side of {@code outcome}. */
    private static long amountOwn(long q, long p, int outcome) {
        long up = q * p / ONE;
        // The two tokens' amounts add up to exactly one pUSD per share (mint and merge conserve value).
        return outcome == 0 ? up : q - up;
    }

    /** Taker fee in pUSD micro-units: shares x r x (p(1-p))^e. */
    long fee(long shares, long ownPrice) {
        if (!rules.feesEnabled() || rules.feeRate() == 0) {
            return 0;
        }
        double p = ownPrice / (double) ONE;
        return Math.round(shares * rules.feeRate() * Math.pow(p * (1 - p), rules.feeExponent()));
    }

    private String orderId(int h) {
        OrderInfo info = pool.info[h];
        return info != null ? info.id : Ids.hex32(seed, "provider-order", Long.toString(pool.seq[h]));
    }

    private String makerAddress(int h, ClobAccount acct) {
        OrderInfo info = pool.info[h];
        return info != null && info.makerAddress != null ? info.makerAddress : acct.address();
    }

    private String owner(int h, ClobAccount acct) {
        OrderInfo info = pool.info[h];
        return info != null ? info.owner : acct.ownerKey();
    }

    // ================================================================== cancels

    /** Result of a cancel request: cancelled ids and the reason for each id not cancelled. */
    public record CancelResult(List<String> canceled, Map<String, String> notCanceled) {
    }

    public CancelResult cancel(ClobAccount acct, List<String> ids, long now) {
        List<String> done = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (String id : ids) {
            Integer h = liveById.get(id);
            if (h == null || pool.account[h] != acct.index()) {
                failed.put(id, NOT_FOUND);
                continue;
            }
            cancelHandle(h, "CANCELED", now);
            done.add(id);
        }
        flush(now);
        return new CancelResult(done, failed);
    }

    public CancelResult cancelAll(ClobAccount acct, long now) {
        List<String> done = new ArrayList<>();
        for (int h : new ArrayList<>(acct.openOrders)) {
            OrderInfo info = pool.info[h];
            cancelHandle(h, "CANCELED", now);
            if (info != null) {
                done.add(info.id);
            }
        }
        flush(now);
        return new CancelResult(done, Map.of());
    }

    /** Cancels the account's orders in a market (condition id) and/or on one token (either may be empty). */
    public CancelResult cancelMarket(ClobAccount acct, String conditionId, String assetId, long now) {
        List<String> done = new ArrayList<>();
        for (int h : new ArrayList<>(acct.openOrders)) {
            OrderInfo info = pool.info[h];
            if (info == null) {
                continue;
            }
            boolean marketOk = conditionId == null || conditionId.isEmpty() || info.market.conditionId().equalsIgnoreCase(conditionId);
            boolean assetOk = assetId == null || assetId.isEmpty() || info.market.tokenId(info.outcome).equals(assetId);
            if (marketOk && assetOk) {
                cancelHandle(h, "CANCELED", now);
                done.add(info.id);
            }
        }
        flush(now);
        return new CancelResult(done, Map.of());
    }

    private void cancelHandle(int h, String status, long now) {
        ClobAccount acct = accounts.get(pool.account[h]);
        MarketBook b = books.get(pool.market[h]);
        unrest(b, h, acct);
        markDirty(b);
        OrderInfo info = pool.info[h];
        if (info != null) {
            info.status = status;
            liveById.remove(info.id);
            emitOrder("CANCELLATION", info, now);
        }
        pool.release(h);
    }

    // ================================================================== heartbeat

    /** Records a heartbeat; returns the id the next heartbeat must carry. */
    public String heartbeat(ClobAccount acct, long now) {
        acct.heartbeatArmed = true;
        acct.lastHeartbeat = now;
        acct.heartbeatId = Ids.uuid(seed, "heartbeat", acct.address(), Long.toString(now), Integer.toString(acct.openOrders.size()));
        return acct.heartbeatId;
    }

    // ================================================================== time

    /** Expires GTD orders, cancels orders of accounts whose heartbeats stopped, advances settlement. */
    public void onTime(long now) {
        while (!expiries.isEmpty() && expiries.peek()[0] <= now) {
            long[] e = expiries.poll();
            int h = (int) e[1];
            if (pool.live[h] && pool.seq[h] == e[2] && pool.info[h] != null) {
                cancelHandle(h, "CANCELED", now);
            }
        }
        long timeout = venue.heartbeatTimeout().toMillis();
        for (ClobAccount a : accounts) {
            if (a.heartbeatArmed && now - a.lastHeartbeat > timeout) {
                a.heartbeatArmed = false;
                for (int h : new ArrayList<>(a.openOrders)) {
                    cancelHandle(h, "CANCELED", now);
                }
            }
        }
        while (!settling.isEmpty() && settling.peek().nextAt <= now) {
            advance(settling.poll(), now);
        }
        flush(now);
    }

    private void advance(TradeRecord t, long now) {
        long confirm = settlement.confirmedAfter().toMillis();
        switch (t.status) {
            case MATCHED -> {
                t.status = t.retry ? TradeStatus.RETRYING : TradeStatus.MINED;
                t.nextAt = now + confirm;
                settling.add(t);
            }
            case RETRYING -> {
                if (t.fails) {
                    t.status = TradeStatus.FAILED;
                    reverse(t);
                } else {
                    t.status = TradeStatus.MINED;
                    t.nextAt = now + confirm;
                    settling.add(t);
                }
            }
            case MINED -> t.status = TradeStatus.CONFIRMED;
            default -> {
                return;
            }
        }
        t.lastUpdate = now;
        emitTrade(t, now);
    }

    /** A failed settlement never happened: undo every balance move it made. */
    private void reverse(TradeRecord t) {
        for (int i = 0; i < t.moves.size(); i++) {
            long[] mv = t.moves.get(i);
            ClobAccount a = t.movers.get(i);
            a.collateral -= mv[2];
            a.position((int) mv[0])[(int) mv[1]] -= mv[3];
        }
    }

    // ================================================================== market lifecycle

    /** Stops trading at the window's end: every resting order is cancelled. */
    public void closeMarket(SimMarket m, double closePrice, long now) {
        MarketBook b = bookOrNull(m);
        if (b != null) {
            List<Integer> all = new ArrayList<>();
            for (BookSide side : new BookSide[]{b.bids, b.asks}) {
                for (int i = 0; i < side.count; i++) {
                    for (int h = side.heads[i]; h >= 0; h = pool.next[h]) {
                        all.add(h);
                    }
                }
            }
            for (int h : all) {
                cancelHandle(h, "CANCELED_MARKET_RESOLVED", now);
            }
        }
        m.close(now, closePrice);
        flush(now);
    }

    public void resolveMarket(SimMarket m, int winner, long now) {
        m.resolve(now, winner);
        for (ClobListener l : listeners) {
            l.onMarketResolved(m, now);
        }
    }

    public void announceNewMarket(SimMarket m, long now) {
        for (ClobListener l : listeners) {
            l.onNewMarket(m, now);
        }
    }

    /**
     * Paper redemption of a resolved market: winning shares pay one pUSD each, both tokens'
     * balances go to zero. Returns the payout in micro-units (0 when there is nothing to redeem).
     */
    public long redeem(ClobAccount acct, SimMarket m) {
        if (!m.resolved() || acct.provider()) {
            return 0;
        }
        long[] pos = acct.position(m.index());
        long payout = Math.max(0, pos[m.winner()]);
        pos[0] = 0;
        pos[1] = 0;
        acct.collateral += payout;
        acct.redeemed.merge(m.index(), payout, Long::sum);
        return payout;
    }

    // ================================================================== events

    private void markDirty(MarketBook b) {
        if (!b.queued) {
            b.queued = true;
            dirty.add(b);
        }
    }

    /** Publishes the batch's book changes, tick changes and trade prints. */
    public void flush(long now) {
        if (dirty.isEmpty()) {
            return;
        }
        List<MarketBook> batch = new ArrayList<>(dirty);
        dirty.clear();
        for (MarketBook b : batch) {
            b.queued = false;
            SimMarket m = b.market;
            List<LevelChange> changes = b.drainChanges();
            m.bestPrices(b.bids.best(), b.asks.best());
            long band = Math.round(rules.fineTickBand() * ONE);
            long bb = b.bids.best();
            long ba = b.asks.best();
            // The venue refines a 0.01 tick to 0.001 once a market trades near 0 or 1, and never back.
            long coarse = Math.round(rules.tickSize() * ONE);
            if (m.tickUnits() == coarse && coarse >= 100 && band > 0 && ((bb >= 0 && bb >= ONE - band) || (ba >= 0 && ba <= band))) {
                long old = m.tickUnits();
                m.tickUnits(old / 10);
                for (ClobListener l : listeners) {
                    l.onTickSizeChange(m, old, old / 10, now);
                }
            }
            if (changes.isEmpty() && !b.traded) {
                continue;
            }
            BookSnapshot up = b.snapshot(0);
            BookSnapshot down = b.snapshot(1);
            if (!changes.isEmpty()) {
                for (ClobListener l : listeners) {
                    l.onBookChanged(m, changes, up, down, now);
                }
            }
            if (b.traded) {
                b.traded = false;
                for (Object[] p : prints) {
                    if (p[0] == m) {
                        for (ClobListener l : listeners) {
                            l.onTradePrint(m, (Integer) p[1], (String) p[2], (Long) p[3], (Long) p[4], feeRateBps(), (String) p[5], now);
                        }
                    }
                }
                for (ClobListener l : listeners) {
                    l.onBookRefresh(m, up, down, now);
                }
            }
        }
        prints.clear();
    }

    private void emitOrder(String type, OrderInfo info, long now) {
        if (listeners.isEmpty()) {
            return;
        }
        OrderView v = info.view();
        for (ClobListener l : listeners) {
            l.onOrderEvent(type, v, now);
        }
    }

    private void emitTrade(TradeRecord t, long now) {
        if (listeners.isEmpty()) {
            return;
        }
        TradeView v = t.view();
        for (ClobListener l : listeners) {
            l.onTradeEvent(v, now);
        }
    }

    // ================================================================== queries

    private MarketBook book(SimMarket m) {
        while (books.size() <= m.index()) {
            books.add(null);
        }
        MarketBook b = books.get(m.index());
        if (b == null) {
            b = new MarketBook(m);
            books.set(m.index(), b);
        }
        return b;
    }

    private MarketBook bookOrNull(SimMarket m) {
        return m.index() < books.size() ? books.get(m.index()) : null;
    }

    /** One token's book in wire order (empty when nobody quoted yet). */
    public BookSnapshot snapshot(SimMarket m, int outcome) {
        MarketBook b = bookOrNull(m);
        if (b == null) {
            return new BookSnapshot(new long[0], new long[0], new long[0], new long[0]);
        }
        return b.snapshot(outcome);
    }

    /** Open orders of an account, oldest first. */
    public List<OrderView> openOrders(ClobAccount acct) {
        List<OrderView> out = new ArrayList<>();
        for (int h : acct.openOrders) {
            if (pool.info[h] != null) {
                out.add(pool.info[h].view());
            }
        }
        return out;
    }

    /** Any order a venue user ever placed, or null. */
    public OrderView order(String id) {
        OrderInfo info = ordersById.get(id);
        return info == null ? null : info.view();
    }

    /** Trades an account took part in, oldest first. */
    public List<TradeView> trades(ClobAccount acct) {
        List<TradeView> out = new ArrayList<>(acct.trades.size());
        for (TradeRecord t : acct.trades) {
            out.add(t.view());
        }
        return out;
    }

    public List<ClobAccount> accounts() {
        return List.copyOf(accounts);
    }

    /** Resting orders in all books (for tests' internal-state checks). */
    public int restingOrders() {
        int n = 0;
        for (MarketBook b : books) {
            if (b != null) {
                for (BookSide s : new BookSide[]{b.bids, b.asks}) {
                    for (int i = 0; i < s.count; i++) {
                        for (int h = s.heads[i]; h >= 0; h = pool.next[h]) {
                            n++;
                        }
                    }
                }
            }
        }
        return n;
    }

    // ================================================================== helpers

    private static long pow10(int n) {
        long v = 1;
        for (int i = 0; i < n; i++) {
            v *= 10;
        }
        return v;
    }

    /** The price an order's amounts imply, as the venue prints it in rejections (e.g. 0.305). */
    private static String plain(long collateral, long shares) {
        return new BigDecimal(collateral).divide(new BigDecimal(shares), 12, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
