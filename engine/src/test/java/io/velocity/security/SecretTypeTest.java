package io.velocity.security;

import io.velocity.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(NoSecretsLogged.class)
class SecretTypeTest {
    @Test
    void aPrivateKeyIsTypedAsHexWithOrWithoutPrefixAndSurroundingSpace() {
        byte[] expected = Fixtures.privateKey();
        assertThat(SecretType.PRIVATE_KEY.parse("k", Fixtures.PRIVATE_KEY_HEX.toCharArray())).isEqualTo(expected);
        assertThat(SecretType.PRIVATE_KEY.parse("k", ("0x" + Fixtures.PRIVATE_KEY_HEX.toUpperCase()).toCharArray())).isEqualTo(expected);
        assertThat(SecretType.PRIVATE_KEY.parse("k", (" 0X" + Fixtures.PRIVATE_KEY_HEX + " ").toCharArray())).isEqualTo(expected);
    }

    @Test
    void aMalformedPrivateKeyIsRefusedWithoutEchoingIt() {
        String typo = Fixtures.PRIVATE_KEY_HEX.substring(0, 63) + "g";
        assertThatThrownBy(() -> SecretType.PRIVATE_KEY.parse("polygon-private-key", typo.toCharArray()))
                .isInstanceOf(InputException.class).hasMessageContaining("only hex digits")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(typo.substring(0, 20)));
        assertThatThrownBy(() -> SecretType.PRIVATE_KEY.parse("polygon-private-key", Fixtures.PRIVATE_KEY_HEX.substring(2).toCharArray()))
                .isInstanceOf(InputException.class).hasMessageContaining("64 hex digits").hasMessageContaining("got 62 characters");
    }

    @Test
    void textSecretsAreStoredAsUtf8AndMustBeCleanText() {
        assertThat(SecretType.API_PASSPHRASE.parse("p", "pässwörd-Ω".toCharArray())).isEqualTo(Fixtures.utf8("pässwörd-Ω"));
        assertThatThrownBy(() -> SecretType.API_KEY.parse("k", new char[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> SecretType.API_KEY.parse("k", " padded".toCharArray())).hasMessageContaining("space");
        assertThatThrownBy(() -> SecretType.API_KEY.parse("k", "tab\there".toCharArray())).hasMessageContaining("control character");
        assertThatThrownBy(() -> SecretType.API_KEY.parse("k", new char[]{'a', '\uD800'})).hasMessageContaining("not valid text");
        assertThatThrownBy(() -> SecretType.PLAIN_SECRET.validate("k", new byte[]{(byte) 0xC3})).hasMessageContaining("UTF-8");
    }

    @Test
    void wellKnownNamesFixTheirTypeAndOthersDefaultSensibly() {
        assertThat(SecretNames.resolveType("polygon-private-key", null)).isEqualTo(SecretType.PRIVATE_KEY);
        assertThat(SecretNames.resolveType("clob-api-secret", null)).isEqualTo(SecretType.API_SECRET);
        assertThat(SecretNames.resolveType("rpc-url-alchemy", null)).isEqualTo(SecretType.PLAIN_SECRET);
        assertThat(SecretNames.resolveType("backup-private-key", null)).isEqualTo(SecretType.PRIVATE_KEY);
        assertThat(SecretNames.resolveType("telegram-token", SecretType.API_KEY)).isEqualTo(SecretType.API_KEY);
        assertThat(SecretNames.resolveType("telegram-token", null)).isEqualTo(SecretType.PLAIN_SECRET);
        assertThatThrownBy(() -> SecretNames.resolveType("clob-api-key", SecretType.PLAIN_SECRET))
                .hasMessage("'clob-api-key' is always of type api-key, not secret");
    }

    @Test
    void namesAreShortLowerCaseWords() {
        SecretNames.validate("a");
        SecretNames.validate("rpc-url-node_2.backup");
        for (String bad : new String[]{"", "-lead", "Upper", "has space", "x".repeat(65), "slash/name"}) {
            assertThatThrownBy(() -> SecretNames.validate(bad)).as(bad).isInstanceOf(InputException.class);
        }
    }

    @Test
    void typeLabelsRoundTripAndUnknownLabelsListTheChoices() {
        for (SecretType t : SecretType.values()) {
            assertThat(SecretType.fromLabel(t.label())).isEqualTo(t);
            assertThat(SecretType.fromCode(t.code())).isEqualTo(t);
        }
        assertThatThrownBy(() -> SecretType.fromLabel("password"))
                .hasMessage("unknown secret type 'password' (one of private-key, api-key, api-secret, api-passphrase, secret)");
    }
}
