package io.velocity.execution.signing;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Keccak-256 as Ethereum uses it: the original Keccak padding, not the NIST SHA3-256 one.
 * The two differ in a single padding byte and give unrelated hashes, so {@code MessageDigest
 * "SHA3-256"} must not be used for anything Ethereum-facing.
 *
 * <p>An instance wraps one reusable digest and is <b>not thread-safe</b>: keep it confined to its
 * owner (a signer or hasher keeps one so the hot path allocates nothing). The static
 * {@link #hash(byte[])} helpers are thread-safe and allocate a fresh digest per call.
 */
public final class Keccak256 {

    /** Length of a Keccak-256 hash in bytes. */
    public static final int HASH_LENGTH = 32;

    private final KeccakDigest digest = new KeccakDigest(256);

    /** Creates an empty hasher. */
    public Keccak256() {
    }

    /** Appends {@code length} bytes of {@code input} from {@code offset} to the running hash. */
    public Keccak256 update(byte[] input, int offset, int length) {
        digest.update(input, offset, length);
        return this;
    }

    /** Appends all of {@code input} to the running hash. */
    public Keccak256 update(byte[] input) {
        digest.update(input, 0, input.length);
        return this;
    }

    /** Writes the 32-byte hash of everything appended so far to {@code out} at {@code offset} and resets. */
    public void digestInto(byte[] out, int offset) {
        digest.doFinal(out, offset);
    }

    /** Returns the 32-byte hash of everything appended so far and resets. */
    public byte[] digest() {
        byte[] out = new byte[HASH_LENGTH];
        digest.doFinal(out, 0);
        return out;
    }

    /** Discards anything appended since the last digest. */
    public void reset() {
        digest.reset();
    }

    /** Keccak-256 of {@code input}. Thread-safe. */
    public static byte[] hash(byte[] input) {
        return new Keccak256().update(input).digest();
    }

    /** Keccak-256 of the UTF-8 bytes of {@code text}, as EIP-712 hashes type strings and {@code string} fields. */
    public static byte[] hash(String text) {
        return hash(text.getBytes(StandardCharsets.UTF_8));
    }
}
