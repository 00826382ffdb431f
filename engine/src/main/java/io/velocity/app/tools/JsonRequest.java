package io.velocity.app.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.velocity.execution.signing.EthAddress;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One JSON object read from a tool's stdin, with typed field access whose failures are
 * {@link BadInputException}s naming the field ({@code order.makerAmount: ...}).
 *
 * <p>Values of ordinary fields are quoted back in errors to help the user; values of fields
 * registered as secret are never quoted, and {@link #redact(String)} scrubs any secret text from a
 * message as a second line of defence.
 */
final class JsonRequest {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger TWO_POW_256 = BigInteger.ONE.shiftLeft(256);
    private static final int MAX_QUOTED = 80;

    private final JsonNode node;
    private final String prefix;
    private final List<String> secrets;

    private JsonRequest(JsonNode node, String prefix, List<String> secrets) {
        this.node = node;
        this.prefix = prefix;
        this.secrets = secrets;
    }

    /**
     * Reads exactly one JSON object from {@code in}. Parser messages are not passed on: they can
     * quote the input around the error, and the input holds keys.
     */
    static JsonRequest read(InputStream in) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException malformed) {
            var location = malformed.getLocation();
            String where = location == null ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new BadInputException("request: malformed JSON" + where + " (expected one JSON object)");
        } catch (IOException unreadable) {
            throw new BadInputException("request: could not read stdin (" + unreadable.getClass().getSimpleName() + ")");
        }
        if (root == null || root.isMissingNode()) {
            throw new BadInputException("request: expected one JSON object on stdin, got nothing");
        }
        if (!root.isObject()) {
            throw new BadInputException("request: expected a JSON object, was " + kind(root));
        }
        return new JsonRequest(root, "", new ArrayList<>());
    }

    /** Marks a field's text as secret: never quoted and scrubbed from every error line. */
    void registerSecret(String name) {
        JsonNode value = node.get(name);
        if (value != null && value.isTextual() && !value.textValue().isBlank()) {
            String text = value.textValue().strip();
            secrets.add(text);
            if (text.startsWith("0x") || text.startsWith("0X")) {
                secrets.add(text.substring(2));
            }
        }
    }

    /** Replaces every occurrence of a registered secret in {@code message}. */
    String redact(String message) {
        String out = message;
        for (String secret : secrets) {
            if (secret.length() >= 4) {
                out = out.replace(secret, "<redacted>");
            }
        }
        return out;
    }

    /** The nested object {@code name}, whose field errors are prefixed {@code name.}. */
    JsonRequest object(String name) {
        JsonNode value = required(name);
        if (!value.isObject()) {
            throw bad(name, "must be an object, was " + describe(value));
        }
        return new JsonRequest(value, prefix + name + ".", secrets);
    }

    /** True when {@code name} is present and not JSON null. */
    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    /** A required, non-empty string field; quoted back in errors. */
    String text(String name) {
        JsonNode value = required(name);
        if (!value.isTextual()) {
            throw bad(name, "must be a string, was " + describe(value));
        }
        if (value.textValue().isEmpty()) {
            throw bad(name, "must not be empty");
        }
        return value.textValue();
    }

    /** A required string field whose value is never quoted back. */
    String secretText(String name) {
        JsonNode value = required(name);
        if (!value.isTextual()) {
            throw bad(name, "must be a string, was " + kind(value));
        }
        if (value.textValue().isEmpty()) {
            throw bad(name, "must not be empty");
        }
        return value.textValue();
    }

    /** An optional string field: null when absent or JSON null. */
    String optionalText(String name) {
        return has(name) ? text(name) : null;
    }

    /** An optional string that may be empty (an HTTP body): {@code ""} when absent or null. */
    String optionalRawText(String name) {
        if (!has(name)) {
            return "";
        }
        JsonNode value = node.get(name);
        if (!value.isTextual()) {
            throw bad(name, "must be a string (exactly as sent), was " + describe(value));
        }
        return value.textValue();
    }

    /**
     * A required address string; mixed case must carry a valid EIP-55 checksum. The address text is
     * not quoted back (a key pasted into the field must not reach stderr).
     */
    EthAddress address(String name) {
        JsonNode value = required(name);
        if (!value.isTextual()) {
            throw bad(name, "must be a string (0x-prefixed address), was " + describe(value));
        }
        return EthAddress.parse(value.textValue().strip(), path(name));
    }

    /** A required integer in [0, 2^256), given as a JSON integer or a string of decimal digits. */
    BigInteger uint256(String name) {
        BigInteger value = nonNegativeInteger(name);
        if (value.compareTo(TWO_POW_256) >= 0) {
            throw bad(name, "must be below 2^256, was " + describe(node.get(name)));
        }
        return value;
    }

    /** A required integer in [0, 2^63), given as a JSON integer or a string of decimal digits. */
    long nonNegativeLong(String name) {
        BigInteger value = nonNegativeInteger(name);
        if (value.compareTo(LONG_MAX) > 0) {
            throw bad(name, "must be at most " + Long.MAX_VALUE + ", was " + describe(node.get(name)));
        }
        return value.longValue();
    }

    /** The decimal text of a required non-negative integer, exactly as it will be signed. */
    String integerText(String name) {
        return nonNegativeInteger(name).toString();
    }

    private BigInteger nonNegativeInteger(String name) {
        JsonNode value = required(name);
        if (value.isIntegralNumber()) {
            BigInteger number = value.bigIntegerValue();
            if (number.signum() < 0) {
                throw bad(name, "must be a non-negative integer, was " + describe(value));
            }
            return number;
        }
        if (value.isTextual()) {
            String text = value.textValue();
            if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return new BigInteger(text);
            }
        }
        throw bad(name, "must be a non-negative integer, was " + describe(value));
    }

    /** The raw node of a required field. */
    JsonNode required(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw bad(name, "required");
        }
        return value;
    }

    /** A {@link BadInputException} for field {@code name} of this object. */
    BadInputException bad(String name, String problem) {
        return new BadInputException(prefix + name + ": " + problem);
    }

    /** The dotted path of field {@code name}, for messages built elsewhere. */
    String path(String name) {
        return prefix + name;
    }

    /** A short, single-line rendering of a value for an error message. */
    static String describe(JsonNode value) {
        if (value.isTextual()) {
            String text = value.textValue();
            if (text.length() > MAX_QUOTED) {
                return "a string of " + text.length() + " characters";
            }
            return TextNode.valueOf(text).toString(); // JSON-quoted: escapes quotes and newlines
        }
        if (value.isNumber() || value.isBoolean()) {
            String text = value.asText();
            return text.length() > MAX_QUOTED ? "a number of " + text.length() + " digits" : text;
        }
        return kind(value);
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** A fresh JSON object for tool output. */
    static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }
}
