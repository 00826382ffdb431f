package io.velocity.accounting.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.velocity.core.VenueException;
import org.junit.jupiter.api.Test;

/** Open orders as the CLOB writes them become exact micro-units, or a clear refusal. */
class ClobOpenOrdersParsingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void decimalStringsWithTrailingZerosBecomeExactMicroUnits() throws Exception {
        VenueOrder order = ClobOpenOrders.parse(JSON.readTree("""
                {"id":"0xabc","market":"0x01","asset_id":"123","side":"SELL","original_size":"100.50",
                 "size_matched":"0","price":"0.870","order_type":"GTD","created_at":1764000000}"""));

        assertThat(order.priceMicros()).isEqualTo(870_000);
        assertThat(order.originalSizeMicros()).isEqualTo(100_500_000);
        assertThat(order.matchedSizeMicros()).isZero();
        assertThat(order.status()).isEqualTo("OPEN");
        assertThat(order.orderType()).isEqualTo("GTD");
        assertThat(order.createdAtMillis()).isEqualTo(1_764_000_000_000L);
    }

    @Test
    void moreThanSixDecimalsIsRefusedNotRounded() {
        assertThatThrownBy(() -> ClobOpenOrders.parse(JSON.readTree("""
                {"id":"0xabc","market":"0x01","asset_id":"123","side":"BUY","original_size":"1.0000001",
                 "size_matched":"0","price":"0.5"}"""))).isInstanceOf(VenueException.class)
                .hasMessageContaining("original_size").hasMessageContaining("0xabc");
    }

    @Test
    void aMissingFieldIsNamed() {
        assertThatThrownBy(() -> ClobOpenOrders.parse(JSON.readTree("""
                {"id":"0xabc","market":"0x01","side":"BUY","original_size":"1","size_matched":"0","price":"0.5"}""")))
                .isInstanceOf(VenueException.class).hasMessageContaining("'asset_id'");
    }
}
