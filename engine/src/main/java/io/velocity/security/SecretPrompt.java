package io.velocity.security;

import java.io.Console;

/**
 * Asks a person for a secret without echoing it. The console implementation wraps
 * {@link Console#readPassword}; tests and GUIs supply their own.
 */
@FunctionalInterface
public interface SecretPrompt {
    /**
     * Shows {@code prompt} and reads one secret.
     *
     * @return the characters typed (the caller zeroes them), or null when input ended
     */
    char[] read(String prompt);

    /** A prompt on {@code console}, or null when there is no console (input or output redirected). */
    static SecretPrompt of(Console console) {
        return console == null ? null : prompt -> console.readPassword("%s", prompt);
    }
}
