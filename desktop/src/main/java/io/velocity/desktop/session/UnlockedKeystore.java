package io.velocity.desktop.session;

import io.velocity.core.Sensitive;

/**
 * An open keystore handed to the session. Secrets stay inside; {@link #close} zeroes them.
 * {@code toString} never shows secret material.
 */
public interface UnlockedKeystore extends AutoCloseable, Sensitive {

    /** One line for the status bar, without secrets (e.g. "3 entries · wallet 0x12ab…9f"). */
    String summary();

    /** Locks the keystore and zeroes the secrets. */
    @Override
    void close();
}
