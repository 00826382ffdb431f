package io.velocity.marketdata.binance;

import io.velocity.core.Clock;
import io.velocity.marketdata.net.VenueHttp;
import io.velocity.telemetry.clock.TimeSource;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Binance server time ({@code GET /api/v3/time}) as a reference clock: offset = server time
 * minus the local time halfway through the request; uncertainty = half the round trip.
 */
public final class BinanceTimeSource implements TimeSource {
    private final String restUrl;
    private final VenueHttp http;
    private final Clock clock;
    private final Duration timeout;
    private final BinanceRestParser parser = new BinanceRestParser();

    public BinanceTimeSource(String restUrl, VenueHttp http, Clock clock, Duration timeout) {
        this.restUrl = restUrl;
        this.http = http;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "binance";
    }

    @Override
    public OffsetSample sample() throws Exception {
        long t0 = clock.epochMillis();
        byte[] body = http.get(restUrl + "/api/v3/time").get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long t1 = clock.epochMillis();
        long server = parser.parseServerTime(body);
        long rtt = Math.max(0, t1 - t0);
        return new OffsetSample(server - (t0 + rtt / 2), (rtt + 1) / 2, restUrl + "/api/v3/time");
    }
}
