package io.velocity.security;

import io.velocity.config.Mode;
import io.velocity.core.InputException;
import io.velocity.core.LockedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(NoSecretsLogged.class)
class LiveModeGuardTest {
    @TempDir
    Path dir;

    @Test
    void paperAndReplayNeedNoKeystore() {
        assertThatCode(() -> LiveModeGuard.requireUnlockedForLive(Mode.PAPER, null)).doesNotThrowAnyException();
        assertThatCode(() -> LiveModeGuard.requireUnlockedForLive(Mode.REPLAY, null)).doesNotThrowAnyException();
    }

    @Test
    void liveRefusesToStartWithoutAnUnlockedKeystore() {
        assertThatThrownBy(() -> LiveModeGuard.requireUnlockedForLive(Mode.LIVE, null))
                .isInstanceOf(LockedException.class).hasMessageStartingWith("live mode needs an unlocked keystore");
        Keystore locked = Fixtures.fullKeystore(dir).unlock(Fixtures.password());
        locked.close();
        assertThatThrownBy(() -> LiveModeGuard.requireUnlockedForLive(Mode.LIVE, locked)).isInstanceOf(LockedException.class);
    }

    @Test
    void liveNeedsTheWalletKey() {
        try (Keystore empty = Fixtures.newKeystore(dir).unlock(Fixtures.password())) {
            assertThatThrownBy(() -> LiveModeGuard.requireUnlockedForLive(Mode.LIVE, empty))
                    .isInstanceOf(InputException.class).hasMessageContaining("'polygon-private-key'");
        }
    }

    @Test
    void liveStartsWithAnUnlockedKeystoreHoldingTheWalletKey() {
        try (Keystore k = Fixtures.fullKeystore(dir.resolve("full")).unlock(Fixtures.password())) {
            assertThatCode(() -> LiveModeGuard.requireUnlockedForLive(Mode.LIVE, k)).doesNotThrowAnyException();
        }
    }
}
