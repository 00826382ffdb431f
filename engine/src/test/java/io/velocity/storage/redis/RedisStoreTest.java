package io.velocity.storage.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.velocity.storage.SharedStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every documented key round-trips through a real Redis, under the exact names RedisKeys documents. */
class RedisStoreTest {
    private static RedisStore store;
    private static RedisClient rawClient;
    private static StatefulRedisConnection<String, String> rawConnection;
    private static RedisCommands<String, String> raw;

    @BeforeAll
    static void connect() {
        store = RedisStore.connect(SharedStores.redis().url());
        rawClient = RedisClient.create(SharedStores.redis().url());
        rawConnection = rawClient.connect();
        raw = rawConnection.sync();
    }

    @AfterAll
    static void close() {
        rawConnection.close();
        rawClient.shutdown();
        store.close();
    }

    private static <T> T get(CompletionStage<T> f) throws Exception {
        return f.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void marketMetadataRoundTripsThroughItsHash() throws Exception {
        MarketMeta m = new MarketMeta(unique("0x"), "btc", "1111", "2222", 0.07, 1.0, 700, 10_000, 5_000_000,
                1_732_500_000_000L, 1_732_500_300_000L, false, true);
        get(store.putMarket(m));
        assertThat(get(store.market(m.conditionId()))).contains(m);
        Map<String, String> hash = raw.hgetall("mkt:" + m.conditionId());
        assertThat(hash).containsEntry("conditionId", m.conditionId()).containsEntry("feeRateBps", "700")
                .containsEntry("feeRate", "0.07").containsEntry("feeExponent", "1.0")
                .containsEntry("minTickSizeMicros", "10000").containsEntry("minOrderSizeMicros", "5000000")
                .containsEntry("windowStartMillis", "1732500000000").containsEntry("windowEndMillis", "1732500300000")
                .containsEntry("negRisk", "0").containsEntry("negRiskAugmented", "1")
                .containsEntry("upTokenId", "1111").containsEntry("downTokenId", "2222").containsEntry("asset", "btc");
        assertThat(get(store.market(unique("0xmissing")))).isEmpty();
    }

    @Test
    void aBookSideIsMirroredAsASortedSetAndReadBestFirst() throws Exception {
        String token = unique("");
        long[] bidPrices = {530_000, 520_000, 510_000, 999};
        long[] bidSizes = {10_000_000, 25_500_000, 100_000_000, 1};
        long[] askPrices = {560_000, 550_000};
        long[] askSizes = {7_000_000, 3_000_000};
        get(store.mirrorBook(token, BookSide.BIDS, bidPrices, bidSizes, 3, 1_000));
        get(store.mirrorBook(token, BookSide.ASKS, askPrices, askSizes, 2, 1_001));

        assertThat(get(store.book(token, BookSide.BIDS))).containsExactly(new BookLevel(530_000, 10_000_000),
                new BookLevel(520_000, 25_500_000), new BookLevel(510_000, 100_000_000));
        assertThat(get(store.book(token, BookSide.ASKS))).containsExactly(new BookLevel(550_000, 3_000_000),
                new BookLevel(560_000, 7_000_000));
        assertThat(raw.zrangeWithScores("book:{" + token + "}:bids", 0, 0).get(0).getScore()).isEqualTo(510_000.0);
        assertThat(raw.zrange("book:{" + token + "}:bids", 0, 0)).containsExactly("510000:100000000");
        assertThat(get(store.bookUpdatedMillis(token, BookSide.ASKS))).hasValue(1_001);
        assertThat(raw.hget("book:{" + token + "}:ts", "bids")).isEqualTo("1000");

        // a new snapshot replaces the side entirely
        get(store.mirrorBook(token, BookSide.BIDS, new long[]{500_000}, new long[]{1_000_000}, 1, 2_000));
        assertThat(get(store.book(token, BookSide.BIDS))).containsExactly(new BookLevel(500_000, 1_000_000));
        get(store.mirrorBook(token, BookSide.BIDS, new long[0], new long[0], 0, 3_000));
        assertThat(get(store.book(token, BookSide.BIDS))).isEmpty();
    }

    @Test
    void volatilityBankrollKillSwitchAndHeartbeatsRoundTrip() throws Exception {
        String asset = unique("a");
        VolatilityEntry v = new VolatilityEntry(asset, 0.000_123_4, 300, 1_732_500_000_000L);
        get(store.putVolatility(v));
        assertThat(get(store.volatility(asset))).contains(v);
        assertThat(raw.hget("vol:" + asset, "sigmaPerSqrtSecond")).isEqualTo("1.234E-4");

        get(store.setBankrollMicros(1_234_567_890L));
        assertThat(get(store.bankrollMicros())).hasValue(1_234_567_890L);
        assertThat(raw.get("sys:bankroll:usdc")).isEqualTo("1234567890");

        KillSwitchState k = new KillSwitchState(true, "risk:daily-loss", "lost 250 USD today", 1_732_500_000_000L);
        get(store.setKillSwitch(k));
        assertThat(get(store.killSwitch())).contains(k);
        assertThat(raw.hget("sys:killswitch", "engaged")).isEqualTo("1");

        String feed = unique("feed-");
        get(store.heartbeat(feed, 1_732_500_000_777L, Duration.ofSeconds(30)));
        assertThat(get(store.heartbeat(feed))).hasValue(1_732_500_000_777L);
        assertThat(raw.pttl("hb:feed:" + feed)).isBetween(1L, 30_000L);
        assertThat(get(store.heartbeat(unique("silent-")))).isEqualTo(OptionalLong.empty());
    }

    @Test
    void aBurstOfWritesIsPipelinedAndEveryOneLands() throws Exception {
        String prefix = unique("burst");
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            writes.add(store.putVolatility(new VolatilityEntry(prefix + i, i, i, i)).toCompletableFuture());
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(get(store.volatility(prefix + 9_999))).map(VolatilityEntry::samples).contains(9_999);
        assertThat(raw.keys("vol:" + prefix + "*")).hasSize(10_000);
        assertThat(store.failedWrites()).isZero();
    }

    @Test
    void pingReportsALatency() throws Exception {
        assertThat(get(store.pingMicros())).isNotNegative();
    }

    @Test
    void keysRefuseIdsThatWouldBreakTheSchema() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RedisKeys.book("a}b", BookSide.BIDS))
                .hasMessageContaining("tokenId");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RedisKeys.market(""))
                .hasMessageContaining("conditionId must not be empty");
        assertThat(RedisKeys.nonce(137, "0xAbC")).isEqualTo("nonce:137:0xabc");
        assertThat(Optional.of(RedisKeys.volatility("BTC"))).contains("vol:btc");
    }
}
