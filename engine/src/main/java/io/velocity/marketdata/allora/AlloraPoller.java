package io.velocity.marketdata.allora;

import io.velocity.core.Clock;
import io.velocity.marketdata.AlloraSignal;
import io.velocity.marketdata.MarketDataSink;
import io.velocity.marketdata.health.FeedHealth;
import io.velocity.marketdata.health.MalformedMessages;
import io.velocity.marketdata.net.VenueHttp;
import io.velocity.marketdata.parse.MalformedMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Polls the Allora consumer API for every configured topic every {@code pollInterval}, with the
 * API key (from the keystore) in the {@code x-api-key} header, and falls back to the chain LCD
 * ({@code /emissions/v10/latest_network_inferences/{topic}}, v9 if v10 is absent, the block time
 * from {@code /cosmos/base/tendermint/v1beta1/blocks/{height}}) when one is configured. Every
 * signal, accepted or rejected with its reason ({@link AlloraSignals}: staleness over 5 % of the
 * candle left), goes to the engine.
 *
 * <p>The key is read from the supplier for each request and the copy zeroed afterwards; it never
 * reaches a log line (failures name the path and status only).
 */
public final class AlloraPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlloraPoller.class);
    private static final int FAILED_ROUNDS_BEFORE_DOWN = 3;

    /**
     * Settings.
     *
     * @param url       consumer API base
     * @param chainSlug consumer path segment, e.g. {@code ethereum-11155111}
     * @param lcdUrl    chain LCD base; empty disables the fallback
     * @param topics    {@code <asset>-<horizon>} → topic id
     */
    public record Settings(String url, String chainSlug, String lcdUrl, Map<String, Integer> topics, Duration pollInterval,
                           double maxStalenessRatio) {
    }

    private final Settings settings;
    private final VenueHttp http;
    private final MarketDataSink sink;
    private final FeedHealth health;
    private final MalformedMessages malformed;
    private final Supplier<char[]> apiKey;
    private final Clock clock;
    private final AlloraParser parser = new AlloraParser();
    private final AlloraSignals signals;
    private final ScheduledExecutorService timer;
    private int failedRounds;

    public AlloraPoller(Settings settings, VenueHttp http, MarketDataSink sink, FeedHealth health, MalformedMessages malformed,
                        Supplier<char[]> apiKey, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.sink = sink;
        this.health = health;
        this.malformed = malformed;
        this.apiKey = apiKey;
        this.clock = clock;
        this.signals = new AlloraSignals(settings.topics(), settings.maxStalenessRatio());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "allora-poller");
            t.setDaemon(true);
            return t;
        });
    }

    /** Polls now and then every interval. */
    public void start() {
        timer.scheduleWithFixedDelay(() -> {
            try {
                pollOnce().get(settings.pollInterval().toMillis() + 10_000, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.debug("Allora poll did not complete: {}", e.toString());
            }
        }, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round over every topic; completes with the signals published. */
    public CompletableFuture<List<AlloraSignal>> pollOnce() {
        List<CompletableFuture<AlloraSignal>> all = new ArrayList<>();
        AtomicInteger ok = new AtomicInteger();
        for (int topic : settings.topics().values()) {
            all.add(consumer(topic).exceptionallyCompose(e -> {
                String why = VenueHttp.describe(e);
                if (settings.lcdUrl().isEmpty()) {
                    return CompletableFuture.failedFuture(e);
                }
                LOG.debug("Allora consumer API failed for topic {} ({}); trying the chain LCD", topic, why);
                return lcd(topic);
            }).handle((reading, e) -> {
                if (e != null) {
                    LOG.warn("Allora topic {}: {}", topic, VenueHttp.describe(e));
                    return null;
                }
                ok.incrementAndGet();
                AlloraSignal s = signals.validate(reading, clock.epochMillis());
                if (!s.accepted()) {
                    LOG.info("Allora {} {} signal rejected: {}", s.asset(), s.horizon(), s.rejectReason());
                }
                sink.onSignal(s);
                return s;
            }));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(x -> {
            List<AlloraSignal> out = new ArrayList<>();
            all.forEach(f -> {
                AlloraSignal s = f.join();
                if (s != null) {
                    out.add(s);
                }
            });
            round(ok.get() > 0 || settings.topics().isEmpty());
            return out;
        });
    }

    private synchronized void round(boolean anyAnswered) {
        if (anyAnswered) {
            failedRounds = 0;
            health.pollSucceeded();
        } else if (++failedRounds >= FAILED_ROUNDS_BEFORE_DOWN) {
            health.disconnected("no topic answered in " + failedRounds + " polls");
        }
    }

    private CompletableFuture<AlloraReading> consumer(int topic) {
        String url = settings.url() + "/v2/allora/consumer/" + URLEncoder.encode(settings.chainSlug(), StandardCharsets.UTF_8)
                + "?allora_topic_id=" + topic;
        char[] key = apiKey.get();
        CompletableFuture<byte[]> reply;
        try {
            reply = http.get(url, Map.of("x-api-key", new String(key)));
        } finally {
            java.util.Arrays.fill(key, '\0');
        }
        return reply.thenApply(body -> parse(body, topic));
    }

    private AlloraReading parse(byte[] body, int topic) {
        try {
            AlloraReading r = parser.parse(body);
            return r.topicId() < 0 ? new AlloraReading(topic, r.value(), r.lower(), r.upper(), r.timestampMillis(),
                    r.blockHeight(), r.source()) : r;
        } catch (MalformedMessageException e) {
            malformed.record("allora", e.getMessage());
            throw new java.util.concurrent.CompletionException(new io.velocity.core.VenueException("topic " + topic + ": " + e.getMessage()));
        }
    }

    private CompletableFuture<AlloraReading> lcd(int topic) {
        String base = settings.lcdUrl();
        return http.get(base + "/emissions/v10/latest_network_inferences/" + topic)
                .exceptionallyCompose(e -> http.get(base + "/emissions/v9/latest_network_inferences/" + topic))
                .thenApply(body -> parse(body, topic))
                .thenCompose(r -> r.blockHeight() < 0 ? CompletableFuture.completedFuture(r)
                        : http.get(base + "/cosmos/base/tendermint/v1beta1/blocks/" + r.blockHeight()).thenApply(b -> {
                            try {
                                return r.withTimestamp(parser.parseBlockTime(b));
                            } catch (MalformedMessageException e) {
                                malformed.record("allora", e.getMessage());
                                return r; // validated as "signal time unknown"
                            }
                        }));
    }

    /** The feed's health. */
    public FeedHealth health() {
        return health;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
