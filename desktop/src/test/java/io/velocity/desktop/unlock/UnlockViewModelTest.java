package io.velocity.desktop.unlock;

import io.velocity.core.ManualClock;
import io.velocity.desktop.session.KeystoreFileGate;
import io.velocity.security.KdfParams;
import io.velocity.security.KeystoreFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the real keystore file with cheap Argon2 settings. */
class UnlockViewModelTest {
    private static final KdfParams FAST = new KdfParams(1024, 1, 1);

    @TempDir
    Path dir;

    private KeystoreFileGate gate() {
        return new KeystoreFileGate(KeystoreFile.open(dir.resolve("secrets.enc"), FAST));
    }

    @Test
    void wrongPasswordsGetOneVagueMessageAndSlowDownAfterTwo() {
        KeystoreFileGate gate = gate();
        gate.create("hunter22!".toCharArray());
        ManualClock clock = new ManualClock(1_000_000);
        UnlockViewModel vm = new UnlockViewModel(gate, clock);
        for (int i = 0; i < 2; i++) {
            UnlockViewModel.Result r = vm.unlock("wrong-one".toCharArray());
            vm.onResult(r);
            assertThat(r.wrongPassword()).isTrue();
            assertThat(vm.errorProperty().get()).isEqualTo(UnlockViewModel.WRONG_PASSWORD);
            assertThat(vm.waitMillis()).isZero();
        }
        vm.onResult(vm.unlock("wrong-two".toCharArray()));
        assertThat(vm.waitMillis()).isEqualTo(2_000);
        assertThat(vm.errorProperty().get()).isEqualTo(UnlockViewModel.WRONG_PASSWORD + " Try again in 2 s.");
        UnlockViewModel.Result early = vm.unlock("hunter22!".toCharArray());
        assertThat(early.keystore()).isNull();
        clock.advanceMillis(2_000);
        vm.onResult(vm.unlock("wrong-three".toCharArray()));
        assertThat(vm.waitMillis()).isEqualTo(4_000);
        clock.advanceMillis(4_000);
        UnlockViewModel.Result ok = vm.unlock("hunter22!".toCharArray());
        vm.onResult(ok);
        assertThat(ok.keystore()).isNotNull();
        assertThat(vm.errorProperty().get()).isEmpty();
        ok.keystore().close();
    }

    @Test
    void passwordArraysAreZeroedAfterEveryAttempt() {
        KeystoreFileGate gate = gate();
        gate.create("hunter22!".toCharArray());
        UnlockViewModel vm = new UnlockViewModel(gate, new ManualClock(0));
        char[] wrong = "not-it-at-all".toCharArray();
        vm.unlock(wrong);
        assertThat(new String(wrong)).isEqualTo("\0".repeat(wrong.length));
        char[] right = "hunter22!".toCharArray();
        vm.unlock(right).keystore().close();
        assertThat(new String(right)).isEqualTo("\0".repeat(right.length));
    }

    @Test
    void creatingNeedsALongEnoughPasswordTypedTwice() {
        KeystoreFileGate gate = gate();
        UnlockViewModel vm = new UnlockViewModel(gate, new ManualClock(0));
        assertThat(vm.createModeProperty().get()).isTrue();
        assertThat(vm.create("short".toCharArray(), "short".toCharArray())).contains("at least 8");
        assertThat(vm.create("hunter22!".toCharArray(), "hunter23!".toCharArray())).isEqualTo("The two passwords differ.");
        assertThat(gate.exists()).isFalse();
        String problem = vm.create("hunter22!".toCharArray(), "hunter22!".toCharArray());
        vm.onCreated(problem);
        assertThat(problem).isNull();
        assertThat(gate.exists()).isTrue();
        assertThat(vm.createModeProperty().get()).isFalse();
    }

    @Test
    void aKeystoreThatIsNotThereCannotBeUnlocked() {
        UnlockViewModel vm = new UnlockViewModel(gate(), new ManualClock(0));
        UnlockViewModel.Result r = vm.unlock("hunter22!".toCharArray());
        assertThat(r.keystore()).isNull();
        assertThat(r.wrongPassword()).isFalse();
        assertThat(r.message()).isNotBlank();
    }
}
