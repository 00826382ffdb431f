package io.velocity.sim.clob;

import io.velocity.execution.signing.ClobOrder;
import io.velocity.execution.signing.EthAddress;
import io.velocity.execution.signing.Hex;
import io.velocity.execution.signing.L1Auth;
import io.velocity.execution.signing.L2Auth;
import io.velocity.execution.signing.OrderHasher;
import io.velocity.execution.signing.Secp256k1Signer;
import io.velocity.execution.signing.Side;
import io.velocity.execution.signing.SignatureType;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link OrderAuthenticator} on the production signing code ({@code io.velocity.execution.signing}):
 * the simulator verifies with exactly the hashing the engine signs with, so a disagreement between
 * them cannot hide.
 */
public final class SignerAuthenticator implements OrderAuthenticator {
    private final Map<String, OrderHasher> hashers = new ConcurrentHashMap<>();
    private final Map<Long, L1Auth> l1 = new ConcurrentHashMap<>();

    @Override
    public OrderCheck verifyOrder(WireOrder o, String exchangeAddress, long chainId) {
        ClobOrder order;
        byte[] signature;
        try {
            order = ClobOrder.newBuilder()
                    .salt(o.salt())
                    .maker(EthAddress.parse(o.maker(), "order.maker"))
                    .signer(EthAddress.parse(o.signer(), "order.signer"))
                    .tokenId(o.tokenId())
                    .makerAmount(o.makerAmount())
                    .takerAmount(o.takerAmount())
                    .side(o.side().equals("BUY") ? Side.BUY : Side.SELL)
                    .signatureType(SignatureType.fromCode(o.signatureType()))
                    .timestamp(o.timestamp())
                    .metadata(Hex.decode(o.metadata(), ClobOrder.BYTES32, "order.metadata"))
                    .builderCode(Hex.decode(o.builder(), ClobOrder.BYTES32, "order.builder"))
                    .build();
            signature = Hex.decode(o.signature(), Secp256k1Signer.SIGNATURE_LENGTH, "order.signature");
        } catch (IllegalArgumentException e) {
            return new OrderCheck("", "", e.getMessage());
        }
        OrderHasher hasher = hashers.computeIfAbsent(chainId + ":" + exchangeAddress.toLowerCase(java.util.Locale.ROOT),
                k -> new OrderHasher(chainId, EthAddress.parse(exchangeAddress.toLowerCase(java.util.Locale.ROOT), "exchange")));
        byte[] hash;
        // OrderHasher reuses internal buffers: one caller at a time.
        synchronized (hasher) {
            hash = hasher.orderHash(order);
        }
        Optional<EthAddress> who = Secp256k1Signer.recoverAddress(hash, signature);
        return new OrderCheck(Hex.encode(hash), who.map(EthAddress::toLowerHex).orElse(""), "");
    }

    @Override
    public boolean verifyL2(String secret, String timestamp, String method, String path, String body, String signature) {
        if (signature == null || timestamp == null || timestamp.isEmpty()) {
            return false;
        }
        String expected;
        try {
            expected = L2Auth.signature(secret, timestamp, method, path, body);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public Optional<String> recoverL1Signer(String address, long timestampSeconds, long nonce, String signature, long chainId) {
        try {
            byte[] digest = l1.computeIfAbsent(chainId, L1Auth::new).digest(EthAddress.parse(address, "POLY_ADDRESS"), timestampSeconds, nonce);
            byte[] sig = Hex.decode(signature, Secp256k1Signer.SIGNATURE_LENGTH, "POLY_SIGNATURE");
            return Secp256k1Signer.recoverAddress(digest, sig).map(EthAddress::toLowerHex);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
