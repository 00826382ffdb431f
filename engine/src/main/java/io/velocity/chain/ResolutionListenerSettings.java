package io.velocity.chain;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link ResolutionListener} finds resolutions.
 *
 * @param confirmations         blocks a log must be buried under before it is acted on
 * @param pollInterval          wait between {@code eth_getLogs} scans when no WebSocket is connected
 * @param maxBlockRange         largest block range of one {@code eth_getLogs} call
 * @param startupLookbackBlocks how far before the confirmed head the first scan starts
 * @param webSocket             {@code ws(s)://} endpoint for {@code eth_subscribe}; empty = polling only
 */
public record ResolutionListenerSettings(int confirmations, Duration pollInterval, int maxBlockRange,
        int startupLookbackBlocks, Optional<URI> webSocket) {

    /** @throws IllegalArgumentException naming the first invalid setting */
    public ResolutionListenerSettings {
        if (confirmations < 0) {
            throw new IllegalArgumentException("confirmations must be >= 0: " + confirmations);
        }
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isZero() || pollInterval.isNegative()) {
            throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
        }
        if (maxBlockRange < 1) {
            throw new IllegalArgumentException("maxBlockRange must be >= 1: " + maxBlockRange);
        }
        if (startupLookbackBlocks < 0) {
            throw new IllegalArgumentException("startupLookbackBlocks must be >= 0: " + startupLookbackBlocks);
        }
        Objects.requireNonNull(webSocket, "webSocket");
        webSocket.ifPresent(uri -> {
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("ws") || scheme.equalsIgnoreCase("wss"))) {
                throw new IllegalArgumentException("webSocket must be a ws:// or wss:// URI");
            }
        });
    }
}
