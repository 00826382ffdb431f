package io.velocity.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/** Secret values and helpers shared by the keystore tests. Every value is unique so a leak is easy to find. */
final class Fixtures {
    /** Cheap Argon2 parameters so the suite stays fast; one test uses the real defaults. */
    static final KdfParams CHEAP = new KdfParams(KdfParams.MIN_MEMORY_KIB, 1, 1);

    static final String PASSWORD = "correct horse battery staple";
    /** The well-known test vector (web3 documentation): this key controls the address below. */
    static final String PRIVATE_KEY_HEX = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    static final String ADDRESS = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23";
    static final String CLOB_KEY = "a1b2c3d4-0000-4e5f-9a8b-c0ffee123456";
    static final String CLOB_SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==";
    static final String CLOB_PASSPHRASE = "passphrase-7f3e9a1c5b";
    static final String ALLORA_KEY = "UP-8d7e6f5a4b3c2d1e0f";
    static final String RPC_URL = "https://polygon-mainnet.example.com/v2/alchemyKey123456";
    static final String PG_PASSWORD = "pg-S3cret-Pass!";

    /** Every secret value used, in every printable form a leak could take. */
    static final List<String> SECRET_FORMS = List.of(PASSWORD, PRIVATE_KEY_HEX, PRIVATE_KEY_HEX.toUpperCase(),
            CLOB_KEY, CLOB_SECRET, CLOB_PASSPHRASE, ALLORA_KEY, RPC_URL, "alchemyKey123456", PG_PASSWORD);

    private Fixtures() {
    }

    static char[] password() {
        return PASSWORD.toCharArray();
    }

    static byte[] privateKey() {
        return HexFormat.of().parseHex(PRIVATE_KEY_HEX);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A new empty keystore with cheap KDF parameters. */
    static KeystoreFile newKeystore(Path dir) {
        KeystoreFile f = KeystoreFile.open(dir.resolve("secrets.enc"), CHEAP);
        f.create(password(), false);
        return f;
    }

    /** A keystore holding one entry of every type (and every well-known name). */
    static KeystoreFile fullKeystore(Path dir) {
        KeystoreFile f = newKeystore(dir);
        char[] pw = password();
        f.put(pw, SecretNames.POLYGON_PRIVATE_KEY, SecretType.PRIVATE_KEY, privateKey());
        f.put(pw, SecretNames.CLOB_API_KEY, SecretType.API_KEY, utf8(CLOB_KEY));
        f.put(pw, SecretNames.CLOB_API_SECRET, SecretType.API_SECRET, utf8(CLOB_SECRET));
        f.put(pw, SecretNames.CLOB_API_PASSPHRASE, SecretType.API_PASSPHRASE, utf8(CLOB_PASSPHRASE));
        f.put(pw, SecretNames.ALLORA_API_KEY, SecretType.API_KEY, utf8(ALLORA_KEY));
        f.put(pw, "rpc-url-alchemy", SecretType.PLAIN_SECRET, utf8(RPC_URL));
        f.put(pw, SecretNames.POSTGRES_PASSWORD, SecretType.PLAIN_SECRET, utf8(PG_PASSWORD));
        return f;
    }

    /** Copies the shipped config files into {@code dir}. */
    static Path configDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String f : new String[]{"config.json", "strategies.json"}) {
            try (InputStream in = Fixtures.class.getResourceAsStream("/io/velocity/config/defaults/" + f)) {
                Files.copy(in, dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }
}
