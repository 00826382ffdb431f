package io.velocity.security;

import io.velocity.core.InputException;
import io.velocity.core.StorageException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads passwords and secret values for the command line and headless mode: without echo from
 * the console, or one line at a time from standard input for scripts ({@code --password-stdin},
 * {@code --value-stdin}). Lines are read byte by byte straight into arrays that are zeroed, never
 * through a {@code BufferedReader} or a {@link String}, so no unzeroable copy is left behind
 * (beyond the operating system's and {@code System.in}'s own buffers).
 */
public final class PasswordInput {
    /** Longest line accepted from standard input. */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    private PasswordInput() {
    }

    /**
     * Reads one line (without its {@code \n} or {@code \r\n}) from {@code in} as characters.
     *
     * @return the line (the caller zeroes it), or null when the input ended before any byte
     */
    public static char[] readLine(InputStream in, String what) {
        byte[] buf = new byte[128];
        int n = 0;
        try {
            int b;
            boolean any = false;
            while ((b = in.read()) != -1) {
                any = true;
                if (b == '\n') {
                    break;
                }
                if (n == buf.length) {
                    if (n >= MAX_LINE_BYTES) {
                        throw new InputException(what + " on standard input is longer than " + MAX_LINE_BYTES + " bytes");
                    }
                    byte[] bigger = Arrays.copyOf(buf, n * 2);
                    SecretBytes.zero(buf);
                    buf = bigger;
                }
                buf[n++] = (byte) b;
            }
            if (!any) {
                return null;
            }
            if (n > 0 && buf[n - 1] == '\r') {
                n--;
            }
            byte[] line = Arrays.copyOf(buf, n);
            try {
                return SecretBytes.chars(line, what);
            } finally {
                SecretBytes.zero(line);
            }
        } catch (IOException e) {
            throw new StorageException("cannot read " + what + " from standard input: " + e.getMessage(), e);
        } finally {
            SecretBytes.zero(buf);
        }
    }

    /**
     * Reads a secret from standard input (one line) or, when {@code fromStdin} is false, from the
     * prompt without echo.
     *
     * @param stdinOption the option that selects standard input, named in the error when there is no console
     * @throws InputException when the input ends or there is no console to ask on
     */
    public static char[] read(boolean fromStdin, InputStream in, SecretPrompt prompt, String what, String promptText,
                              String stdinOption) {
        char[] value;
        if (fromStdin) {
            value = readLine(in, what);
            if (value == null) {
                throw new InputException("standard input ended before " + what);
            }
        } else {
            if (prompt == null) {
                throw new InputException("no console to read " + what + " from; pass it on standard input with " + stdinOption);
            }
            value = prompt.read(promptText);
            if (value == null) {
                throw new InputException("nothing entered for " + what);
            }
        }
        return value;
    }

    /**
     * Unlocks {@code file} for headless mode: the password comes from the first line of standard
     * input with {@code --password-stdin}, else from the console without echo. The password
     * array is zeroed before this returns.
     */
    public static Keystore unlock(KeystoreFile file, boolean passwordStdin, InputStream in, SecretPrompt prompt) {
        char[] password = read(passwordStdin, in, prompt, "the keystore password",
                "Keystore password for " + file.path() + ": ", "--password-stdin");
        try {
            return file.unlock(password);
        } finally {
            SecretBytes.zero(password);
        }
    }
}
