package io.velocity.telemetry;

import io.velocity.core.Sensitive;

import java.util.Arrays;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Last line of defence for secrets in logs: the keystore registers the printable forms of every
 * unlocked secret here, and the log encoders pass every message and stack trace through
 * {@link #scrub}, so a secret that reaches a log line by accident is replaced before it is
 * written. Registrations are removed (and the registry's copies zeroed) on lock.
 *
 * <p>Values shorter than {@link #MIN_LENGTH} are ignored: scrubbing them would mangle ordinary
 * text while protecting nothing of value.
 */
public final class SecretRedactor {
    /** Shortest value worth scrubbing. */
    public static final int MIN_LENGTH = 8;

    private static final CopyOnWriteArrayList<Registration> REGISTERED = new CopyOnWriteArrayList<>();

    private SecretRedactor() {
    }

    /**
     * Registers a secret's printable form. The array is copied; close the returned registration
     * to forget and zero the copy.
     */
    public static Registration register(char[] printable) {
        Registration r = new Registration(Arrays.copyOf(printable, printable.length));
        if (printable.length >= MIN_LENGTH) {
            REGISTERED.add(r);
        }
        return r;
    }

    /** True when at least one secret is registered (lets encoders skip the scan). */
    public static boolean active() {
        return !REGISTERED.isEmpty();
    }

    /** Returns {@code text} with every registered secret replaced by {@link Sensitive#REDACTED}. */
    public static String scrub(String text) {
        if (text == null || REGISTERED.isEmpty()) {
            return text;
        }
        String out = text;
        for (Registration r : REGISTERED) {
            out = r.replaceIn(out);
        }
        return out;
    }

    /** A registered secret; closing removes it and zeroes the copy. */
    public static final class Registration implements AutoCloseable {
        private final char[] value;

        private Registration(char[] value) {
            this.value = value;
        }

        private String replaceIn(String text) {
            int n = value.length;
            if (n == 0 || text.length() < n) {
                return text;
            }
            StringBuilder sb = null;
            int from = 0;
            int i = 0;
            while (i <= text.length() - n) {
                if (regionMatches(text, i)) {
                    if (sb == null) {
                        sb = new StringBuilder(text.length());
                    }
                    sb.append(text, from, i).append(Sensitive.REDACTED);
                    i += n;
                    from = i;
                } else {
                    i++;
                }
            }
            if (sb == null) {
                return text;
            }
            return sb.append(text, from, text.length()).toString();
        }

        private boolean regionMatches(String text, int at) {
            for (int k = 0; k < value.length; k++) {
                if (Character.toLowerCase(text.charAt(at + k)) != Character.toLowerCase(value[k])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void close() {
            REGISTERED.remove(this);
            Arrays.fill(value, '\0');
        }

        @Override
        public String toString() {
            return "SecretRedactor.Registration[" + Sensitive.REDACTED + "]";
        }
    }
}
