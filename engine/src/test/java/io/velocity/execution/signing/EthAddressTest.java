package io.velocity.execution.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EthAddressTest {

    private static final String ANVIL_KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    @ParameterizedTest
    @ValueSource(strings = {
            // the examples of EIP-55 itself
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
            // contract addresses from POLYMARKET.md
            "0xE111180000d2663C0091e4f400237545B87B996B",
            "0xe2222d279d744050d28e00520010520000310F59"})
    void formatsChecksumExactlyAsEip55(String checksummed) {
        EthAddress fromLower = EthAddress.parse(checksummed.toLowerCase(Locale.ROOT));

        assertThat(fromLower.toChecksumHex()).isEqualTo(checksummed);
        assertThat(fromLower.toString()).isEqualTo(checksummed);
        assertThat(EthAddress.parse(checksummed)).isEqualTo(fromLower);
    }

    @Test
    void acceptsAllUpperCaseDigitsAsUnchecksummed() {
        EthAddress address = EthAddress.parse("0x" + "5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED");

        assertThat(address.toChecksumHex()).isEqualTo("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    }

    @Test
    void rejectsMixedCaseWithWrongChecksumNamingTheField() {
        // one letter's case flipped: a typo EIP-55 exists to catch
        assertThatThrownBy(() -> EthAddress.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "order.maker"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("order.maker: ")
                .hasMessageContaining("checksum");
    }

    @Test
    void rejectsWrongLengthNamingTheFieldWithoutEchoingTheInput() {
        String key = ANVIL_KEY_0; // e.g. a private key pasted into an address field
        assertThatThrownBy(() -> EthAddress.parse(key, "exchange"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("exchange: ")
                .hasMessageContaining("40 hex digits")
                .hasMessageNotContaining(key.substring(2));
    }

    @Test
    void rejectsMissingPrefixAndNonHexAndNull() {
        assertThatThrownBy(() -> EthAddress.parse("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "signer"))
                .hasMessageStartingWith("signer: must start with 0x");
        assertThatThrownBy(() -> EthAddress.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", "signer"))
                .hasMessageStartingWith("signer: ").hasMessageContaining("not a hex digit");
        assertThatThrownBy(() -> EthAddress.parse(null, "signer"))
                .hasMessageStartingWith("signer: required");
    }

    @Test
    void derivesAddressFromPrivateKey() {
        assertThat(EthAddress.fromPrivateKey(Hex.decode(ANVIL_KEY_0, 32, "k")).toChecksumHex())
                .isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        byte[] one = new byte[32];
        one[31] = 1;
        assertThat(EthAddress.fromPrivateKey(one).toChecksumHex())
                .isEqualTo("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
    }

    @Test
    void rawBytesAreCopiedInAndOut() {
        byte[] raw = new byte[20];
        raw[19] = 7;
        EthAddress address = EthAddress.of(raw);
        raw[19] = 8;
        address.toBytes()[19] = 9;

        assertThat(address.toBytes()[19]).isEqualTo((byte) 7);
        assertThat(address.toLowerHex()).isEqualTo("0x0000000000000000000000000000000000000007");
        assertThat(EthAddress.ZERO.toBytes()).containsOnly((byte) 0);
    }
}
