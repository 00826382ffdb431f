package io.velocity.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(NoSecretsLogged.class)
class EthereumAddressTest {
    @Test
    void derivesTheKnownAddressOfTheWeb3TestVector() {
        assertThat(EthereumAddress.fromPrivateKey(Fixtures.privateKey())).isEqualTo(Fixtures.ADDRESS);
    }

    @Test
    void derivesTheAddressOfPrivateKeyOne() {
        byte[] one = new byte[32];
        one[31] = 1;
        assertThat(EthereumAddress.fromPrivateKey(one)).isEqualTo("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
    }

    @Test
    void writesTheEip55ChecksumOfTheSpecExamples() {
        for (String address : new String[]{"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
                "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"}) {
            assertThat(EthereumAddress.checksummed(HexFormat.of().parseHex(address.substring(2).toLowerCase())))
                    .isEqualTo(address);
        }
    }

    @Test
    void acceptsOnlyScalarsBetweenOneAndTheCurveOrder() {
        byte[] n = HexFormat.of().parseHex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
        byte[] nMinusOne = n.clone();
        nMinusOne[31]--;
        assertThat(EthereumAddress.isValidPrivateKey(new byte[32])).isFalse();
        assertThat(EthereumAddress.isValidPrivateKey(n)).isFalse();
        assertThat(EthereumAddress.isValidPrivateKey(nMinusOne)).isTrue();
        assertThat(EthereumAddress.isValidPrivateKey(new byte[33])).isFalse();
    }
}
