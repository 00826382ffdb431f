package io.velocity.security;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second process for {@link ConcurrentWritersTest}: prints {@code ready}, waits for the
 * password on stdin (the test sends it to both processes at once), then adds
 * {@code count} entries named {@code <prefix>-<i>} to the keystore, one write each.
 */
public final class ConcurrentSetMain {
    private ConcurrentSetMain() {
    }

    public static void main(String[] args) {
        // Keep stdout for the ready/done handshake.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.velocity")).setLevel(Level.WARN);
        KeystoreFile file = KeystoreFile.open(Path.of(args[0]), Fixtures.CHEAP);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        System.out.println("ready");
        System.out.flush();
        char[] password = PasswordInput.readLine(System.in, "the password");
        for (int i = 0; i < count; i++) {
            file.put(password, prefix + "-" + i, SecretType.PLAIN_SECRET, (prefix + " value " + i).getBytes(StandardCharsets.UTF_8));
        }
        System.out.println("done");
        System.exit(0);
    }
}
