package io.velocity.sim;

import io.velocity.config.AppConfig;
import io.velocity.config.SimConfig;
import io.velocity.config.schema.FieldSpec;
import io.velocity.config.schema.RecordBinder;
import io.velocity.core.ConfigException;
import io.velocity.core.Sensitive;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimConfigTest {
    @Test
    void everySimulatorSettingIsDocumented() {
        List<FieldSpec> sim = RecordBinder.describe(AppConfig.class).stream().filter(f -> f.path().startsWith("sim.")).toList();
        assertThat(sim).hasSizeGreaterThan(50).allMatch(f -> !f.doc().isBlank());
        for (Class<?> nested : List.of(SimConfig.Asset.class, SimConfig.Account.class)) {
            for (RecordComponent rc : nested.getRecordComponents()) {
                assertThat(rc.getAnnotation(io.velocity.config.schema.Doc.class)).as(nested.getSimpleName() + "." + rc.getName()).isNotNull();
            }
        }
    }

    @Test
    void theShippedDefaultsDescribeFourAssetsOnRealWindows() {
        SimConfig sim = SimFixture.config("sim.timeCompression=1").sim();
        assertThat(sim.assets()).containsOnlyKeys("btc", "eth", "sol", "xrp");
        assertThat(sim.windows()).containsExactly("5m", "15m");
        assertThat(sim.ports().clobRest()).isZero();
    }

    @Test
    void aStepThatDoesNotDivideASecondIsRefused() {
        assertThatThrownBy(() -> SimFixture.config("sim.step=300ms")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("step must divide one second");
    }

    @Test
    void accountsNeverPrintTheirSecret() {
        SimConfig.Account a = new SimConfig.Account("key", "c2VjcmV0", "pass", "0x" + "11".repeat(20));
        assertThat(a.toString()).doesNotContain("c2VjcmV0").contains(Sensitive.REDACTED);
    }
}
