package io.velocity.sim.market;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic identifiers derived from the world seed: the same seed and slug always give the
 * same condition id, token ids and numeric Gamma ids, so recorded sessions can be compared.
 */
public final class Ids {
    private static final HexFormat HEX = HexFormat.of();

    private Ids() {
    }

    /** 32 bytes derived from the seed and the given parts. */
    public static byte[] digest(long seed, String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(Long.toString(seed).getBytes(StandardCharsets.UTF_8));
            for (String p : parts) {
                md.update((byte) ':');
                md.update(p.getBytes(StandardCharsets.UTF_8));
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** A 0x-prefixed 32-byte hex id (condition ids, question ids, order and transaction hashes). */
    public static String hex32(long seed, String... parts) {
        return "0x" + HEX.formatHex(digest(seed, parts));
    }

    /** A uint256 as a decimal string (ERC-1155 token ids). */
    public static String uint256(long seed, String... parts) {
        return new BigInteger(1, digest(seed, parts)).toString();
    }

    /** A positive numeric id below 10^7 as a string (Gamma event and market ids). */
    public static String numeric(long seed, String... parts) {
        byte[] d = digest(seed, parts);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[i] & 0xff);
        }
        return Long.toString(1_000_000 + Math.floorMod(v, 9_000_000L));
    }

    /** A UUID-shaped id (trade ids, request ids). */
    public static String uuid(long seed, String... parts) {
        String h = HEX.formatHex(digest(seed, parts));
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-"
                + h.substring(20, 32);
    }

    /** A number in [0, 1) derived from the seed and parts (market-level random choices). */
    public static double unit(long seed, String... parts) {
        byte[] d = digest(seed, parts);
        long v = 0;
        for (int i = 0; i < 7; i++) {
            v = (v << 8) | (d[i] & 0xff);
        }
        return v / (double) (1L << 56);
    }
}
