package io.velocity.marketdata.clob;

import io.velocity.core.ManualClock;
import io.velocity.marketdata.BookTop;
import io.velocity.marketdata.RecordingSink;
import io.velocity.marketdata.parse.MalformedMessageException;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ClobBooksTest {
    static final String UP = "1111";
    static final String DOWN = "2222";
    static final String MKT = "0xabc";

    private final ManualClock clock = new ManualClock(1_760_000_000_000L);
    private final RecordingSink sink = new RecordingSink();
    private final List<String> requests = new ArrayList<>();
    private final ClobBooks books = new ClobBooks(sink, (token, reason) -> requests.add(token + ": " + reason),
            BookMirror.NONE, clock, 10, false);
    private final ClobMarketParser parser = new ClobMarketParser();

    private void frame(String json) throws MalformedMessageException {
        parser.parseFrame(json, books);
    }

    private ClobBooks.SnapshotOutcome reply(String json) throws MalformedMessageException {
        ClobBooks.SnapshotOutcome[] out = new ClobBooks.SnapshotOutcome[1];
        parser.parseBookReply(json, new ClobMarketHandler() {
            @Override
            public void onBook(ClobMessage book) {
                out[0] = books.onSnapshotReply(book);
            }

            @Override
            public void onPriceChange(ClobMessage change) {
            }

            @Override
            public void onTickSizeChange(ClobMessage change) {
            }

            @Override
            public void onLastTradePrice(ClobMessage trade) {
            }
        });
        return out[0];
    }

    @Test
    void publishesACompleteTopAfterEverySnapshotAndChange() throws Exception {
        books.track(UP, MKT);
        VenueBookModel venue = new VenueBookModel(UP, MKT);
        venue.change(true, 4800, 10_000_000);
        venue.change(false, 5200, 20_000_000);
        frame("[" + venue.snapshot().replace("{\"market\"", "{\"event_type\":\"book\",\"market\"") + "]");
        frame(venue.change(true, 4900, 5_000_000));
        BookTop top = sink.lastTop(UP);
        assertThat(top.bidDepth()).isEqualTo(2);
        assertThat(top.bidPrices()[0]).isEqualTo(4900);
        assertThat(top.bidSizes()[0]).isEqualTo(5_000_000);
        assertThat(top.askPrices()[0]).isEqualTo(5200);
        assertThat(top.tickE4()).isEqualTo(100);
        assertThat(top.conditionId()).isEqualTo(MKT);
        assertThat(sink.tops).hasSize(2);
        assertThat(requests).isEmpty();
    }

    @Test
    void resyncsWhenAChangeDisagreesWithTheVenuesBestPricesAndReplaysWhatCameAfterTheSnapshot() throws Exception {
        books.track(UP, MKT);
        VenueBookModel venue = new VenueBookModel(UP, MKT);
        venue.change(true, 4800, 10_000_000);
        venue.change(false, 5200, 20_000_000);
        reply(venue.snapshot());
        venue.change(true, 4950, 1_000_000); // lost on the wire
        frame(venue.change(false, 5100, 3_000_000));
        assertThat(requests).singleElement().asString().contains("best bid 4800 differs from the venue's 4950");
        assertThat(books.state(UP)).isEqualTo(ClobBooks.TokenState.RESYNCING);
        String snapshotAtRequest = venue.snapshot();
        frame(venue.change(true, 4960, 2_000_000)); // arrives while the REST request is in flight
        int topsBefore = sink.tops.size();
        assertThat(reply(snapshotAtRequest)).isEqualTo(ClobBooks.SnapshotOutcome.APPLIED);
        assertThat(venue.matches(books.book(UP))).isTrue();
        assertThat(sink.tops).hasSize(topsBefore + 1);
        assertThat(books.gaps()).isEqualTo(1);
    }

    @Test
    void ignoresChangesForTokensItDoesNotTrackAndSnapshotsOlderThanTheBook() throws Exception {
        VenueBookModel other = new VenueBookModel(DOWN, MKT);
        frame(other.change(true, 100, 1_000_000));
        assertThat(sink.tops).isEmpty();
        books.track(UP, MKT);
        VenueBookModel venue = new VenueBookModel(UP, MKT);
        venue.change(true, 4800, 10_000_000);
        String old = venue.snapshot();
        venue.timestamp += 1000;
        reply(venue.snapshot());
        frame(venue.change(true, 4700, 1_000_000));
        assertThat(reply(old)).isEqualTo(ClobBooks.SnapshotOutcome.IGNORED);
        assertThat(venue.matches(books.book(UP))).isTrue();
    }

    @Test
    void auditRepairsADeepLevelTheBestPriceCheckCannotSee() throws Exception {
        books.track(UP, MKT);
        VenueBookModel venue = new VenueBookModel(UP, MKT);
        venue.change(true, 4800, 10_000_000);
        venue.change(false, 5200, 20_000_000);
        reply(venue.snapshot());
        venue.change(true, 3000, 7_000_000); // lost, deep in the book: best prices unchanged
        frame(venue.change(true, 4700, 1_000_000));
        assertThat(requests).isEmpty();
        books.requestAudit(UP, "periodic audit");
        String auditSnapshot = venue.snapshot();
        frame(venue.change(false, 5300, 4_000_000));
        assertThat(reply(auditSnapshot)).isEqualTo(ClobBooks.SnapshotOutcome.AUDIT_REPAIRED);
        assertThat(venue.matches(books.book(UP))).isTrue();
        books.requestAudit(UP, "periodic audit");
        assertThat(reply(venue.snapshot())).isEqualTo(ClobBooks.SnapshotOutcome.AUDIT_MATCHED);
    }

    @Test
    void waitsForFreshSnapshotsAfterAReconnect() throws Exception {
        books.track(UP, MKT);
        VenueBookModel venue = new VenueBookModel(UP, MKT);
        reply(venue.snapshot());
        books.awaitSnapshots();
        assertThat(books.state(UP)).isEqualTo(ClobBooks.TokenState.AWAITING_SNAPSHOT);
        frame(venue.change(true, 4000, 1_000_000));
        assertThat(sink.tops).hasSize(1);
    }

    @Test
    void reportsSilentTokensAndForwardsTradesAndResolutions() throws Exception {
        books.track(UP, MKT);
        reply(new VenueBookModel(UP, MKT).snapshot());
        clock.advanceMillis(30_000);
        assertThat(books.silentTokens(20_000_000_000L)).containsExactly(UP);
        frame("{\"event_type\":\"last_trade_price\",\"asset_id\":\"" + UP + "\",\"price\":\"0.51\",\"size\":\"10\","
                + "\"side\":\"SELL\",\"fee_rate_bps\":\"1000\",\"timestamp\":\"1760000000123\"}");
        assertThat(books.silentTokens(20_000_000_000L)).isEmpty();
        assertThat(sink.trades).singleElement().satisfies(t -> {
            assertThat(t.priceE4()).isEqualTo(5100);
            assertThat(t.sizeMicros()).isEqualTo(10_000_000);
            assertThat(t.buy()).isFalse();
            assertThat(t.feeRateBps()).isEqualTo(1000);
        });
        frame("{\"event_type\":\"market_resolved\",\"market\":\"" + MKT + "\",\"winning_asset_id\":\"" + UP + "\"}");
        assertThat(sink.expired).singleElement().asString().startsWith(MKT + ": resolved");
    }

    @Test
    void booksEqualTheVenueAfter30kRandomUpdatesWithGapsInFlightSnapshotsAndAudits() throws Exception {
        Random rnd = new Random(42);
        VenueBookModel[] venues = {new VenueBookModel(UP, MKT), new VenueBookModel(DOWN, MKT)};
        for (VenueBookModel v : venues) {
            books.track(v.tokenId, MKT);
            for (int i = 0; i < 40; i++) {
                v.randomChange(rnd);
            }
            reply(v.snapshot());
        }
        Deque<String[]> inFlight = new ArrayDeque<>(); // {deliverAtStep, snapshot}
        int handled = 0;
        for (int step = 0; step < 30_000; step++) {
            VenueBookModel v = venues[rnd.nextInt(2)];
            String msg = v.randomChange(rnd);
            if (rnd.nextInt(200) != 0) { // 0.5 % of messages are lost
                frame(msg);
            }
            if (step % 3_000 == 2_999) {
                books.requestAudit(v.tokenId, "periodic audit");
            }
            while (handled < requests.size()) {
                String token = requests.get(handled++).split(":")[0];
                VenueBookModel src = token.equals(UP) ? venues[0] : venues[1];
                inFlight.add(new String[]{String.valueOf(step + 1 + rnd.nextInt(20)), src.snapshot()});
            }
            while (!inFlight.isEmpty() && Integer.parseInt(inFlight.peek()[0]) <= step) {
                reply(inFlight.poll()[1]);
            }
        }
        while (!inFlight.isEmpty()) {
            reply(inFlight.poll()[1]);
        }
        for (VenueBookModel v : venues) {
            books.requestAudit(v.tokenId, "final audit");
            reply(v.snapshot());
            assertThat(books.state(v.tokenId)).isEqualTo(ClobBooks.TokenState.LIVE);
            assertThat(v.matches(books.book(v.tokenId))).as(v.tokenId).isTrue();
        }
        assertThat(books.gaps()).isGreaterThan(0);
    }
}
