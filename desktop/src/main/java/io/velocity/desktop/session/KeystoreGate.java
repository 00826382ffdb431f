package io.velocity.desktop.session;

import java.nio.file.Path;

/**
 * The encrypted keystore as the unlock dialog sees it. Implementations run the key derivation
 * (slow by design): call {@link #unlock} and {@link #create} off the FX thread.
 */
public interface KeystoreGate {

    /** The keystore file. */
    Path path();

    /** True when the file exists (otherwise the dialog offers to create one). */
    boolean exists();

    /** Shortest password {@link #create} accepts. */
    int minPasswordLength();

    /**
     * Opens the keystore. The password array is the caller's to zero.
     *
     * @throws io.velocity.core.LockedException    wrong password or corrupted keystore (deliberately not saying which)
     * @throws io.velocity.core.IntegrityException the file is damaged
     */
    UnlockedKeystore unlock(char[] password);

    /**
     * Creates an empty keystore protected by {@code password} (the keytool {@code init} logic).
     *
     * @throws io.velocity.core.InputException when one exists already or the password is too short
     */
    void create(char[] password);
}
