package io.velocity.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.velocity.core.Clock;
import io.velocity.execution.signing.ClobOrder;
import io.velocity.execution.signing.EthAddress;
import io.velocity.execution.signing.Hex;
import io.velocity.execution.signing.L1Auth;
import io.velocity.execution.signing.L2Auth;
import io.velocity.execution.signing.OrderSigner;
import io.velocity.execution.signing.Secp256k1Signer;
import io.velocity.execution.signing.Side;
import io.velocity.execution.signing.SignatureType;
import io.velocity.execution.signing.SignedOrder;
import io.velocity.execution.signing.SigningVectors;
import io.velocity.sim.json.Json;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A CLOB client for the simulator tests built from the production signing code (what Rail A
 * uses): L1 key derivation, L2 HMAC headers and EIP-712 V2 orders. Plain JDK HTTP underneath.
 */
public final class ClobTestClient implements AutoCloseable {
    private static final AtomicLong SALT = new AtomicLong(1_000);

    private final String base;
    private final Secp256k1Signer key;
    private final Clock clock;
    private final long chainId;
    private final String exchange;
    private String apiKey;
    private String secret;
    private String passphrase;

    public ClobTestClient(String base, Secp256k1Signer key, Clock clock, long chainId, String exchange) {
        this.base = base;
        this.key = key;
        this.clock = clock;
        this.chainId = chainId;
        this.exchange = exchange;
    }

    /** The private key of order vector {@code i} of the shared signing vectors. */
    public static Secp256k1Signer vectorKey(int i) {
        return Secp256k1Signer.fromPrivateKey(Hex.decode(SigningVectors.root().get("orders").get(i).get("privateKey").asText(), 32, "key"));
    }

    public String address() {
        return key.address().toChecksumHex();
    }

    public String apiKey() {
        return apiKey;
    }

    public String secret() {
        return secret;
    }

    public String passphrase() {
        return passphrase;
    }

    /** {@code GET /auth/derive-api-key} with L1 headers; keeps the credentials. */
    public Http.Reply derive() {
        Map<String, String> h = new L1Auth(chainId).headers(key, clock.epochMillis() / 1000, 0);
        Http.Reply r = Http.send("GET", base + "/auth/derive-api-key", null, h);
        if (r.status() == 200) {
            JsonNode j = r.json();
            apiKey = j.get("apiKey").asText();
            secret = j.get("secret").asText();
            passphrase = j.get("passphrase").asText();
        }
        return r;
    }

    /** L2 headers for one request at the clock's current second. */
    public Map<String, String> l2(String method, String path, String body) {
        return l2(method, path, body, clock.epochMillis() / 1000, secret);
    }

    public Map<String, String> l2(String method, String path, String body, long timestampSeconds, String withSecret) {
        String ts = Long.toString(timestampSeconds);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("POLY_ADDRESS", address());
        h.put("POLY_SIGNATURE", L2Auth.signature(withSecret, ts, method, path, body == null ? "" : body));
        h.put("POLY_TIMESTAMP", ts);
        h.put("POLY_API_KEY", apiKey);
        h.put("POLY_PASSPHRASE", passphrase);
        return h;
    }

    public Http.Reply get(String pathAndQuery) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        return Http.send("GET", base + pathAndQuery, null, l2("GET", path, ""));
    }

    public Http.Reply post(String path, String body) {
        return Http.send("POST", base + path, body, l2("POST", path, body));
    }

    public Http.Reply delete(String path, String body) {
        return Http.send("DELETE", base + path, body, l2("DELETE", path, body));
    }

    /** An unsigned V2 order of this key (EOA: maker = signer). */
    public ClobOrder order(String tokenId, Side side, long makerAmount, long takerAmount) {
        return ClobOrder.newBuilder()
                .salt(BigInteger.valueOf(SALT.incrementAndGet()))
                .maker(key.address())
                .signer(key.address())
                .tokenId(new BigInteger(tokenId))
                .makerAmount(makerAmount)
                .takerAmount(takerAmount)
                .side(side)
                .signatureType(SignatureType.EOA)
                .timestamp(clock.epochMillis())
                .build();
    }

    public SignedOrder sign(ClobOrder o) {
        return new OrderSigner(chainId, EthAddress.parse(exchange), key).sign(o);
    }

    /** The {@code POST /order} body of a signed order. */
    public String body(SignedOrder s, String orderType, boolean postOnly) {
        return body(s.order(), s.signatureHex(), orderType, postOnly);
    }

    public String body(ClobOrder o, String signature, String orderType, boolean postOnly) {
        ObjectNode order = Json.MAPPER.createObjectNode();
        order.put("salt", o.salt().longValueExact());
        order.put("maker", o.maker().toChecksumHex());
        order.put("signer", o.signer().toChecksumHex());
        order.put("tokenId", o.tokenId().toString());
        order.put("makerAmount", Long.toString(o.makerAmount()));
        order.put("takerAmount", Long.toString(o.takerAmount()));
        order.put("side", o.side().name());
        order.put("signatureType", o.signatureType().code());
        order.put("timestamp", Long.toString(o.timestamp()));
        order.put("expiration", "0");
        order.put("metadata", Hex.encode(o.metadata()));
        order.put("builder", Hex.encode(o.builder()));
        order.put("signature", signature);
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.set("order", order);
        root.put("owner", apiKey);
        root.put("orderType", orderType);
        root.put("postOnly", postOnly);
        root.put("deferExec", false);
        return root.toString();
    }

    /** Signs and posts a GTC limit order: {@code shares} at {@code price} (both in micro/1e-6 and 1e-2 units). */
    public Http.Reply limit(String tokenId, Side side, long priceCents, long shares) {
        long cost = shares * priceCents / 100;
        ClobOrder o = side == Side.BUY ? order(tokenId, side, cost, shares) : order(tokenId, side, shares, cost);
        return post("/order", body(sign(o), "GTC", false));
    }

    @Override
    public void close() {
        key.close();
    }
}
