package io.velocity.security;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every unlocked {@link Keystore} in this JVM, so one shutdown hook can lock (and zero) them all
 * however the process ends: normal exit, Ctrl-C or SIGTERM. (A SIGKILL or a crash skips hooks;
 * the operating system then reclaims the memory.)
 */
final class OpenKeystores {
    private static final Set<Keystore> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();
    private static final Thread HOOK = new Thread(OpenKeystores::lockAll, "keystore-lock-on-exit");

    private OpenKeystores() {
    }

    static void track(Keystore keystore) {
        if (HOOK_INSTALLED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(HOOK);
        }
        OPEN.add(keystore);
    }

    static void untrack(Keystore keystore) {
        OPEN.remove(keystore);
    }

    /** Locks every open keystore; what the shutdown hook runs. */
    static void lockAll() {
        for (Keystore k : OPEN) {
            k.close();
        }
    }

    /** The installed hook thread (tests run it directly). */
    static Thread hook() {
        return HOOK;
    }

    static int openCount() {
        return OPEN.size();
    }
}
