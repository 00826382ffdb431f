package io.velocity.marketdata.feeds;

import io.velocity.config.VenuesConfig;
import io.velocity.core.Clock;
import io.velocity.marketdata.AlloraSignal;
import io.velocity.marketdata.MarketDataSink;
import io.velocity.marketdata.allora.AlloraParser;
import io.velocity.marketdata.allora.AlloraReading;
import io.velocity.marketdata.allora.AlloraSignals;
import io.velocity.marketdata.health.FeedHealth;
import io.velocity.marketdata.health.MalformedMessages;
import io.velocity.marketdata.parse.MalformedMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls the Allora consumer API for every configured topic with the {@code x-api-key} header and
 * publishes each reading as a validated (or rejected, with the reason) {@link AlloraSignal}.
 * The key is copied into the header per request; it is never logged.
 */
final class AlloraPoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlloraPoller.class);

    private final VenuesConfig.Allora cfg;
    private final VenueGet http;
    private final char[] apiKey;
    private final AlloraSignals signals;
    private final MarketDataSink sink;
    private final FeedHealth health;
    private final MalformedMessages malformed;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final AlloraParser parser = new AlloraParser();
    private volatile boolean closed;

    AlloraPoller(VenuesConfig.Allora cfg, VenueGet http, char[] apiKey, MarketDataSink sink, FeedHealth health,
                 MalformedMessages malformed, ScheduledExecutorService scheduler, Clock clock) {
        this.cfg = cfg;
        this.http = http;
        this.apiKey = apiKey;
        this.signals = new AlloraSignals(cfg.topics(), cfg.maxStalenessRatio());
        this.sink = sink;
        this.health = health;
        this.malformed = malformed;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    void start() {
        long every = cfg.pollInterval().toMillis();
        scheduler.scheduleAtFixedRate(this::poll, 0, every, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        if (closed || apiKey.length == 0) {
            if (apiKey.length == 0) {
                health.disconnected("no Allora API key (keystore entry allora-api-key)");
            }
            return;
        }
        for (Integer topic : cfg.topics().values()) {
            String url = cfg.url() + "/v2/allora/consumer/" + cfg.chainSlug() + "?allora_topic_id=" + topic;
            http.get(url, Map.of("x-api-key", new String(apiKey))).thenAccept(body -> {
                health.connected();
                health.onData();
                try {
                    AlloraReading r = parser.parse(body);
                    AlloraSignal s = signals.validate(r, clock.epochMillis());
                    sink.onSignal(s);
                } catch (MalformedMessageException e) {
                    malformed.record("allora", e.getMessage());
                }
            }).exceptionally(t -> {
                health.disconnected("Allora poll failed: " + VenueGet.describe(t));
                log.debug("Allora topic {} poll failed: {}", topic, VenueGet.describe(t));
                return null;
            });
        }
    }

    @Override
    public void close() {
        closed = true;
        java.util.Arrays.fill(apiKey, '\0');
    }
}
