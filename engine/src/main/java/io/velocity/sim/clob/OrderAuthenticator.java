package io.velocity.sim.clob;

import java.util.Optional;

/**
 * The cryptography the simulated CLOB checks: the EIP-712 CLOB V2 order signature, the L2 HMAC
 * of private requests and the L1 ClobAuth signature of key creation. Policy (which address a key
 * belongs to, timestamp windows, error messages) stays in the server; this only answers what the
 * bytes prove. Implementations must be thread-safe: request threads call them concurrently.
 */
public interface OrderAuthenticator {

    /**
     * Result of checking a signed order.
     *
     * @param orderHash       the EIP-712 order hash (0x hex), the venue's order id; empty when the order is malformed
     * @param recoveredSigner the address the signature recovers to (0x lower-case), empty when unrecoverable
     * @param problem         why the order could not be hashed, empty otherwise
     */
    record OrderCheck(String orderHash, String recoveredSigner, String problem) {

        /** Whether the signature recovers to {@code signer}. */
        public boolean signedBy(String signer) {
            return problem.isEmpty() && !recoveredSigner.isEmpty() && recoveredSigner.equalsIgnoreCase(signer);
        }
    }

    /** Hashes {@code order} in the domain of {@code exchangeAddress} on {@code chainId} and recovers its signer. */
    OrderCheck verifyOrder(WireOrder order, String exchangeAddress, long chainId);

    /** Whether {@code signature} is the L2 HMAC of {@code timestamp + method + path + body} under {@code secret}. */
    boolean verifyL2(String secret, String timestamp, String method, String path, String body, String signature);

    /** The address that signed the L1 ClobAuth message, or empty when the signature is malformed. */
    Optional<String> recoverL1Signer(String address, long timestampSeconds, long nonce, String signature, long chainId);
}
