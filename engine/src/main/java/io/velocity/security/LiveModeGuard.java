package io.velocity.security;

import io.velocity.config.Mode;
import io.velocity.core.InputException;
import io.velocity.core.LockedException;

/**
 * Start-up rule: live trading signs real orders, so it refuses to start without an unlocked
 * keystore holding the wallet key. Paper and replay modes need no keystore at all.
 */
public final class LiveModeGuard {
    private LiveModeGuard() {
    }

    /**
     * Returns quietly unless {@code mode} is live and the keystore is missing, locked, or lacks
     * {@value SecretNames#POLYGON_PRIVATE_KEY}.
     *
     * @throws LockedException when live mode has no unlocked keystore (exit 3)
     * @throws InputException  when the keystore has no wallet key (exit 2)
     */
    public static void requireUnlockedForLive(Mode mode, Keystore keystore) {
        if (mode != Mode.LIVE) {
            return;
        }
        if (keystore == null || !keystore.isOpen()) {
            throw new LockedException("live mode needs an unlocked keystore: enter its password in the desktop, or run"
                    + " headless with --password-stdin (create one with './velocity keytool init'); paper mode needs none");
        }
        if (keystore.find(SecretNames.POLYGON_PRIVATE_KEY).isEmpty()) {
            throw new InputException("live mode needs the wallet key '" + SecretNames.POLYGON_PRIVATE_KEY + "' in "
                    + keystore.source() + " (add it with './velocity keytool set " + SecretNames.POLYGON_PRIVATE_KEY + "')");
        }
    }
}
