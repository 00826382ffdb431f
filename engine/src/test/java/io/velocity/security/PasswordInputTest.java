package io.velocity.security;

import io.velocity.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(NoSecretsLogged.class)
class PasswordInputTest {
    private static InputStream stdin(String s) {
        return new ByteArrayInputStream(Fixtures.utf8(s));
    }

    @Test
    void readsOneLineAtATimeWithoutItsTerminator() {
        InputStream in = stdin("first pässword\r\nsecond\nlast-without-newline");
        assertThat(PasswordInput.readLine(in, "x")).isEqualTo("first pässword".toCharArray());
        assertThat(PasswordInput.readLine(in, "x")).isEqualTo("second".toCharArray());
        assertThat(PasswordInput.readLine(in, "x")).isEqualTo("last-without-newline".toCharArray());
        assertThat(PasswordInput.readLine(in, "x")).isNull();
    }

    @Test
    void anEmptyLineIsEmptyNotTheEnd() {
        InputStream in = stdin("\n");
        assertThat(PasswordInput.readLine(in, "x")).isEmpty();
        assertThat(PasswordInput.readLine(in, "x")).isNull();
    }

    @Test
    void longLinesGrowTheBufferUpToTheLimit() {
        String longLine = "k".repeat(5000);
        assertThat(PasswordInput.readLine(stdin(longLine + "\n"), "x")).hasSize(5000);
        assertThatThrownBy(() -> PasswordInput.readLine(stdin("k".repeat(PasswordInput.MAX_LINE_BYTES + 1)), "the value"))
                .isInstanceOf(InputException.class).hasMessageContaining("the value on standard input is longer than");
    }

    @Test
    void withoutAConsoleTheErrorNamesTheStdinOption() {
        assertThatThrownBy(() -> PasswordInput.read(false, stdin(""), null, "the keystore password", "p: ", "--password-stdin"))
                .isInstanceOf(InputException.class)
                .hasMessage("no console to read the keystore password from; pass it on standard input with --password-stdin");
        assertThatThrownBy(() -> PasswordInput.read(true, stdin(""), null, "the keystore password", "p: ", "--password-stdin"))
                .hasMessage("standard input ended before the keystore password");
    }

    @Test
    void headlessUnlockReadsThePasswordFromStdin(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        KeystoreFile file = Fixtures.fullKeystore(dir);
        try (Keystore k = PasswordInput.unlock(file, true, stdin(Fixtures.PASSWORD + "\n"), null)) {
            assertThat(k.address()).contains(Fixtures.ADDRESS);
        }
        try (Keystore k = PasswordInput.unlock(file, false, stdin(""), prompt -> Fixtures.password())) {
            assertThat(k.size()).isEqualTo(7);
        }
    }
}
