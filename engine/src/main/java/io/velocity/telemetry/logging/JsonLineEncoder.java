package io.velocity.telemetry.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.velocity.telemetry.SecretRedactor;
import io.velocity.telemetry.TraceContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per line: {@code ts}, {@code level}, {@code logger}, {@code thread},
 * {@code trace_id} (when set), other MDC entries, {@code msg} and {@code error}. Message and
 * stack trace pass through {@link SecretRedactor#scrub} before they are written.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {
    private static final byte[] NONE = new byte[0];
    private final JsonFactory factory = new JsonFactory();

    @Override
    public byte[] headerBytes() {
        return NONE;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("ts", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            g.writeStringField("level", event.getLevel().toString());
            g.writeStringField("logger", event.getLoggerName());
            g.writeStringField("thread", event.getThreadName());
            Map<String, String> mdc = event.getMDCPropertyMap();
            String trace = mdc.get(TraceContext.KEY);
            if (trace != null) {
                g.writeStringField(TraceContext.KEY, trace);
            }
            for (Map.Entry<String, String> e : mdc.entrySet()) {
                if (!TraceContext.KEY.equals(e.getKey())) {
                    g.writeStringField(e.getKey(), SecretRedactor.scrub(e.getValue()));
                }
            }
            g.writeStringField("msg", SecretRedactor.scrub(event.getFormattedMessage()));
            IThrowableProxy tp = event.getThrowableProxy();
            if (tp != null) {
                g.writeStringField("error", SecretRedactor.scrub(ThrowableProxyUtil.asString(tp)));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    @Override
    public byte[] footerBytes() {
        return NONE;
    }
}
