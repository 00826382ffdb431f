package io.velocity.execution.clob;

import io.velocity.app.Bootstrap;
import io.velocity.app.CliArgs;
import io.velocity.app.ErrorReporter;
import io.velocity.config.AppConfig;
import io.velocity.core.Clock;
import io.velocity.core.ExitCode;
import io.velocity.core.InputException;
import io.velocity.core.VenueException;
import io.velocity.execution.signing.Secp256k1Signer;
import io.velocity.security.KdfParams;
import io.velocity.security.Keystore;
import io.velocity.security.KeystoreFile;
import io.velocity.security.PasswordInput;
import io.velocity.security.SecretNames;
import io.velocity.security.SecretPrompt;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code ./velocity tools clob-api-key [--create] [--nonce N] [--keystore FILE] [--password-stdin]}:
 * proves control of the keystore's wallet ({@code polygon-private-key}) with an L1 ClobAuth
 * signature, derives its CLOB API credentials ({@code GET /auth/derive-api-key}; a new set with
 * {@code --create}, or when the venue has none yet) and stores them in the keystore as
 * {@code clob-api-key}, {@code clob-api-secret} and {@code clob-api-passphrase}. The values are
 * never printed. Exit codes as keytool: 2 bad input, 3 wrong password, 1 venue unreachable.
 */
public final class ClobKeyCommand {
    static final String PROGRAM = "velocity tools clob-api-key";
    private static final Set<String> VALUED;
    private static final Set<String> FLAGS = Set.of("create", "password-stdin");

    static {
        Set<String> v = new HashSet<>(Bootstrap.CONFIG_OPTIONS);
        v.addAll(Set.of("keystore", "nonce"));
        VALUED = Set.copyOf(v);
    }

    private ClobKeyCommand() {
    }

    /** Runs the command; {@code prompt} reads the password without echo when not on stdin. */
    public static int run(String[] argv, Map<String, String> env, InputStream in, PrintStream out, PrintStream err,
                          SecretPrompt prompt) {
        char[] password = null;
        try {
            CliArgs args = CliArgs.parse(argv, VALUED, FLAGS);
            if (!args.positionals().isEmpty()) {
                throw new InputException("unexpected argument '" + args.positionals().get(0) + "'");
            }
            long nonce = nonce(args.get("nonce", "0"));
            AppConfig app = Bootstrap.loadConfig(args, env, Bootstrap.newHealthRegistry()).current().app();
            String explicit = args.get("keystore");
            KeystoreFile file = KeystoreFile.open(explicit != null ? Path.of(explicit) : KeystoreFile.configuredPath(app),
                    KdfParams.from(app.security()));
            if (!file.exists()) {
                throw new InputException("no keystore at " + file.path() + " (create one with './velocity keytool init')");
            }
            password = PasswordInput.read(args.flag("password-stdin"), in, prompt, "the keystore password",
                    "Keystore password for " + file.path() + ": ", "--password-stdin");
            ApiCredentials credentials;
            String wallet;
            try (Keystore keystore = file.unlock(password); Secp256k1Signer key = key(keystore);
                 ClobHttp http = new ClobHttp(URI.create(app.venues().clob().restUrl()), app.venues().clob().requestTimeout(),
                         null, Clock.SYSTEM, null)) {
                wallet = key.address().toChecksumHex();
                ApiKeyClient client = new ApiKeyClient(http, app.chain().chainId(), Clock.SYSTEM);
                ClobReply<ApiCredentials> reply = (args.flag("create") ? client.create(key, nonce)
                        : client.deriveOrCreate(key, nonce)).get(app.venues().clob().requestTimeout().toMillis() * 3,
                        TimeUnit.MILLISECONDS);
                if (!reply.ok()) {
                    throw new VenueException("the CLOB at " + app.venues().clob().restUrl() + " refused: " + reply.describe());
                }
                credentials = reply.value();
            }
            ApiKeyClient.store(file, password, credentials);
            out.println("stored " + SecretNames.CLOB_API_KEY + ", " + SecretNames.CLOB_API_SECRET + " and "
                    + SecretNames.CLOB_API_PASSPHRASE + " for wallet " + wallet + " (nonce " + nonce + ") in " + file.path());
            return ExitCode.OK.code();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ErrorReporter.report(PROGRAM, new VenueException("interrupted while waiting for the CLOB"), err);
        } catch (ExecutionException | TimeoutException e) {
            return ErrorReporter.report(PROGRAM, new VenueException("no answer from the CLOB: " + e.getMessage()), err);
        } catch (Exception e) {
            return ErrorReporter.report(PROGRAM, e, err);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static Secp256k1Signer key(Keystore keystore) {
        byte[] bytes = keystore.get(SecretNames.POLYGON_PRIVATE_KEY).copyBytes();
        try {
            return Secp256k1Signer.fromPrivateKey(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static long nonce(String text) {
        try {
            long n = Long.parseLong(text);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InputException("--nonce: must be a non-negative integer");
        }
    }
}
