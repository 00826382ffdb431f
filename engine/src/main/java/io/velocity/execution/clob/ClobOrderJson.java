package io.velocity.execution.clob;

import io.velocity.execution.PreparedOrder;
import io.velocity.execution.signing.ClobOrder;
import io.velocity.execution.signing.Hex;

import java.util.List;

/**
 * Writes the {@code POST /order} and {@code POST /orders} bodies by hand (POLYMARKET.md, "POST
 * /order body"): amounts, timestamp and expiration as strings, salt as a JSON number, side as
 * {@code BUY}/{@code SELL}, signatureType as an integer. Hand-written because the bytes are on
 * the intent-to-wire path and must be exactly what the L2 signature covers; no value needs
 * escaping (hex, decimal digits, fixed words and the API key, which is checked).
 */
public final class ClobOrderJson {
    private ClobOrderJson() {
    }

    /** The body of {@code POST /order}. */
    public static String single(PreparedOrder order, String owner) {
        StringBuilder sb = new StringBuilder(900);
        appendEnvelope(sb, order, owner);
        return sb.toString();
    }

    /** The body of {@code POST /orders}: an array of single-order envelopes. */
    public static String batch(List<PreparedOrder> orders, String owner) {
        StringBuilder sb = new StringBuilder(900 * orders.size() + 2);
        sb.append('[');
        for (int i = 0; i < orders.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendEnvelope(sb, orders.get(i), owner);
        }
        return sb.append(']').toString();
    }

    private static void appendEnvelope(StringBuilder sb, PreparedOrder p, String owner) {
        requirePlain(owner);
        ClobOrder o = p.signed().order();
        sb.append("{\"order\":{\"salt\":").append(o.salt())
                .append(",\"maker\":\"").append(o.maker().toChecksumHex())
                .append("\",\"signer\":\"").append(o.signer().toChecksumHex())
                .append("\",\"tokenId\":\"").append(o.tokenId())
                .append("\",\"makerAmount\":\"").append(o.makerAmount())
                .append("\",\"takerAmount\":\"").append(o.takerAmount())
                .append("\",\"side\":\"").append(o.side().name())
                .append("\",\"signatureType\":").append(o.signatureType().code())
                .append(",\"timestamp\":\"").append(o.timestamp())
                .append("\",\"expiration\":\"").append(p.expirationSeconds())
                .append("\",\"metadata\":\"").append(Hex.encode(o.metadata()))
                .append("\",\"builder\":\"").append(Hex.encode(o.builder()))
                .append("\",\"signature\":\"").append(p.signed().signatureHex())
                .append("\"},\"owner\":\"").append(owner)
                .append("\",\"orderType\":\"").append(p.orderType().name())
                // postOnly is refused with FOK/FAK; the engine never asks for it there, but never send it either.
                .append("\",\"postOnly\":").append(p.request().postOnly() && p.rests())
                .append(",\"deferExec\":false}");
    }

    private static void requirePlain(String owner) {
        for (int i = 0; i < owner.length(); i++) {
            char c = owner.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                throw new IllegalArgumentException("owner: the API key contains a character that cannot be sent");
            }
        }
    }
}
