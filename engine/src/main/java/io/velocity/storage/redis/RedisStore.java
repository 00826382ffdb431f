package io.velocity.storage.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.velocity.core.StorageException;
import io.velocity.storage.ManyToOneHandoff;
import io.velocity.storage.redis.RedisKeys.KillSwitchField;
import io.velocity.storage.redis.RedisKeys.VolatilityField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Velocity's Redis hot store (key schema: {@link RedisKeys}). Every method returns at once with
 * a future and never waits for Redis, so it is safe on any thread; futures complete on Lettuce's
 * I/O threads (never block inside their callbacks).
 *
 * <p><b>Writes</b> are handed to the store's writer thread through a bounded lock-free queue and
 * sent on a dedicated connection with manual flushing: whatever accumulated since the last pass
 * goes out as one pipelined write. Redis is a cache of state that is rewritten continuously, so
 * when the queue is full a write fails at once (counted in {@link #failedWrites()}) rather than
 * waiting. <b>Reads</b> and the {@link NonceAllocator} use a second connection that flushes
 * every command, for the lowest latency.
 *
 * <p>While Redis is unreachable commands fail fast (they are not buffered without bound) and
 * Lettuce reconnects in the background.
 */
public final class RedisStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisStore.class);
    private static final RedisScript BOOK_REPLACE = RedisScript.resource("book_replace.lua");
    private static final int WRITE_QUEUE = 16_384;
    private static final int WRITE_BATCH = 1_024;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> direct;
    private final StatefulRedisConnection<String, String> pipelined;
    private final RedisAsyncCommands<String, String> reads;
    private final RedisAsyncCommands<String, String> pipe;
    private final NonceAllocator nonces;
    private final String endpoint;
    private final ManyToOneHandoff<PendingWrite> writes = new ManyToOneHandoff<>(WRITE_QUEUE);
    private final ManyToOneHandoff.Drain<PendingWrite> issue = this::issue;
    private final LongAdder failedWrites = new LongAdder();
    private final Thread writer;
    private volatile boolean closing;

    private record PendingWrite(Function<RedisAsyncCommands<String, String>, CompletionStage<?>> command,
                                CompletableFuture<Void> done) {
    }

    private RedisStore(ClientResources resources, RedisClient client, StatefulRedisConnection<String, String> direct,
                       StatefulRedisConnection<String, String> pipelined, String endpoint) {
        this.resources = resources;
        this.client = client;
        this.direct = direct;
        this.pipelined = pipelined;
        this.reads = direct.async();
        this.pipe = pipelined.async();
        this.nonces = new NonceAllocator(direct);
        this.endpoint = endpoint;
        this.writer = new Thread(this::runWriter, "velocity-redis-writer");
        this.writer.setDaemon(true);
    }

    /**
     * Connects to {@code redisUrl} ({@code redis://host:port/db}) and loads the Lua scripts.
     *
     * @throws StorageException when Redis cannot be reached
     */
    public static RedisStore connect(String redisUrl) {
        RedisURI uri;
        try {
            uri = RedisURI.create(redisUrl);
        } catch (RuntimeException e) {
            // not the URL or the parser's message: either may contain a password
            throw new StorageException("storage.redisUrl is not a valid Redis URL (expected redis://host:port/db)");
        }
        uri.setTimeout(COMMAND_TIMEOUT);
        String endpoint = uri.getHost() + ":" + uri.getPort();
        ClientResources resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        StatefulRedisConnection<String, String> direct = null;
        try {
            direct = client.connect();
            StatefulRedisConnection<String, String> pipelined = client.connect();
            pipelined.setAutoFlushCommands(false);
            RedisStore store = new RedisStore(resources, client, direct, pipelined, endpoint);
            store.preloadScripts();
            store.writer.start();
            return store;
        } catch (RuntimeException e) {
            if (direct != null) {
                direct.close();
            }
            client.shutdown();
            resources.shutdown();
            throw new StorageException("cannot connect to Redis at " + endpoint + ": " + e.getMessage(), e);
        }
    }

    private void preloadScripts() {
        try {
            nonces.preload().get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            reads.scriptLoad(BOOK_REPLACE.source()).get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new StorageException("loading the Redis Lua scripts failed: " + e.getMessage(), e);
        }
    }

    /** host:port of the server (never its credentials). */
    public String endpoint() {
        return endpoint;
    }

    /** The atomic nonce allocator on this store's low-latency connection. */
    public NonceAllocator nonces() {
        return nonces;
    }

    /** Writes that failed or were refused because the write queue was full, since start. */
    public long failedWrites() {
        return failedWrites.sum();
    }

    /** Writes waiting for the writer thread. */
    public long queuedWrites() {
        return writes.size();
    }

    // ------------------------------------------------------------------ writes (pipelined)

    /** Caches a market's metadata. */
    public CompletionStage<Void> putMarket(MarketMeta market) {
        Map<String, String> hash = market.toHash();
        String key = RedisKeys.market(market.conditionId());
        return write(c -> c.hset(key, hash));
    }

    /**
     * Replaces one side of a token's book mirror atomically with the first {@code levels}
     * entries of the arrays (copied before this returns, so the caller may reuse them).
     */
    public CompletionStage<Void> mirrorBook(String tokenId, BookSide side, long[] pricesMicros, long[] sizesMicros,
                                            int levels, long epochMillis) {
        if (levels < 0 || levels > pricesMicros.length || levels > sizesMicros.length) {
            throw new IllegalArgumentException("levels " + levels + " exceeds the arrays");
        }
        long[] prices = Arrays.copyOf(pricesMicros, levels);
        long[] sizes = Arrays.copyOf(sizesMicros, levels);
        String[] keys = {RedisKeys.book(tokenId, side), RedisKeys.bookUpdated(tokenId)};
        return write(c -> {
            String[] args = new String[2 + 2 * levels];
            args[0] = side.field();
            args[1] = Long.toString(epochMillis);
            for (int i = 0; i < levels; i++) {
                args[2 + 2 * i] = Long.toString(prices[i]);
                args[3 + 2 * i] = new BookLevel(prices[i], sizes[i]).member();
            }
            return BOOK_REPLACE.run(c, reads, ScriptOutputType.INTEGER, keys, args);
        });
    }

    /** Caches an asset's volatility estimate. */
    public CompletionStage<Void> putVolatility(VolatilityEntry v) {
        String key = RedisKeys.volatility(v.asset());
        Map<String, String> hash = Map.of(
                VolatilityField.SIGMA_PER_SQRT_SECOND, Double.toString(v.sigmaPerSqrtSecond()),
                VolatilityField.SAMPLES, Integer.toString(v.samples()),
                VolatilityField.UPDATED_AT_MILLIS, Long.toString(v.updatedAtMillis()));
        return write(c -> c.hset(key, hash));
    }

    /** Publishes the bankroll in micro-USD. */
    public CompletionStage<Void> setBankrollMicros(long micros) {
        String value = Long.toString(micros);
        return write(c -> c.set(RedisKeys.BANKROLL_USDC, value));
    }

    /** Mirrors the kill-switch state. */
    public CompletionStage<Void> setKillSwitch(KillSwitchState s) {
        Map<String, String> hash = Map.of(
                KillSwitchField.ENGAGED, s.engaged() ? "1" : "0",
                KillSwitchField.SOURCE, s.source(),
                KillSwitchField.REASON, s.reason(),
                KillSwitchField.SINCE_MILLIS, Long.toString(s.sinceMillis()));
        return write(c -> c.hset(RedisKeys.KILL_SWITCH, hash));
    }

    /** Records a feed's last message time; the key expires after {@code ttl} unless refreshed. */
    public CompletionStage<Void> heartbeat(String feed, long epochMillis, Duration ttl) {
        String key = RedisKeys.feedHeartbeat(feed);
        String value = Long.toString(epochMillis);
        SetArgs args = SetArgs.Builder.px(ttl.toMillis());
        return write(c -> c.set(key, value, args));
    }

    private CompletionStage<Void> write(Function<RedisAsyncCommands<String, String>, CompletionStage<?>> command) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closing) {
            done.completeExceptionally(new StorageException("the Redis store is closed"));
        } else if (!writes.offer(new PendingWrite(command, done))) {
            failedWrites.increment();
            done.completeExceptionally(new StorageException("Redis write queue is full (" + WRITE_QUEUE
                    + " writes waiting): Redis at " + endpoint + " is too slow or down"));
        }
        return done;
    }

    // ------------------------------------------------------------------ reads (direct)

    /** A market's cached metadata. */
    public CompletionStage<Optional<MarketMeta>> market(String conditionId) {
        return reads.hgetall(RedisKeys.market(conditionId)).toCompletableFuture()
                .thenApply(h -> h.isEmpty() ? Optional.empty() : Optional.of(MarketMeta.fromHash(h)));
    }

    /** A side of a token's book mirror, best level first (highest bid, lowest ask). */
    public CompletionStage<List<BookLevel>> book(String tokenId, BookSide side) {
        String key = RedisKeys.book(tokenId, side);
        RedisFuture<List<ScoredValue<String>>> f = side == BookSide.BIDS
                ? reads.zrevrangeWithScores(key, 0, -1) : reads.zrangeWithScores(key, 0, -1);
        return f.toCompletableFuture().thenApply(list -> {
            List<BookLevel> out = new ArrayList<>(list.size());
            for (ScoredValue<String> v : list) {
                out.add(BookLevel.parse(v.getValue()));
            }
            return out;
        });
    }

    /** When a side of a token's book mirror was last replaced (epoch ms). */
    public CompletionStage<OptionalLong> bookUpdatedMillis(String tokenId, BookSide side) {
        return reads.hget(RedisKeys.bookUpdated(tokenId), side.field()).toCompletableFuture().thenApply(RedisStore::optionalLong);
    }

    /** An asset's cached volatility. */
    public CompletionStage<Optional<VolatilityEntry>> volatility(String asset) {
        return reads.hgetall(RedisKeys.volatility(asset)).toCompletableFuture().thenApply(h -> h.isEmpty()
                ? Optional.empty()
                : Optional.of(new VolatilityEntry(asset,
                Double.parseDouble(MarketMeta.field(h, VolatilityField.SIGMA_PER_SQRT_SECOND)),
                Integer.parseInt(MarketMeta.field(h, VolatilityField.SAMPLES)),
                Long.parseLong(MarketMeta.field(h, VolatilityField.UPDATED_AT_MILLIS)))));
    }

    /** The published bankroll in micro-USD. */
    public CompletionStage<OptionalLong> bankrollMicros() {
        return reads.get(RedisKeys.BANKROLL_USDC).toCompletableFuture().thenApply(RedisStore::optionalLong);
    }

    /** The mirrored kill-switch state. */
    public CompletionStage<Optional<KillSwitchState>> killSwitch() {
        return reads.hgetall(RedisKeys.KILL_SWITCH).toCompletableFuture().thenApply(h -> h.isEmpty()
                ? Optional.empty()
                : Optional.of(new KillSwitchState("1".equals(MarketMeta.field(h, KillSwitchField.ENGAGED)),
                MarketMeta.field(h, KillSwitchField.SOURCE), MarketMeta.field(h, KillSwitchField.REASON),
                Long.parseLong(MarketMeta.field(h, KillSwitchField.SINCE_MILLIS)))));
    }

    /** A feed's last heartbeat (epoch ms), empty when it expired or never beat. */
    public CompletionStage<OptionalLong> heartbeat(String feed) {
        return reads.get(RedisKeys.feedHeartbeat(feed)).toCompletableFuture().thenApply(RedisStore::optionalLong);
    }

    /** Round-trips a PING; completes with the latency in microseconds. */
    public CompletionStage<Long> pingMicros() {
        long t0 = System.nanoTime();
        return reads.ping().toCompletableFuture().thenApply(pong -> (System.nanoTime() - t0) / 1_000);
    }

    private static OptionalLong optionalLong(String v) {
        return v == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v));
    }

    // ------------------------------------------------------------------ writer thread

    private void runWriter() {
        while (true) {
            int n;
            try {
                n = writes.drain(issue, WRITE_BATCH);
            } catch (Exception e) {
                LOG.error("redis writer failed to issue a command; skipping it", e);
                n = 1;
            }
            if (n > 0) {
                pipelined.flushCommands();
            } else if (closing) {
                return;
            } else {
                writes.awaitItems(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    private void issue(PendingWrite w, long enqueuedNanos) {
        CompletionStage<?> sent;
        try {
            sent = w.command().apply(pipe);
        } catch (RuntimeException e) {
            failedWrites.increment();
            w.done().completeExceptionally(e);
            return;
        }
        sent.whenComplete((r, e) -> {
            if (e != null) {
                failedWrites.increment();
                w.done().completeExceptionally(e);
            } else {
                w.done().complete(null);
            }
        });
    }

    /** Sends queued writes, then closes the connections and the client's threads. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pipelined.flushCommands();
        pipelined.close();
        direct.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
