package io.velocity.chain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a contract call reverted, decoded from the revert data an EVM node returns.
 *
 * <p>Solidity reverts with {@code Error(string)} (selector {@code 0x08c379a0}) for
 * {@code require(cond, "reason")}, with {@code Panic(uint256)} (selector {@code 0x4e487b71})
 * for assertion failures, overflow and the like, and with a 4-byte custom-error selector
 * otherwise. Empty data means a bare {@code revert()} or an out-of-gas style failure.
 *
 * @param message the human-readable reason ({@code "NotOperator"}, {@code "panic 0x11"},
 *                {@code "custom error 0x12345678"}, or the node's own message when there is no data)
 * @param kind    how the reason was encoded
 * @param data    the raw revert data as {@code 0x}-hex, empty string when the node sent none
 */
public record RevertReason(String message, Kind kind, String data) {

    /** How the revert data was encoded. */
    public enum Kind {
        /** {@code Error(string)} from {@code require}/{@code revert("...")}. */
        ERROR_STRING,
        /** {@code Panic(uint256)} from compiler-inserted checks. */
        PANIC,
        /** A custom error: only its selector is reported. */
        CUSTOM_ERROR,
        /** No revert data; the node's message is all there is. */
        NO_DATA
    }

    private static final String ERROR_SELECTOR = "08c379a0";
    private static final String PANIC_SELECTOR = "4e487b71";
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern QUOTED_HEX = Pattern.compile("\"(0[xX][0-9a-fA-F]*)\"");

    /**
     * Decodes revert data.
     *
     * @param revertData  hex revert data from the node (with or without {@code 0x}); may be null
     * @param nodeMessage the node's error message, used when the data is missing or undecodable
     * @return the decoded reason; never null
     */
    public static RevertReason decode(String revertData, String nodeMessage) {
        String fallback = nodeMessage == null || nodeMessage.isBlank() ? "execution reverted" : nodeMessage;
        String hex = normalise(revertData);
        if (hex.length() < 8) {
            return new RevertReason(fallback, Kind.NO_DATA, hex.isEmpty() ? "" : "0x" + hex);
        }
        String selector = hex.substring(0, 8);
        Optional<RevertReason> decoded = switch (selector) {
            case ERROR_SELECTOR -> decodeErrorString(hex);
            case PANIC_SELECTOR -> decodePanic(hex);
            default -> Optional.empty();
        };
        return decoded.orElseGet(() -> new RevertReason("custom error 0x" + selector, Kind.CUSTOM_ERROR, "0x" + hex));
    }

    private static Optional<RevertReason> decodeErrorString(String hex) {
        // Layout after the selector: offset (32 bytes), length (32 bytes), UTF-8 bytes padded to 32.
        try {
            byte[] body = HEX.parseHex(hex.substring(8));
            if (body.length < 64) {
                return Optional.empty();
            }
            BigInteger offset = new BigInteger(1, Arrays.copyOfRange(body, 0, 32));
            if (offset.compareTo(BigInteger.valueOf(body.length - 32L)) > 0) {
                return Optional.empty();
            }
            int start = offset.intValueExact();
            BigInteger length = new BigInteger(1, Arrays.copyOfRange(body, start, start + 32));
            if (length.compareTo(BigInteger.valueOf(body.length - start - 32L)) > 0) {
                return Optional.empty();
            }
            int textStart = start + 32;
            String text = new String(body, textStart, length.intValueExact(), StandardCharsets.UTF_8);
            return Optional.of(new RevertReason(text, Kind.ERROR_STRING, "0x" + hex));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<RevertReason> decodePanic(String hex) {
        if (hex.length() < 8 + 64) {
            return Optional.empty();
        }
        BigInteger code = new BigInteger(hex.substring(8, 8 + 64), 16);
        return Optional.of(new RevertReason("panic 0x" + code.toString(16), Kind.PANIC, "0x" + hex));
    }

    private static String normalise(String revertData) {
        if (revertData == null) {
            return "";
        }
        String text = revertData.trim();
        // web3j keeps the error's "data" member as raw JSON: a quoted string, or an object on some nodes.
        if (!text.startsWith("0x") && !text.startsWith("0X")) {
            Matcher quoted = QUOTED_HEX.matcher(text);
            text = quoted.find() ? quoted.group(1) : text;
        }
        String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                return "";
            }
        }
        return (digits.length() % 2 == 0) ? digits.toLowerCase(Locale.ROOT) : "";
    }
}
