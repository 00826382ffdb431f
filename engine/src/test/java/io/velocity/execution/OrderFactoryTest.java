package io.velocity.execution;

import io.velocity.core.ManualClock;
import io.velocity.execution.signing.EthAddress;
import io.velocity.execution.signing.Hex;
import io.velocity.execution.signing.OrderSigner;
import io.velocity.execution.signing.Secp256k1Signer;
import io.velocity.execution.signing.Side;
import io.velocity.execution.signing.SignatureType;
import io.velocity.orders.OrderRequest;
import io.velocity.orders.TimeInForce;
import io.velocity.strategy.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderFactoryTest {
    private static final byte[] KEY = Hex.decode("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d", 32, "key");
    private static final EthAddress EXCHANGE = EthAddress.parse("0xE111180000d2663C0091e4f400237545B87B996B");
    private static final EthAddress NEG_RISK = EthAddress.parse("0xe2222d279d744050d28e00520010520000310F59");
    private static final EthAddress SAFE = EthAddress.parse("0x00000000000000000000000000000000000000aa");

    private final Secp256k1Signer key = Secp256k1Signer.fromPrivateKey(KEY);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z").toEpochMilli());

    @AfterEach
    void close() {
        key.close();
    }

    private OrderFactory factory(SignatureType type, EthAddress funder) {
        return new OrderFactory(new OrderSigner(137, EXCHANGE, key), new OrderSigner(137, NEG_RISK, key), type, funder, clock,
                Duration.ofMinutes(10), 1);
    }

    private static OrderRequest request(boolean buy, long priceE4, long size, TimeInForce tif, boolean negRisk) {
        return new OrderRequest(1, "t", "0xc", "71321045679252212594626385532706912750332728571942532289631379312455583992563",
                Outcome.UP, buy, priceE4, size, tif, false, 100, negRisk, 0.07, 1, 0);
    }

    @Test
    void restingBuyRoundsSharesDownToCentsAndPaysSharesTimesPrice() {
        PreparedOrder p = factory(SignatureType.EOA, null).prepare(request(true, 5_700, 12_345_678, TimeInForce.GTC, false));

        assertThat(p.signed().order().side()).isEqualTo(Side.BUY);
        assertThat(p.signed().order().takerAmount()).isEqualTo(12_340_000);  // shares cut to 2 decimals
        assertThat(p.signed().order().makerAmount()).isEqualTo(7_033_800);   // 12.34 × 0.57
        assertThat(p.priceE4()).isEqualTo(5_700);
        assertThat(p.expirationSeconds()).isZero();
        assertThat(p.orderId()).isEqualTo(p.signed().orderHashHex());
    }

    @Test
    void marketableBuySpendsWholeCentsAndBuysAtMostFourShareDecimals() {
        PreparedOrder p = factory(SignatureType.EOA, null).prepare(request(true, 6_050, 10_000_000, TimeInForce.FOK, false));

        // worst price 0.6050 rounds down to the 0.01 tick: 0.60; pUSD = 10 × 0.60 = 6.00
        assertThat(p.signed().order().makerAmount()).isEqualTo(6_000_000);
        assertThat(p.signed().order().takerAmount()).isEqualTo(10_000_000);
        assertThat(p.signed().order().makerAmount() % 10_000).isZero();
        assertThat(p.signed().order().takerAmount() % 100).isZero();
    }

    @Test
    void marketableSellGivesSharesCutToCents() {
        PreparedOrder p = factory(SignatureType.EOA, null).prepare(request(false, 4_000, 7_777_777, TimeInForce.FAK, false));

        assertThat(p.signed().order().side()).isEqualTo(Side.SELL);
        assertThat(p.signed().order().makerAmount()).isEqualTo(7_770_000);
        assertThat(p.signed().order().takerAmount()).isEqualTo(3_108_000);
    }

    @Test
    void negRiskMarketsAreSignedForTheNegRiskExchange() {
        OrderFactory f = factory(SignatureType.EOA, null);
        PreparedOrder ordinary = f.prepare(request(true, 5_000, 5_000_000, TimeInForce.GTC, false));
        PreparedOrder negRisk = f.prepare(request(true, 5_000, 5_000_000, TimeInForce.GTC, true));

        assertThat(ordinary.exchange()).isEqualTo(EXCHANGE.toChecksumHex());
        assertThat(negRisk.exchange()).isEqualTo(NEG_RISK.toChecksumHex());
        assertThat(new OrderSigner(137, NEG_RISK, key).orderHash(negRisk.signed().order())).isEqualTo(negRisk.signed().orderHash());
    }

    @Test
    void safeWalletOrdersAreMadeByTheSafeAndSignedByTheKey() {
        PreparedOrder p = factory(SignatureType.POLY_GNOSIS_SAFE, SAFE).prepare(request(true, 5_000, 5_000_000, TimeInForce.GTC, false));

        assertThat(p.signed().order().maker()).isEqualTo(SAFE);
        assertThat(p.signed().order().signer()).isEqualTo(key.address());
        assertThat(p.signed().order().signatureType()).isEqualTo(SignatureType.POLY_GNOSIS_SAFE);
        assertThatThrownBy(() -> factory(SignatureType.POLY_PROXY, null))
                .hasMessageContaining("execution.funderAddress");
    }

    @Test
    void gtdOrdersExpireAfterTheirLifetimePlusTheVenuesMinute() {
        PreparedOrder p = factory(SignatureType.EOA, null).prepare(request(true, 5_000, 5_000_000, TimeInForce.GTD, false));

        assertThat(p.expirationSeconds()).isEqualTo(clock.epochMillis() / 1000 + 60 + 600);
        assertThat(p.signed().order().timestamp()).isEqualTo(clock.epochMillis());
    }

    @Test
    void saltsDifferAndStayExactInJson() {
        OrderFactory f = factory(SignatureType.EOA, null);
        PreparedOrder a = f.prepare(request(true, 5_000, 5_000_000, TimeInForce.GTC, false));
        PreparedOrder b = f.prepare(request(true, 5_000, 5_000_000, TimeInForce.GTC, false));

        assertThat(a.orderId()).isNotEqualTo(b.orderId());
        assertThat(a.signed().order().salt().bitLength()).isLessThanOrEqualTo(53);
    }

    @Test
    void ordersOffTheVenueGridAreRefusedNamingTheField() {
        OrderFactory f = factory(SignatureType.EOA, null);
        assertThatThrownBy(() -> f.prepare(request(true, 0, 5_000_000, TimeInForce.FOK, false))).hasMessageContaining("price");
        assertThatThrownBy(() -> f.prepare(request(true, 5_000, 9_000, TimeInForce.GTC, false))).hasMessageContaining("size");
        assertThatThrownBy(() -> f.prepare(new OrderRequest(1, "t", "0xc", "12", Outcome.UP, true, 5_000, 5_000_000,
                TimeInForce.GTC, false, 25, false, 0, 1, 0))).hasMessageContaining("tickE4");
    }
}
