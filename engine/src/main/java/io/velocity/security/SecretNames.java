package io.velocity.security;

import io.velocity.core.InputException;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Entry names: lower-case, 1 to 64 characters of {@code [a-z0-9._-]}, starting with a letter or
 * digit. The well-known names below are the ones Velocity itself reads; each has a fixed type.
 */
public final class SecretNames {
    /** The Polygon wallet key that signs orders and transactions. */
    public static final String POLYGON_PRIVATE_KEY = "polygon-private-key";
    /** Polymarket CLOB L2 credentials. */
    public static final String CLOB_API_KEY = "clob-api-key";
    public static final String CLOB_API_SECRET = "clob-api-secret";
    public static final String CLOB_API_PASSPHRASE = "clob-api-passphrase";
    /** Allora Network API key. */
    public static final String ALLORA_API_KEY = "allora-api-key";
    /** PostgreSQL password for an external database. */
    public static final String POSTGRES_PASSWORD = "postgres-password";
    /** Prefix of RPC URLs that embed a provider key, e.g. {@code rpc-url-alchemy}. */
    public static final String RPC_URL_PREFIX = "rpc-url-";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private static final Map<String, SecretType> WELL_KNOWN = Map.of(
            POLYGON_PRIVATE_KEY, SecretType.PRIVATE_KEY,
            CLOB_API_KEY, SecretType.API_KEY,
            CLOB_API_SECRET, SecretType.API_SECRET,
            CLOB_API_PASSPHRASE, SecretType.API_PASSPHRASE,
            ALLORA_API_KEY, SecretType.API_KEY,
            POSTGRES_PASSWORD, SecretType.PLAIN_SECRET);

    private SecretNames() {
    }

    /** @throws InputException when {@code name} is not a valid entry name */
    public static void validate(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InputException("invalid entry name '" + name
                    + "': use 1-64 characters a-z, 0-9, '.', '_', '-', starting with a letter or digit");
        }
    }

    /** The type a well-known name must have, if it is one. */
    public static Optional<SecretType> requiredType(String name) {
        if (name.startsWith(RPC_URL_PREFIX)) {
            return Optional.of(SecretType.PLAIN_SECRET);
        }
        return Optional.ofNullable(WELL_KNOWN.get(name));
    }

    /**
     * The type for {@code name} given an optional explicit choice: well-known names fix it (an
     * explicit different type is an error), names ending in {@code -private-key} default to a
     * private key, anything else to a plain secret.
     */
    public static SecretType resolveType(String name, SecretType explicit) {
        validate(name);
        Optional<SecretType> required = requiredType(name);
        if (required.isPresent()) {
            if (explicit != null && explicit != required.get()) {
                throw new InputException("'" + name + "' is always of type " + required.get().label()
                        + ", not " + explicit.label());
            }
            return required.get();
        }
        if (explicit != null) {
            return explicit;
        }
        return name.endsWith("-private-key") ? SecretType.PRIVATE_KEY : SecretType.PLAIN_SECRET;
    }
}
