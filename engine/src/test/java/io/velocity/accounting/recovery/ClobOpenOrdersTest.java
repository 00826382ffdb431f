package io.velocity.accounting.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.velocity.core.ManualClock;
import io.velocity.core.VenueException;
import io.velocity.execution.signing.EthAddress;
import io.velocity.execution.signing.L2Auth;
import io.velocity.execution.signing.Side;
import io.velocity.sim.ClobTestClient;
import io.velocity.sim.SimFixture;
import io.velocity.sim.VenueSimulator;
import io.velocity.sim.market.SimMarket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Open orders read from the simulator's CLOB: every page, exact amounts, refused credentials. */
class ClobOpenOrdersTest {

    private static final String EXCHANGE = "0xE111180000d2663C0091e4f400237545B87B996B";

    private final ManualClock clock = new ManualClock(SimFixture.START);
    private VenueSimulator sim;
    private ClobTestClient account;
    private SimMarket market;

    @BeforeEach
    void openVenue() {
        sim = SimFixture.manual(clock, "sim.liquidity.providers=0");
        account = new ClobTestClient(sim.endpoints().clobRest(), ClobTestClient.vectorKey(1), clock, 137, EXCHANGE);
        assertThat(account.derive().status()).isEqualTo(200);
        market = sim.inspect(st -> st.catalog().upDownAt("btc", "15m", st.world().now()));
    }

    @AfterEach
    void closeVenue() {
        account.close();
        sim.close();
    }

    @Test
    void readsEveryPageFollowingTheCursor() {
        // The venue pages at 100 orders: 105 resting bids take two pages.
        for (int batch = 0; batch < 7; batch++) {
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < 15; i++) {
                body.append(i == 0 ? "" : ",").append(account.body(account.sign(account.order(market.tokenId(0),
                        Side.BUY, 100_000L, 10_000_000L)), "GTC", false));
            }
            assertThat(account.post("/orders", body.append(']').toString()).status()).isEqualTo(200);
        }

        List<VenueOrder> orders = source(account.secret()).openOrders();

        assertThat(orders).hasSize(105);
        assertThat(orders).extracting(VenueOrder::orderId).doesNotHaveDuplicates();
        assertThat(orders).allSatisfy(o -> {
            assertThat(o.market()).isEqualTo(market.conditionId());
            assertThat(o.tokenId()).isEqualTo(market.tokenId(0));
            assertThat(o.side()).isEqualTo("BUY");
            assertThat(o.priceMicros()).isEqualTo(10_000);
            assertThat(o.originalSizeMicros()).isEqualTo(10_000_000);
            assertThat(o.status()).isEqualTo("OPEN");
        });
    }

    @Test
    void anEmptyAccountHasNoOpenOrders() {
        assertThat(source(account.secret()).openOrders()).isEmpty();
    }

    @Test
    void wrongCredentialsAreAVenueErrorNamingTheStatus() {
        String otherSecret = java.util.Base64.getUrlEncoder().encodeToString(new byte[32]);

        assertThatThrownBy(() -> source(otherSecret).openOrders()).isInstanceOf(VenueException.class)
                .hasMessageContaining("HTTP 401").hasMessageNotContaining(otherSecret);
    }

    private ClobOpenOrders source(String secret) {
        L2Auth auth = new L2Auth(EthAddress.parse(account.address()), account.apiKey(), secret, account.passphrase());
        return new ClobOpenOrders(URI.create(sim.endpoints().clobRest()), auth, clock, Duration.ofSeconds(2));
    }
}
