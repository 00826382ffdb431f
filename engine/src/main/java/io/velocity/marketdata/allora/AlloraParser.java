package io.velocity.marketdata.allora;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.velocity.marketdata.parse.Decimals;
import io.velocity.marketdata.parse.JsonValues;
import io.velocity.marketdata.parse.JsonProblems;
import io.velocity.marketdata.parse.MalformedMessageException;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes Allora replies with Jackson's streaming parser, in any key order:
 * <ul>
 *   <li>the consumer API ({@code {request_id, status, data: {signature, token_decimals,
 *       inference_data: {network_inference, network_inference_normalized, topic_id, timestamp,
 *       confidence_interval_...}}}}): the normalized inference and its timestamp in seconds;
 *       older replies have no normalized fields (the 18-decimal integer is scaled by
 *       {@code token_decimals}) and a string timestamp;</li>
 *   <li>the chain LCD {@code latest_network_inferences} reply ({@code combined_value},
 *       {@code confidence_interval_values}, {@code inference_block_height}; no time);</li>
 *   <li>the LCD block reply, for the time of that block.</li>
 * </ul>
 * Polled every few seconds, so plain allocation is fine here.
 */
public final class AlloraParser {
    private static final JsonFactory JSON = new JsonFactory();

    /** Decodes a consumer-API reply or an LCD inference reply (recognised by shape). */
    public AlloraReading parse(byte[] body) throws MalformedMessageException {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedMessageException("allora", "expected a JSON object");
            }
            Fields f = new Fields();
            read(p, f, "");
            return f.toReading();
        } catch (IOException e) {
            throw new MalformedMessageException("allora", JsonProblems.notJson(e));
        }
    }

    /** {@link #parse(byte[])} over a string. */
    public AlloraReading parse(String body) throws MalformedMessageException {
        return parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The block time of an LCD {@code /cosmos/base/tendermint/v1beta1/blocks/{height}} reply, epoch ms. */
    public long parseBlockTime(byte[] body) throws MalformedMessageException {
        try {
            com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            String time = n.path("block").path("header").path("time").asText("");
            if (time.isEmpty()) {
                throw new MalformedMessageException("allora", "block reply without block.header.time");
            }
            return Instant.parse(time).toEpochMilli();
        } catch (IOException | java.time.format.DateTimeParseException e) {
            throw new MalformedMessageException("allora", "block reply: " + firstLine(e.getMessage()));
        }
    }

    private static final class Fields {
        Boolean status;
        String error;
        int tokenDecimals = 18;
        String raw;
        double normalized = Double.NaN;
        int topicId = -1;
        long timestamp = -1;
        List<Double> ciNormalized = new ArrayList<>();
        List<String> ciRaw = new ArrayList<>();
        // LCD
        boolean lcd;
        String combined;
        long blockHeight = -1;

        AlloraReading toReading() throws MalformedMessageException {
            if (Boolean.FALSE.equals(status)) {
                throw new MalformedMessageException("allora", "status false" + (error != null ? ": " + error : ""));
            }
            if (lcd) {
                double v = number(combined, "combined_value");
                double[] ci = ciRaw.stream().mapToDouble(s -> Decimals.parseDouble(s)).toArray();
                return new AlloraReading(topicId, v, ci.length > 0 ? ci[0] : Double.NaN,
                        ci.length > 0 ? ci[ci.length - 1] : Double.NaN, -1, blockHeight, "lcd");
            }
            double value = normalized;
            double lower;
            double upper;
            if (!ciNormalized.isEmpty()) {
                lower = ciNormalized.get(0);
                upper = ciNormalized.get(ciNormalized.size() - 1);
            } else if (!ciRaw.isEmpty()) {
                lower = scaled(ciRaw.get(0));
                upper = scaled(ciRaw.get(ciRaw.size() - 1));
            } else {
                lower = Double.NaN;
                upper = Double.NaN;
            }
            if (Double.isNaN(value)) {
                if (raw == null) {
                    throw new MalformedMessageException("allora", "no network_inference in the reply");
                }
                value = scaled(raw);
            }
            if (!Double.isFinite(value)) {
                throw new MalformedMessageException("allora", "network_inference is not a number");
            }
            if (timestamp < 0) {
                throw new MalformedMessageException("allora", "inference_data.timestamp missing or not an integer");
            }
            // seconds on the wire; tolerate milliseconds
            long ms = timestamp < 100_000_000_000L ? timestamp * 1000 : timestamp;
            return new AlloraReading(topicId, value, lower, upper, ms, -1, "consumer");
        }

        double scaled(String integer) throws MalformedMessageException {
            try {
                return new BigDecimal(integer).movePointLeft(tokenDecimals).doubleValue();
            } catch (NumberFormatException e) {
                throw new MalformedMessageException("allora", "network_inference '" + abbreviate(integer) + "' is not a number");
            }
        }

        static double number(String s, String field) throws MalformedMessageException {
            double v = s == null ? Double.NaN : Decimals.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new MalformedMessageException("allora", field + " missing or not a number");
            }
            return v;
        }
    }

    private static void read(JsonParser p, Fields f, String path) throws IOException, MalformedMessageException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            t = p.nextToken();
            switch (name) {
                case "status" -> f.status = JsonValues.bool(p) == 1 ? Boolean.TRUE
                        : JsonValues.bool(p) == 0 ? Boolean.FALSE : f.status;
                case "message", "error", "apiResponseMessage" -> f.error = JsonValues.text(p);
                case "data", "inference_data" -> {
                    if (t == JsonToken.START_OBJECT) {
                        read(p, f, name);
                    } else {
                        p.skipChildren();
                    }
                }
                case "network_inferences" -> {
                    f.lcd = true;
                    if (t == JsonToken.START_OBJECT) {
                        read(p, f, name);
                    }
                }
                case "token_decimals" -> {
                    long d = JsonValues.integer(p);
                    if (d != Decimals.MALFORMED && d <= 36) {
                        f.tokenDecimals = (int) d;
                    }
                }
                case "network_inference" -> f.raw = JsonValues.text(p);
                case "network_inference_normalized" -> f.normalized = JsonValues.dbl(p);
                case "combined_value" -> f.combined = JsonValues.text(p);
                case "topic_id" -> {
                    long id = JsonValues.integer(p);
                    f.topicId = id == Decimals.MALFORMED || id > Integer.MAX_VALUE ? -1 : (int) id;
                }
                case "timestamp" -> f.timestamp = JsonValues.integer(p);
                case "inference_block_height" -> f.blockHeight = JsonValues.integer(p);
                case "confidence_interval_values_normalized" -> {
                    for (String s : strings(p)) {
                        f.ciNormalized.add(Decimals.parseDouble(s));
                    }
                }
                case "confidence_interval_values" -> f.ciRaw.addAll(strings(p));
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new MalformedMessageException("allora", (path.isEmpty() ? "" : path + ": ") + "truncated object");
        }
    }

    private static List<String> strings(JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return out;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                out.add(p.getText());
            } else {
                p.skipChildren();
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 24) + "…";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
