package io.velocity.execution.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The independent CLOB V2 signing vectors, loaded from the test-classpath copy of
 * {@code shared/vectors/clob-v2-signing.json} (kept identical by {@code VectorFileCopyTest}).
 */
public final class SigningVectors {

    /** Classpath location of the vector file. */
    public static final String RESOURCE = "/vectors/clob-v2-signing.json";

    private static final JsonNode ROOT = load();

    private SigningVectors() {
    }

    /** The whole vector document. */
    public static JsonNode root() {
        return ROOT;
    }

    /** One argument set per order vector: (label, vector node). */
    public static Stream<Arguments> orders() {
        return named("orders");
    }

    /** One argument set per L2 HMAC vector: (label, vector node). */
    public static Stream<Arguments> l2hmac() {
        return named("l2hmac");
    }

    private static Stream<Arguments> named(String kind) {
        List<Arguments> out = new ArrayList<>();
        JsonNode list = ROOT.get(kind);
        for (int i = 0; i < list.size(); i++) {
            out.add(Arguments.of(kind + "[" + i + "]", list.get(i)));
        }
        return out.stream();
    }

    /** Parses a classpath resource as JSON. */
    public static JsonNode load() {
        try (InputStream in = SigningVectors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
