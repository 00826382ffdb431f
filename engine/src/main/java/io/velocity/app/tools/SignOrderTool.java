package io.velocity.app.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.velocity.execution.signing.ClobOrder;
import io.velocity.execution.signing.EthAddress;
import io.velocity.execution.signing.Hex;
import io.velocity.execution.signing.OrderSigner;
import io.velocity.execution.signing.Secp256k1Signer;
import io.velocity.execution.signing.Side;
import io.velocity.execution.signing.SignatureType;
import io.velocity.execution.signing.SignedOrder;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code velocity tools sign-order}: signs one CLOB V2 order read as JSON from stdin and prints
 * {@code {"orderHash","signature","signerAddress"}} as one JSON line.
 *
 * <p>Input: {@code {"privateKey","chainId","exchange","order":{salt, maker, signer, tokenId,
 * makerAmount, takerAmount, side, signatureType, timestamp, metadata?, builder?}}}. Integers may be
 * JSON integers or decimal strings; {@code side} is 0/1 or "BUY"/"SELL"; {@code signatureType}
 * is 0..3 or its name; metadata and builder default to 32 zero bytes; unknown fields are ignored.
 *
 * <p>Exit codes: 0 signed; 2 bad input, with one line on stderr naming the field; 1 unexpected
 * failure. The private key is never written anywhere, errors included.
 */
public final class SignOrderTool {

    private SignOrderTool() {
    }

    /** Entry point; exits with {@link #run(InputStream, PrintStream, PrintStream)}'s code. */
    public static void main(String[] args) {
        System.exit(run(System.in, System.out, System.err));
    }

    /**
     * Reads one request from {@code in}, writes the result line to {@code out} or one error line to
     * {@code err}.
     *
     * @return 0 on success, 2 on bad input, 1 on an unexpected failure
     */
    public static int run(InputStream in, PrintStream out, PrintStream err) {
        return JsonTool.run("sign-order", List.of("privateKey"), SignOrderTool::sign, in, out, err);
    }

    private static ObjectNode sign(JsonRequest request) {
        byte[] key = privateKey(request);
        try {
            long chainId = chainId(request);
            EthAddress exchange = request.address("exchange");
            ClobOrder order = order(request.object("order"));
            try (Secp256k1Signer signer = Secp256k1Signer.fromPrivateKey(key)) {
                SignedOrder signed = new OrderSigner(chainId, exchange, signer).sign(order);
                ObjectNode result = JsonRequest.newObject();
                result.put("orderHash", signed.orderHashHex());
                result.put("signature", signed.signatureHex());
                result.put("signerAddress", signer.address().toChecksumHex());
                return result;
            }
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] privateKey(JsonRequest request) {
        String text = request.secretText("privateKey").strip();
        String hex = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (hex.length() != 64) {
            throw request.bad("privateKey", "must be 32 bytes of hex (0x followed by 64 hex digits), got "
                    + hex.length() + " digits");
        }
        // Decoded by hand rather than via Hex.decode("0x" + hex): that would make one more String copy of the key.
        byte[] key = new byte[32];
        for (int i = 0; i < 32; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                Arrays.fill(key, (byte) 0);
                throw request.bad("privateKey", "must be 32 bytes of hex (0x followed by 64 hex digits)");
            }
            key[i] = (byte) ((hi << 4) | lo);
        }
        try {
            EthAddress.fromPrivateKey(key); // validates the scalar range with a key-free message
        } catch (IllegalArgumentException outOfRange) {
            Arrays.fill(key, (byte) 0);
            throw request.bad("privateKey", "not a valid secp256k1 private key (must be in [1, n-1])");
        }
        return key;
    }

    private static long chainId(JsonRequest request) {
        long chainId = request.nonNegativeLong("chainId");
        if (chainId == 0) {
            throw request.bad("chainId", "must be positive, was 0");
        }
        return chainId;
    }

    private static byte[] bytes32(JsonRequest request, String name) {
        if (!request.has(name)) {
            return new byte[ClobOrder.BYTES32];
        }
        JsonNode value = request.required(name);
        if (!value.isTextual()) {
            throw request.bad(name, "must be a string (0x followed by 64 hex digits), was " + JsonRequest.describe(value));
        }
        return Hex.decode(value.textValue().strip(), ClobOrder.BYTES32, request.path(name));
    }

    private static ClobOrder order(JsonRequest order) {
        return new ClobOrder(
                order.uint256("salt"),
                order.address("maker"),
                order.address("signer"),
                order.uint256("tokenId"),
                order.nonNegativeLong("makerAmount"),
                order.nonNegativeLong("takerAmount"),
                side(order),
                signatureType(order),
                order.nonNegativeLong("timestamp"),
                bytes32(order, "metadata"),
                bytes32(order, "builder"));
    }

    private static Side side(JsonRequest order) {
        JsonNode value = order.required("side");
        String text = enumText(value);
        for (Side side : Side.values()) {
            if (text.equals(Integer.toString(side.code())) || text.equals(side.name())) {
                return side;
            }
        }
        throw order.bad("side", "must be 0 or \"BUY\", 1 or \"SELL\", was " + JsonRequest.describe(value));
    }

    private static SignatureType signatureType(JsonRequest order) {
        JsonNode value = order.required("signatureType");
        String text = enumText(value);
        for (SignatureType type : SignatureType.values()) {
            if (text.equals(Integer.toString(type.code())) || text.equals(type.name())) {
                return type;
            }
        }
        throw order.bad("signatureType",
                "must be 0 (EOA), 1 (POLY_PROXY), 2 (POLY_GNOSIS_SAFE) or 3 (POLY_1271), was " + JsonRequest.describe(value));
    }

    /** An enum given as its code (JSON integer or digits) or its name in any case; "" when neither. */
    private static String enumText(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue().strip().toUpperCase(Locale.ROOT);
        }
        return value.isIntegralNumber() ? value.asText() : "";
    }
}
