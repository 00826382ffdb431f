package io.velocity.telemetry.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.velocity.telemetry.SecretRedactor;

/** {@code %ex} for the console pattern, with registered secrets scrubbed from messages and causes. */
public final class RedactingThrowableConverter extends ThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return SecretRedactor.scrub(super.convert(event));
    }
}
