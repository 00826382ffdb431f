package io.velocity.telemetry.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.velocity.core.Sensitive;
import org.slf4j.Marker;

/**
 * Refuses log calls that pass raw key material as an argument ({@code char[]}, {@code byte[]})
 * or a {@link Sensitive} object whose class forgot to redact its {@code toString()}. The call is
 * dropped and counted instead of printing something that could be a key.
 */
public final class SensitiveArgumentGuard extends TurboFilter {
    private static final java.util.concurrent.atomic.AtomicLong REFUSED = new java.util.concurrent.atomic.AtomicLong();

    /** How many log calls were refused since start. */
    public static long refusedCount() {
        return REFUSED.get();
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (params == null) {
            return FilterReply.NEUTRAL;
        }
        for (Object p : params) {
            if (p instanceof char[] || p instanceof byte[]
                    || (p instanceof Sensitive && !String.valueOf(p).contains(Sensitive.REDACTED))) {
                REFUSED.incrementAndGet();
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
