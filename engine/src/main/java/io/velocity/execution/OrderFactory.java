package io.velocity.execution;

import io.velocity.core.Clock;
import io.velocity.execution.signing.ClobOrder;
import io.velocity.execution.signing.EthAddress;
import io.velocity.execution.signing.OrderAmounts;
import io.velocity.execution.signing.OrderSigner;
import io.velocity.execution.signing.Side;
import io.velocity.execution.signing.SignatureType;
import io.velocity.execution.signing.SignedOrder;
import io.velocity.execution.signing.TickSize;
import io.velocity.orders.OrderRequest;
import io.velocity.orders.TimeInForce;

import java.math.BigInteger;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Turns an engine {@link OrderRequest} into a signed CLOB V2 order: amounts rounded per the
 * market's tick ({@link OrderAmounts#limitInTicks} for resting orders,
 * {@link OrderAmounts#marketableInTicks} for FOK/FAK), maker = the funder wallet (proxy, safe or
 * 1271 wallet) or the key's own address, a random salt and a millisecond timestamp. Neg-risk
 * markets are signed for the neg-risk exchange. The two {@link OrderSigner}s are created once and
 * reused.
 *
 * <p><b>Not thread-safe</b> (the signers reuse their buffers): one instance belongs to the
 * orchestrator's thread.
 */
public final class OrderFactory {
    /** The venue rejects GTD expirations closer than a minute (POLYMARKET.md: "the docs add 60 s"). */
    static final long GTD_MARGIN_SECONDS = 60;
    /** Salts stay below 2^53 so any JSON parser reads the number exactly. */
    private static final long SALT_BOUND = 1L << 53;

    private final OrderSigner signer;
    private final OrderSigner negRiskSigner;
    private final SignatureType signatureType;
    private final EthAddress maker;
    private final EthAddress orderSigner;
    private final Clock clock;
    private final long gtdLifetimeSeconds;
    private final SplittableRandom salts;

    /**
     * @param signer        signs for the ordinary exchange
     * @param negRiskSigner signs for the neg-risk exchange
     * @param signatureType how the exchange verifies the signature
     * @param funder        the wallet holding the funds, or null for the key's own address
     * @param clock         order timestamps and GTD expiries
     * @param gtdLifetime   how long GTD orders live (the venue's 60 s margin is added)
     * @param saltSeed      seed of the salt generator (a random one in production)
     */
    public OrderFactory(OrderSigner signer, OrderSigner negRiskSigner, SignatureType signatureType, EthAddress funder,
                        Clock clock, Duration gtdLifetime, long saltSeed) {
        if (signer.chainId() != negRiskSigner.chainId()) {
            throw new IllegalArgumentException("signers: ordinary and neg-risk exchange signers must share a chain id");
        }
        this.signer = signer;
        this.negRiskSigner = negRiskSigner;
        this.signatureType = signatureType;
        EthAddress key = signer.signerAddress();
        if (signatureType == SignatureType.EOA) {
            if (funder != null && !funder.equals(key)) {
                throw new IllegalArgumentException("execution.funderAddress: an EOA wallet trades from the key's own address "
                        + key + "; leave the funder empty or choose POLY_PROXY/POLY_GNOSIS_SAFE/POLY_1271");
            }
            this.maker = key;
            this.orderSigner = key;
        } else {
            if (funder == null) {
                throw new IllegalArgumentException("execution.funderAddress: required for walletType " + signatureType);
            }
            this.maker = funder;
            // A 1271 wallet is both maker and signer; the key signs on its behalf.
            this.orderSigner = signatureType == SignatureType.POLY_1271 ? funder : key;
        }
        this.clock = clock;
        this.gtdLifetimeSeconds = Math.max(1, gtdLifetime.toSeconds());
        this.salts = new SplittableRandom(saltSeed);
    }

    /** The address orders are made by (the funds' owner). */
    public EthAddress maker() {
        return maker;
    }

    /** The key's own address. */
    public EthAddress keyAddress() {
        return signer.signerAddress();
    }

    /**
     * Rounds, builds and signs {@code r}.
     *
     * @throws IllegalArgumentException when the order cannot be expressed on the venue's grid
     *                                  (price off range, size rounding to zero, unknown tick):
     *                                  an order error, reported as a reject
     */
    public PreparedOrder prepare(OrderRequest r) {
        TickSize tick = tickSize(r.tickE4());
        Side side = r.buy() ? Side.BUY : Side.SELL;
        OrderAmounts amounts = amounts(r, tick, side);
        ClobOrder order = ClobOrder.newBuilder()
                .salt(salts.nextLong(SALT_BOUND))
                .maker(maker)
                .signer(orderSigner)
                .tokenId(tokenId(r.tokenId()))
                .amounts(amounts)
                .signatureType(signatureType)
                .timestamp(clock.epochMillis())
                .build();
        OrderSigner s = r.negRisk() ? negRiskSigner : signer;
        SignedOrder signed = s.sign(order);
        long expiration = r.tif() == TimeInForce.GTD
                ? clock.epochMillis() / 1000 + GTD_MARGIN_SECONDS + gtdLifetimeSeconds : 0;
        return new PreparedOrder(r, signed, amounts, signed.orderHashHex(), s.exchange().toChecksumHex(), expiration);
    }

    private static OrderAmounts amounts(OrderRequest r, TickSize tick, Side side) {
        long e4PerTick = 10_000 / tick.ticksPerUnit();
        if (!r.tif().marketable()) {
            // Resting orders: nearest tick (the engine prices on the grid already; this guards a tick change).
            long ticks = Math.floorDiv(r.priceE4() + e4PerTick / 2, e4PerTick);
            return OrderAmounts.limitInTicks(tick, side, ticks, r.sizeMicros());
        }
        // Marketable: the worst acceptable price rounded down to the tick; BUY spends pUSD = shares × price.
        long ticks = Math.floorDiv(r.priceE4(), e4PerTick);
        if (side == Side.SELL) {
            return OrderAmounts.marketableInTicks(tick, side, ticks, r.sizeMicros());
        }
        long collateral;
        try {
            collateral = Math.multiplyExact(r.sizeMicros(), ticks) / tick.ticksPerUnit();
        } catch (ArithmeticException tooLarge) {
            throw new IllegalArgumentException("size: order too large for 64-bit micro-units");
        }
        return OrderAmounts.marketableInTicks(tick, side, ticks, collateral);
    }

    /**
     * The tick size for a tick in 1e-4 units.
     *
     * @throws IllegalArgumentException for anything but 1000, 100, 10 or 1
     */
    static TickSize tickSize(int tickE4) {
        return switch (tickE4) {
            case 1_000 -> TickSize.TENTH;
            case 100 -> TickSize.HUNDREDTH;
            case 10 -> TickSize.THOUSANDTH;
            case 1 -> TickSize.TEN_THOUSANDTH;
            default -> throw new IllegalArgumentException("tickE4: " + tickE4 + " is not a venue tick (0.1, 0.01, 0.001, 0.0001)");
        };
    }

    private static BigInteger tokenId(String text) {
        try {
            return new BigInteger(text);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("tokenId: not a decimal uint256");
        }
    }
}
