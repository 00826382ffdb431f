package io.velocity.marketdata.clob;

import io.velocity.book.OrderBook;
import io.velocity.core.Clock;
import io.velocity.marketdata.BookTop;
import io.velocity.marketdata.LastTrade;
import io.velocity.marketdata.MarketDataSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical order books of every subscribed outcome token, kept by the CLOB book feed: it
 * applies snapshots and level changes, checks every message against the venue's own view,
 * resynchronises a token from a fresh snapshot when they disagree, and publishes a complete
 * {@link BookTop} to the engine after every applied message.
 *
 * <p>Checks, after all of a message's changes to a token are applied:
 * <ul>
 *   <li>best prices: the {@code best_bid}/{@code best_ask} of the token's last entry must equal
 *       the book's (an empty side is {@code 0}/{@code 1}); a crossed book also fails. A failure is
 *       a gap: the token stops publishing, buffers changes and asks for a snapshot.</li>
 *   <li>hash: the entry's {@code hash} must equal {@link BookHash} of the book. The venue's stream
 *       hash may also cover fields that arrive after the change (the last trade price of a fill),
 *       so a mismatch makes the token <em>suspect</em> rather than wrong: an in-stream book refresh
 *       clears it, otherwise {@link #auditSuspects} audits it. If no hash ever matches (a venue whose
 *       hash this formula does not reproduce) the check switches itself off.</li>
 * </ul>
 *
 * <p>Resync: a snapshot replaces the book (a REST {@code /book} reply is followed by a replay of
 * the buffered changes, see {@link #replay}; a WebSocket {@code book} is in stream order and
 * needs none); then changes apply live again.
 *
 * <p>Audit: changes keep applying live and are also buffered; when the REST snapshot arrives,
 * snapshot + buffered changes is compared with the live book and replaces it if they differ. The
 * feed audits every token now and then, any suspect token, and any token silent for too long
 * (a repaired silent token means the socket stopped delivering data: it is frozen).
 *
 * <p>Single writer: every method must be called by the book feed's owner (tests call it directly).
 */
public final class ClobBooks implements ClobMarketHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ClobBooks.class);

    /** Asks the feed for a fresh snapshot of a token (REST {@code /book}); must not block. */
    @FunctionalInterface
    public interface ResyncRequester {
        void request(String tokenId, String reason);
    }

    /** The outcome of a REST snapshot reply. */
    public enum SnapshotOutcome {
        /** Applied (the token was waiting for it). */
        APPLIED,
        /** An audit found the live book correct. */
        AUDIT_MATCHED,
        /** An audit found the live book wrong and replaced it. */
        AUDIT_REPAIRED,
        /** Ignored: not asked for, or the token is no longer tracked. */
        IGNORED
    }

    /** Per-token state. */
    public enum TokenState {
        /** Subscribed, no snapshot yet: changes are buffered. */
        AWAITING_SNAPSHOT,
        /** Applying changes live. */
        LIVE,
        /** A gap was detected: a snapshot was requested and changes are buffered. */
        RESYNCING
    }

    /** Buffered changes per token beyond which the buffer is dropped and a new snapshot requested. */
    static final int MAX_BUFFERED = 20_000;
    /** Hash checks without a single match after which the check is judged not to apply to this venue. */
    static final int HASH_CALIBRATION_CHECKS = 50;

    private final MarketDataSink sink;
    private final ResyncRequester resync;
    private final BookMirror mirror;
    private final Clock clock;
    private final int depth;
    private final boolean trackOnSnapshot;
    private final Map<String, TokenBook> books = new HashMap<>();
    private final OrderBook scratch = new OrderBook();
    private final BookHash hasher = new BookHash();
    private TokenBook[] touched = new TokenBook[8];
    private int[] touchedLast = new int[8];
    private boolean hashCheck = true;
    private long hashChecks;
    private long hashMatches;
    private long gaps;
    private long applied;

    /**
     * @param depth           levels per side in each published {@link BookTop}
     * @param trackOnSnapshot start tracking any token a snapshot arrives for (the decode tool);
     *                        the live feed tracks only subscribed tokens
     */
    public ClobBooks(MarketDataSink sink, ResyncRequester resync, BookMirror mirror, Clock clock, int depth,
                     boolean trackOnSnapshot) {
        this.sink = sink;
        this.resync = resync;
        this.mirror = mirror;
        this.clock = clock;
        this.depth = depth;
        this.trackOnSnapshot = trackOnSnapshot;
    }

    private static final class TokenBook {
        final String tokenId;
        String conditionId;
        String sibling;
        final OrderBook book = new OrderBook();
        TokenState state = TokenState.AWAITING_SNAPSHOT;
        boolean auditPending;
        long venueTimeMillis = -1;
        long lastDataNanos;
        long receivedNanos;
        long minOrderSizeMicros = -1;
        int negRisk = -1;
        long lastTradePriceE4 = -1;
        long suspectSinceNanos = -1;
        // buffered changes while not live (or during an audit)
        int buffered;
        long[] bufTs = new long[16];
        int[] bufPrice = new int[16];
        long[] bufSize = new long[16];
        boolean[] bufBid = new boolean[16];
        String[] bufHash = new String[16];

        TokenBook(String tokenId, String conditionId, long nowNanos) {
            this.tokenId = tokenId;
            this.conditionId = conditionId;
            this.lastDataNanos = nowNanos;
        }

        void buffer(long ts, int price, long size, boolean bid, String hash) {
            if (buffered == bufTs.length) {
                int n = buffered * 2;
                bufTs = Arrays.copyOf(bufTs, n);
                bufPrice = Arrays.copyOf(bufPrice, n);
                bufSize = Arrays.copyOf(bufSize, n);
                bufBid = Arrays.copyOf(bufBid, n);
                bufHash = Arrays.copyOf(bufHash, n);
            }
            bufTs[buffered] = ts;
            bufPrice[buffered] = price;
            bufSize[buffered] = size;
            bufBid[buffered] = bid;
            bufHash[buffered] = hash;
            buffered++;
        }

        void dropBuffer() {
            Arrays.fill(bufHash, 0, buffered, null);
            buffered = 0;
            auditPending = false;
        }
    }

    // ---------------------------------------------------------------- subscriptions

    /** Starts tracking a token (subscription); it waits for a snapshot. */
    public void track(String tokenId, String conditionId) {
        TokenBook tb = books.get(tokenId);
        if (tb == null) {
            books.put(tokenId, new TokenBook(tokenId, conditionId, clock.nanoTime()));
        } else if (conditionId != null) {
            tb.conditionId = conditionId;
        }
    }

    /**
     * Starts tracking both tokens of a market with what discovery knows (the hash check needs the
     * minimum order size, neg-risk flag and the sibling token).
     */
    public void trackMarket(String conditionId, String upTokenId, String downTokenId, long minOrderSizeMicros,
                            boolean negRisk) {
        track(upTokenId, conditionId);
        track(downTokenId, conditionId);
        TokenBook up = books.get(upTokenId);
        TokenBook down = books.get(downTokenId);
        up.sibling = downTokenId;
        down.sibling = upTokenId;
        for (TokenBook tb : new TokenBook[]{up, down}) {
            if (minOrderSizeMicros >= 0) {
                tb.minOrderSizeMicros = minOrderSizeMicros;
            }
            tb.negRisk = negRisk ? 1 : 0;
        }
    }

    /** Stops tracking a token (market expired). */
    public void untrack(String tokenId) {
        books.remove(tokenId);
    }

    /** Tokens tracked now. */
    public Collection<String> tokens() {
        return List.copyOf(books.keySet());
    }

    /**
     * The connection was lost: every book waits for a fresh snapshot (the resubscription's
     * reply brings one per token) and buffers changes meanwhile.
     */
    public void awaitSnapshots() {
        for (TokenBook tb : books.values()) {
            tb.state = TokenState.AWAITING_SNAPSHOT;
            tb.suspectSinceNanos = -1;
            tb.dropBuffer();
        }
    }

    /** Marks a token as out of sync and asks for a snapshot. */
    public void resync(String tokenId, String reason) {
        TokenBook tb = books.get(tokenId);
        if (tb != null) {
            startResync(tb, reason);
        }
    }

    private void startResync(TokenBook tb, String reason) {
        gaps++;
        tb.state = TokenState.RESYNCING;
        tb.suspectSinceNanos = -1;
        tb.dropBuffer();
        resync.request(tb.tokenId, reason);
    }

    /**
     * Audits a live token: changes keep applying and are also buffered until the snapshot reply
     * ({@link #onSnapshotReply}) is compared with the book. No-op unless the token is live and
     * not already being audited.
     */
    public void requestAudit(String tokenId, String reason) {
        TokenBook tb = books.get(tokenId);
        if (tb == null || tb.state != TokenState.LIVE || tb.auditPending) {
            return;
        }
        tb.dropBuffer();
        tb.auditPending = true;
        resync.request(tokenId, reason);
    }

    /** The snapshot request for a token failed: an audit is abandoned; a resync must be retried by the caller. */
    public void snapshotFailed(String tokenId) {
        TokenBook tb = books.get(tokenId);
        if (tb != null && tb.state == TokenState.LIVE) {
            tb.dropBuffer();
        }
    }

    /** True when the token still needs a snapshot (waiting or resyncing). */
    public boolean needsSnapshot(String tokenId) {
        TokenBook tb = books.get(tokenId);
        return tb != null && tb.state != TokenState.LIVE;
    }

    /** Audits every token whose hash mismatched more than {@code graceNanos} ago without a refresh since. */
    public void auditSuspects(long graceNanos) {
        long now = clock.nanoTime();
        for (TokenBook tb : books.values()) {
            if (tb.suspectSinceNanos >= 0 && now - tb.suspectSinceNanos > graceNanos) {
                tb.suspectSinceNanos = -1;
                requestAudit(tb.tokenId, "book hash mismatch");
            }
        }
    }

    // ---------------------------------------------------------------- handler

    @Override
    public void onBook(ClobMessage m) {
        TokenBook tb = books.get(m.assetId());
        if (tb == null) {
            if (!trackOnSnapshot) {
                return;
            }
            track(m.assetId(), m.market());
            tb = books.get(m.assetId());
        }
        // A book on the socket is in stream order: every buffered change is older than it.
        tb.dropBuffer();
        applySnapshot(tb, m, false);
    }

    /**
     * A REST {@code /book} reply requested by {@link ResyncRequester}: applied when the token is
     * waiting for a snapshot, compared when it was an audit.
     */
    public SnapshotOutcome onSnapshotReply(ClobMessage m) {
        TokenBook tb = books.get(m.assetId());
        if (tb == null) {
            return SnapshotOutcome.IGNORED;
        }
        meta(tb, m);
        if (tb.state != TokenState.LIVE) {
            applySnapshot(tb, m, true);
            return SnapshotOutcome.APPLIED;
        }
        if (!tb.auditPending) {
            return SnapshotOutcome.IGNORED;
        }
        load(scratch, m);
        scratch.tickE4(m.tickE4() > 0 ? m.tickE4() : tb.book.tickE4());
        replay(tb, scratch, m);
        int replayed = tb.buffered;
        tb.dropBuffer();
        tb.lastDataNanos = clock.nanoTime();
        if (scratch.sameLevels(tb.book)) {
            return SnapshotOutcome.AUDIT_MATCHED;
        }
        gaps++;
        LOG.debug("audit of {}: book {} but the venue's {} ({} buffered changes replayed)", tb.tokenId, tb.book, scratch,
                replayed);
        tb.book.copyFrom(scratch);
        tb.receivedNanos = tb.lastDataNanos;
        publish(tb);
        return SnapshotOutcome.AUDIT_REPAIRED;
    }

    private static void meta(TokenBook tb, ClobMessage m) {
        if (m.minOrderSizeMicros() >= 0) {
            tb.minOrderSizeMicros = m.minOrderSizeMicros();
        }
        if (m.negRisk() >= 0) {
            tb.negRisk = m.negRisk();
        }
    }

    private void applySnapshot(TokenBook tb, ClobMessage m, boolean replayBuffer) {
        if (m.market() != null) {
            tb.conditionId = m.market();
        }
        load(tb.book, m);
        if (m.tickE4() > 0) {
            tb.book.tickE4(m.tickE4());
        }
        if (m.lastTradePriceE4() >= 0) {
            tb.lastTradePriceE4 = m.lastTradePriceE4();
        }
        tb.venueTimeMillis = Math.max(tb.venueTimeMillis, m.timestampMillis());
        tb.state = TokenState.LIVE;
        tb.suspectSinceNanos = -1;
        tb.lastDataNanos = clock.nanoTime();
        tb.receivedNanos = tb.lastDataNanos;
        if (replayBuffer) {
            tb.venueTimeMillis = Math.max(tb.venueTimeMillis, replay(tb, tb.book, m));
        }
        tb.dropBuffer();
        applied++;
        if (tb.book.crossed()) {
            startResync(tb, "snapshot is crossed");
            return;
        }
        publish(tb);
    }

    private static void load(OrderBook b, ClobMessage m) {
        b.clear();
        ClobMessage.LevelList bids = m.bids();
        for (int i = 0; i < bids.count(); i++) {
            b.set(true, bids.priceE4(i), bids.sizeMicros(i));
        }
        ClobMessage.LevelList asks = m.asks();
        for (int i = 0; i < asks.count(); i++) {
            b.set(false, asks.priceE4(i), asks.sizeMicros(i));
        }
    }

    /**
     * Applies to {@code target} the changes buffered since the snapshot was requested: all of
     * them, or only those after the change whose hash equals the snapshot's when one does.
     *
     * <p>Replaying changes the snapshot already contains is harmless because a change sets a
     * level's total (last writer wins): the buffer began before the request, so for every level it
     * touches its last buffered value is the level's current value, and levels it does not touch
     * are right in the snapshot. Timestamps are no guide here: many changes share a millisecond.
     * Returns the newest venue time replayed (-1 if none).
     */
    private static long replay(TokenBook tb, OrderBook target, ClobMessage snapshot) {
        int from = 0;
        for (int i = tb.buffered - 1; i >= 0; i--) {
            if (tb.bufHash[i] != null && snapshot.hashEquals(tb.bufHash[i])) {
                from = i + 1;
                break;
            }
        }
        long newest = -1;
        for (int i = from; i < tb.buffered; i++) {
            target.set(tb.bufBid[i], tb.bufPrice[i], tb.bufSize[i]);
            newest = Math.max(newest, tb.bufTs[i]);
        }
        return newest;
    }

    @Override
    public void onPriceChange(ClobMessage m) {
        int nTouched = 0;
        long ts = m.timestampMillis();
        long now = clock.nanoTime();
        for (int i = 0, n = m.changeCount(); i < n; i++) {
            TokenBook tb = books.get(m.changeAsset(i));
            if (tb == null) {
                continue;
            }
            tb.lastDataNanos = now;
            if (tb.state != TokenState.LIVE) {
                if (tb.buffered >= MAX_BUFFERED) {
                    startResync(tb, "too many changes while waiting for a snapshot");
                } else {
                    tb.buffer(ts, m.changePriceE4(i), m.changeSizeMicros(i), m.changeIsBid(i), m.changeHash(i));
                }
                continue;
            }
            tb.book.set(m.changeIsBid(i), m.changePriceE4(i), m.changeSizeMicros(i));
            if (tb.auditPending) {
                if (tb.buffered >= MAX_BUFFERED) {
                    tb.dropBuffer(); // an audit that cannot complete is abandoned; the next one retries
                } else {
                    tb.buffer(ts, m.changePriceE4(i), m.changeSizeMicros(i), m.changeIsBid(i), m.changeHash(i));
                }
            }
            tb.venueTimeMillis = Math.max(tb.venueTimeMillis, ts);
            tb.receivedNanos = now;
            applied++;
            nTouched = touch(tb, i, nTouched);
        }
        for (int k = 0; k < nTouched; k++) {
            TokenBook tb = touched[k];
            int last = touchedLast[k];
            touched[k] = null;
            if (tb.state != TokenState.LIVE) {
                continue;
            }
            String problem = check(tb.book, m.changeBestBidE4(last), m.changeBestAskE4(last));
            if (problem != null) {
                startResync(tb, problem);
                continue;
            }
            verifyHash(tb, m, last, now);
            publish(tb);
        }
    }

    private int touch(TokenBook tb, int entry, int n) {
        for (int k = 0; k < n; k++) {
            if (touched[k] == tb) {
                touchedLast[k] = entry;
                return n;
            }
        }
        if (n == touched.length) {
            touched = Arrays.copyOf(touched, n * 2);
            touchedLast = Arrays.copyOf(touchedLast, n * 2);
        }
        touched[n] = tb;
        touchedLast[n] = entry;
        return n + 1;
    }

    private void verifyHash(TokenBook tb, ClobMessage m, int entry, long now) {
        if (!hashCheck || tb.minOrderSizeMicros < 0 || tb.negRisk < 0 || tb.conditionId == null
                || m.timestampMillis() < 0 || m.changeHash(entry) == null) {
            return;
        }
        String ours = hasher.hash(tb.conditionId, tb.tokenId, m.timestampMillis(), tb.book, tb.minOrderSizeMicros,
                tb.negRisk == 1, tb.lastTradePriceE4);
        hashChecks++;
        if (m.changeHashEquals(entry, ours)) {
            hashMatches++;
            tb.suspectSinceNanos = -1;
        } else if (hashMatches == 0 && hashChecks >= HASH_CALIBRATION_CHECKS) {
            hashCheck = false;
            LOG.info("CLOB book hashes never matched the summary hash in {} checks; relying on best-price checks and audits",
                    hashChecks);
        } else if (tb.suspectSinceNanos < 0) {
            tb.suspectSinceNanos = now;
        }
    }

    /** Null when the book agrees with the venue's best prices after a change, else the problem. */
    private static String check(OrderBook b, int venueBid, int venueAsk) {
        if (b.crossed()) {
            return "book crossed after a change (missed update)";
        }
        if (venueBid >= 0) {
            int ours = b.bestBid() == OrderBook.NO_BID ? 0 : b.bestBid();
            if (ours != venueBid) {
                return "best bid " + ours + " differs from the venue's " + venueBid + " (missed update)";
            }
        }
        if (venueAsk >= 0) {
            int ours = b.bestAsk() == OrderBook.NO_ASK ? OrderBook.MAX_PRICE_E4 : b.bestAsk();
            if (ours != venueAsk) {
                return "best ask " + ours + " differs from the venue's " + venueAsk + " (missed update)";
            }
        }
        return null;
    }

    @Override
    public void onTickSizeChange(ClobMessage m) {
        TokenBook tb = books.get(m.assetId());
        if (tb == null) {
            return;
        }
        tb.book.tickE4(m.newTickE4());
        tb.lastDataNanos = clock.nanoTime();
        if (tb.state == TokenState.LIVE) {
            tb.venueTimeMillis = Math.max(tb.venueTimeMillis, m.timestampMillis());
            publish(tb);
        }
    }

    @Override
    public void onLastTradePrice(ClobMessage m) {
        TokenBook tb = books.get(m.assetId());
        if (tb != null) {
            tb.lastDataNanos = clock.nanoTime();
            tb.lastTradePriceE4 = m.priceE4();
            TokenBook sib = tb.sibling == null ? null : books.get(tb.sibling);
            if (sib != null) {
                // one binary market: a fill of one outcome at p is the other's at 1 - p
                sib.lastTradePriceE4 = OrderBook.MAX_PRICE_E4 - m.priceE4();
            }
        } else if (!trackOnSnapshot) {
            return;
        }
        sink.onLastTrade(new LastTrade(m.assetId(), m.priceE4(), m.sizeMicros(), m.side() == 1, m.feeRateBps(),
                m.timestampMillis()));
    }

    @Override
    public void onMarketResolved(ClobMessage m) {
        sink.onMarketExpired(m.market(), "resolved on the CLOB"
                + (m.winningAssetId() != null ? " (winner " + m.winningAssetId() + ")" : ""));
    }

    private void publish(TokenBook tb) {
        long[] bp = new long[depth];
        long[] bs = new long[depth];
        long[] ap = new long[depth];
        long[] as = new long[depth];
        int nb = tb.book.topBids(bp, bs, depth);
        int na = tb.book.topAsks(ap, as, depth);
        BookTop top = new BookTop(tb.tokenId, tb.conditionId, bp, bs, ap, as, nb, na, tb.book.tickE4(),
                tb.venueTimeMillis, tb.receivedNanos);
        sink.onBookTop(top);
        mirror.mirror(top);
    }

    // ---------------------------------------------------------------- inspection

    /** The state of a token, null when untracked. */
    public TokenState state(String tokenId) {
        TokenBook tb = books.get(tokenId);
        return tb == null ? null : tb.state;
    }

    /** The canonical book of a token (owner thread only), null when untracked. */
    public OrderBook book(String tokenId) {
        TokenBook tb = books.get(tokenId);
        return tb == null ? null : tb.book;
    }

    /** Tokens with no data for longer than {@code thresholdNanos}: candidates for a frozen-socket check. */
    public List<String> silentTokens(long thresholdNanos) {
        long now = clock.nanoTime();
        List<String> out = new ArrayList<>();
        for (TokenBook tb : books.values()) {
            if (tb.state == TokenState.LIVE && !tb.auditPending && now - tb.lastDataNanos > thresholdNanos) {
                out.add(tb.tokenId);
            }
        }
        return out;
    }

    /** Gaps (mismatches, crossed books, buffer overflows, repaired audits) detected since start. */
    public long gaps() {
        return gaps;
    }

    /** Snapshots and level changes applied since start. */
    public long applied() {
        return applied;
    }

    /** Hash checks done and matched since start, and whether the check is still on. */
    public String hashStats() {
        return hashMatches + "/" + hashChecks + (hashCheck ? "" : " (off)");
    }

    /** True while hash verification is on. */
    public boolean hashCheckEnabled() {
        return hashCheck;
    }
}
