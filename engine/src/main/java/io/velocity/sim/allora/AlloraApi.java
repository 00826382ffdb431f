package io.velocity.sim.allora;

import io.velocity.sim.SimLoop;
import io.velocity.sim.http.SimHttpServer;
import io.velocity.sim.http.SimRequest;
import io.velocity.sim.http.SimResponse;
import io.velocity.sim.json.Json;
import io.velocity.sim.market.Ids;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Allora consumer API: {@code GET /v2/allora/consumer/<chain>?allora_topic_id=N} with the
 * {@code x-api-key} header, answering {@code {request_id, status, data: {signature,
 * token_decimals, inference_data: {...}}}} with the 18-decimal {@code network_inference}, its
 * normalized value, confidence-interval percentiles and values, topic id (a string) and
 * timestamp (integer seconds).
 */
public final class AlloraApi {
    private static final BigDecimal E18 = BigDecimal.TEN.pow(18);

    private final AlloraOracle oracle;
    private final SimLoop loop;
    private final String chainSlug;
    private final String apiKey;
    private final long seed;
    private final AtomicLong requests = new AtomicLong();

    /**
     * @param apiKey accepted key; empty accepts any non-empty key
     */
    public AlloraApi(AlloraOracle oracle, SimLoop loop, String chainSlug, String apiKey, long seed) {
        this.oracle = oracle;
        this.loop = loop;
        this.chainSlug = chainSlug;
        this.apiKey = apiKey;
        this.seed = seed;
    }

    public static byte[] errorBody(int status) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("message", switch (status) {
                case 401 -> "Unauthorized";
                case 404 -> "Not Found";
                case 429 -> "Too Many Requests";
                case 503 -> "Service Unavailable";
                default -> "Internal Server Error";
            });
            g.writeEndObject();
        });
    }

    public void mount(SimHttpServer server) {
        server.route("GET", "/v2/allora/consumer/{chain}", this::consumer);
    }

    private SimResponse consumer(SimRequest r) throws Exception {
        String key = r.header("x-api-key");
        if (key == null || key.isBlank() || (!apiKey.isEmpty() && !apiKey.equals(key))) {
            return SimResponse.json(401, errorBody(401));
        }
        if (!chainSlug.equals(r.pathParam("chain"))) {
            return SimResponse.json(404, errorBody(404));
        }
        String requestId = Ids.uuid(seed, "allora-request", Long.toString(requests.incrementAndGet()));
        int topicId;
        try {
            topicId = Integer.parseInt(r.param("allora_topic_id"));
        } catch (NumberFormatException e) {
            return failure(400, requestId, "allora_topic_id must be a number");
        }
        AlloraOracle.Inference inf = loop.call(() -> oracle.latest(topicId));
        if (inf == null) {
            return failure(404, requestId, "no inference found for topic " + topicId);
        }
        return SimResponse.ok(Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("request_id", requestId);
            g.writeBooleanField("status", true);
            g.writeObjectFieldStart("data");
            g.writeStringField("signature", Ids.hex32(seed, "allora-signature", Integer.toString(topicId),
                    Long.toString(inf.timestampSeconds())) + Ids.hex32(seed, "allora-signature-2", Integer.toString(topicId),
                    Long.toString(inf.timestampSeconds())).substring(2) + "1c");
            g.writeNumberField("token_decimals", 18);
            g.writeObjectFieldStart("inference_data");
            g.writeStringField("network_inference", scaled(inf.value()));
            g.writeStringField("network_inference_normalized", normalized(inf.value()));
            g.writeArrayFieldStart("confidence_interval_percentiles");
            for (String p : AlloraOracle.PERCENTILES) {
                g.writeString(p);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("confidence_interval_percentiles_normalized");
            for (String p : AlloraOracle.PERCENTILES) {
                g.writeString(p);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("confidence_interval_values");
            for (double v : inf.intervalValues()) {
                g.writeString(scaled(v));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("confidence_interval_values_normalized");
            for (double v : inf.intervalValues()) {
                g.writeString(normalized(v));
            }
            g.writeEndArray();
            g.writeStringField("topic_id", Integer.toString(topicId));
            g.writeNumberField("timestamp", inf.timestampSeconds());
            g.writeStringField("extra_data", "");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }));
    }

    private static SimResponse failure(int status, String requestId, String message) {
        return SimResponse.json(status, Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("request_id", requestId);
            g.writeBooleanField("status", false);
            g.writeStringField("apiResponseMessage", message);
            g.writeEndObject();
        }));
    }

    /** An 18-decimal fixed-point integer string. */
    static String scaled(double v) {
        return new BigDecimal(v, MathContext.DECIMAL64).multiply(E18).setScale(0, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A plain decimal string with up to 18 significant digits. */
    static String normalized(double v) {
        return new BigDecimal(v, MathContext.DECIMAL64).round(new MathContext(18)).stripTrailingZeros().toPlainString();
    }
}
