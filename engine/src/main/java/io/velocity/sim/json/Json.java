package io.velocity.sim.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Streaming JSON output (Jackson's generator, no object mapping) and one shared parser. */
public final class Json {
    /** Parser for request bodies and client messages; thread-safe. */
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private Json() {
    }

    /** Writes one JSON value with the generator. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    public static byte[] bytes(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            // Writing to memory cannot fail; a failure here is a bug in the body.
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String string(Body body) {
        return new String(bytes(body), StandardCharsets.UTF_8);
    }

    /** {@code {"error": message}}: the CLOB's error shape. */
    public static byte[] error(String message) {
        return bytes(g -> {
            g.writeStartObject();
            g.writeStringField("error", message);
            g.writeEndObject();
        });
    }
}
