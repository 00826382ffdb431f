package io.velocity.execution.clob;

import io.velocity.core.Sensitive;
import io.velocity.execution.signing.EthAddress;
import io.velocity.execution.signing.L2Auth;
import io.velocity.security.Keystore;
import io.velocity.security.SecretNames;

import java.util.Arrays;
import java.util.Objects;

/**
 * CLOB L2 API credentials as L1 key creation or derivation returns them. Held as strings because
 * {@link L2Auth} takes them that way; the keystore copy (zeroable) is the one that persists. Never
 * printed.
 *
 * @param apiKey     the API key (the order's {@code owner})
 * @param secret     the base64 HMAC secret
 * @param passphrase the passphrase
 */
public record ApiCredentials(String apiKey, String secret, String passphrase) implements Sensitive {
    public ApiCredentials {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(passphrase, "passphrase");
    }

    /**
     * Reads {@code clob-api-key}, {@code clob-api-secret} and {@code clob-api-passphrase} from an
     * unlocked keystore.
     *
     * @throws io.velocity.core.InputException when an entry is missing (the message says how to add it)
     */
    public static ApiCredentials fromKeystore(Keystore keystore) {
        return new ApiCredentials(read(keystore, SecretNames.CLOB_API_KEY), read(keystore, SecretNames.CLOB_API_SECRET),
                read(keystore, SecretNames.CLOB_API_PASSPHRASE));
    }

    private static String read(Keystore keystore, String name) {
        char[] chars = keystore.get(name).copyChars();
        try {
            return new String(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** L2 authentication for {@code address} with these credentials. */
    public L2Auth l2(EthAddress address) {
        return new L2Auth(address, apiKey, secret, passphrase);
    }

    @Override
    public String toString() {
        return "ApiCredentials[" + REDACTED + "]";
    }
}
