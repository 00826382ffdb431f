package io.velocity.telemetry.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.velocity.telemetry.SecretRedactor;

/** {@code %msg} for the console pattern, with registered secrets scrubbed. */
public final class RedactingMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return SecretRedactor.scrub(super.convert(event));
    }
}
