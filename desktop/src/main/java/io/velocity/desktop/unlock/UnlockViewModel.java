package io.velocity.desktop.unlock;

import io.velocity.core.Clock;
import io.velocity.core.IntegrityException;
import io.velocity.core.LockedException;
import io.velocity.desktop.session.KeystoreGate;
import io.velocity.desktop.session.UnlockedKeystore;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Arrays;

/**
 * The unlock dialog's rules. A wrong password gets one message that never says which part
 * failed; retries are rate-limited (the first two at once, then 2 s, 4 s, … up to a minute);
 * creating a keystore needs a long enough password typed twice. Passwords arrive as char arrays
 * that this class zeroes after use; they never become Strings.
 */
public final class UnlockViewModel {
    /** Shown for any wrong password or unreadable keystore; deliberately says no more. */
    public static final String WRONG_PASSWORD = "Wrong password or corrupted keystore.";
    static final int FREE_ATTEMPTS = 2;
    static final long MAX_DELAY_MILLIS = 60_000;

    private final KeystoreGate gate;
    private final Clock clock;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper createMode;
    private int failures;
    private long lockedUntilMillis;

    public UnlockViewModel(KeystoreGate gate, Clock clock) {
        this.gate = gate;
        this.clock = clock;
        this.createMode = new ReadOnlyBooleanWrapper(!gate.exists());
    }

    /** Milliseconds until the next attempt is allowed (0 when allowed now). */
    public long waitMillis() {
        return Math.max(0, lockedUntilMillis - clock.epochMillis());
    }

    /**
     * Tries the password (slow: run off the FX thread). Zeroes {@code password}.
     *
     * @return the open keystore, or null when refused (see {@link #errorProperty()})
     */
    public Result unlock(char[] password) {
        try {
            if (waitMillis() > 0) {
                return Result.refused(retryText());
            }
            if (password.length == 0) {
                return Result.refused("Enter the keystore password.");
            }
            UnlockedKeystore ks = gate.unlock(password);
            return Result.ok(ks);
        } catch (LockedException e) {
            return Result.wrong();
        } catch (IntegrityException e) {
            return Result.refused("The keystore file is damaged and cannot be opened safely: " + e.getMessage());
        } catch (io.velocity.core.VelocityException e) {
            return Result.refused(e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Creates a keystore (slow: off the FX thread). Zeroes both arrays.
     *
     * @return null on success, else the reason
     */
    public String create(char[] password, char[] confirmation) {
        try {
            if (password.length < gate.minPasswordLength()) {
                return "Use at least " + gate.minPasswordLength() + " characters.";
            }
            if (!Arrays.equals(password, confirmation)) {
                return "The two passwords differ.";
            }
            gate.create(password);
            return null;
        } catch (io.velocity.core.VelocityException e) {
            return e.getMessage();
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(confirmation, '\0');
        }
    }

    /** Applies an unlock result (FX thread): counts failures and sets the rate limit. */
    public void onResult(Result r) {
        if (r.keystore() != null) {
            error.set("");
            failures = 0;
            return;
        }
        if (r.wrongPassword()) {
            failures++;
            if (failures > FREE_ATTEMPTS) {
                long delay = Math.min(MAX_DELAY_MILLIS, 1000L << Math.min(16, failures - FREE_ATTEMPTS));
                lockedUntilMillis = clock.epochMillis() + delay;
            }
            error.set(WRONG_PASSWORD + (waitMillis() > 0 ? " " + retryText() : ""));
        } else {
            error.set(r.message());
        }
    }

    /** A created keystore switches the dialog to unlocking it (FX thread). */
    public void onCreated(String problem) {
        if (problem == null) {
            createMode.set(false);
            error.set("");
        } else {
            error.set(problem);
        }
    }

    String retryText() {
        return "Try again in " + Math.max(1, (waitMillis() + 999) / 1000) + " s.";
    }

    /** Refreshes the countdown in the message (FX thread, once a second while locked). */
    public void tick() {
        if (error.get().startsWith(WRONG_PASSWORD)) {
            error.set(WRONG_PASSWORD + (waitMillis() > 0 ? " " + retryText() : ""));
        }
    }

    public KeystoreGate gate() {
        return gate;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty createModeProperty() {
        return createMode.getReadOnlyProperty();
    }

    /** Outcome of one attempt. */
    public record Result(UnlockedKeystore keystore, boolean wrongPassword, String message) {
        static Result ok(UnlockedKeystore k) {
            return new Result(k, false, "");
        }

        static Result wrong() {
            return new Result(null, true, WRONG_PASSWORD);
        }

        static Result refused(String why) {
            return new Result(null, false, why);
        }
    }
}
