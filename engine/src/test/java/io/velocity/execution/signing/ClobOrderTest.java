package io.velocity.execution.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ClobOrderTest {

    private static final EthAddress WALLET = EthAddress.parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

    private static ClobOrder.Builder valid() {
        return ClobOrder.newBuilder().salt(1).maker(WALLET).signer(WALLET).tokenId(BigInteger.TWO)
                .makerAmount(5_700_000).takerAmount(10_000_000).side(Side.BUY)
                .signatureType(SignatureType.EOA).timestamp(1_780_000_000_000L);
    }

    @Test
    void builderDefaultsMetadataAndBuilderCodeToZeroBytes() {
        ClobOrder order = valid().build();

        assertThat(order.metadata()).hasSize(32).containsOnly((byte) 0);
        assertThat(order.builder()).hasSize(32).containsOnly((byte) 0);
    }

    @Test
    void builderTakesSideAndAmountsFromRoundedAmounts() {
        OrderAmounts amounts = OrderAmounts.limit(TickSize.HUNDREDTH, Side.SELL, new BigDecimal("0.44"), new BigDecimal("5"));

        ClobOrder order = valid().amounts(amounts).build();

        assertThat(order.side()).isEqualTo(Side.SELL);
        assertThat(order.makerAmount()).isEqualTo(5_000_000);
        assertThat(order.takerAmount()).isEqualTo(2_200_000);
    }

    @Test
    void bytes32FieldsAreCopiedInAndOut() {
        byte[] metadata = new byte[32];
        metadata[0] = 1;
        ClobOrder order = valid().metadata(metadata).build();
        metadata[0] = 2;
        order.metadata()[0] = 3;

        assertThat(order.metadata()[0]).isEqualTo((byte) 1);
    }

    @Test
    void equalsComparesArrayContents() {
        byte[] m = new byte[32];
        m[5] = 9;

        assertThat(valid().metadata(m).build()).isEqualTo(valid().metadata(m.clone()).build())
                .hasSameHashCodeAs(valid().metadata(m.clone()).build())
                .isNotEqualTo(valid().build());
        assertThat(valid().build().toString()).contains("metadata=0x0000");
    }

    @Test
    void rejectsOutOfRangeValuesNamingTheField() {
        assertThatThrownBy(() -> valid().salt(BigInteger.ONE.shiftLeft(256)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("order.salt: must be an integer in [0, 2^256)");
        assertThatThrownBy(() -> valid().tokenId(BigInteger.valueOf(-1)).build())
                .hasMessage("order.tokenId: must be an integer in [0, 2^256)");
        assertThatThrownBy(() -> valid().makerAmount(-1).build())
                .hasMessage("order.makerAmount: must be >= 0, was -1");
        assertThatThrownBy(() -> valid().metadata(new byte[31]).build())
                .hasMessage("order.metadata: must be 32 bytes, got 31 bytes");
        assertThatThrownBy(() -> valid().builderCode(null).build())
                .hasMessage("order.builder: must be 32 bytes, got null");
    }

    @Test
    void builderNamesTheFirstMissingField() {
        assertThatThrownBy(() -> ClobOrder.newBuilder().build()).hasMessageEndingWith(": required");
        assertThatThrownBy(() -> valid().signer(null).build()).hasMessage("order.signer: required");
        assertThatThrownBy(() -> valid().salt(null).build()).hasMessage("order.salt: required");
    }
}
