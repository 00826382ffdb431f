package io.velocity.desktop.session;

import io.velocity.config.ConfigFile;
import io.velocity.core.Clock;
import io.velocity.core.InputException;
import io.velocity.desktop.support.EngineFixture;
import io.velocity.risk.HaltLayer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineBackendTest {
    private final EngineFixture engine = new EngineFixture(Clock.SYSTEM);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void haltTakesEffectBeforeTheCallReturnsAndReachesTheSnapshot() {
        engine.backend.halt("test halt");
        assertThat(engine.backend.killSwitch().halted()).isTrue();
        assertThat(engine.killSwitch.isHalted()).isTrue();
        engine.awaitSnapshot(s -> s.killSwitch().halted());
    }

    @Test
    void releaseWithoutAReasonIsRefusedOnTheCallersThread() {
        engine.backend.halt("test halt");
        assertThatThrownBy(() -> engine.backend.release(null, "  ", "me")).isInstanceOf(InputException.class);
        engine.backend.release(HaltLayer.MANUAL, "checked", "me");
        engine.awaitSnapshot(s -> !s.killSwitch().halted());
    }

    @Test
    void fileEditsReachTheEngineAsANewGenerationWithTheirActor() throws Exception {
        var tree = ConfigTree.readFile(engine.config, ConfigFile.APP);
        ConfigTree.set(tree, "risk.maxOrdersPerMinute", com.fasterxml.jackson.databind.node.IntNode.valueOf(90));
        engine.backend.writeConfig(ConfigFile.APP, tree, "workstation:test");
        engine.awaitSnapshot(s -> s.configGeneration() == 2);
        assertThat(engine.backend.configHistory()).singleElement().satisfies(h -> {
            assertThat(h.actor()).isEqualTo("workstation:test");
            assertThat(h.changedPaths()).containsExactly("risk.maxOrdersPerMinute");
        });
        assertThat(Files.readString(engine.configDir.resolve("config.json"))).contains("\"maxOrdersPerMinute\" : 90");
    }
}
