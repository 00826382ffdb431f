package io.velocity.desktop.configeditor;

import io.velocity.config.ConfigFile;
import io.velocity.core.Clock;
import io.velocity.desktop.support.EngineFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** The form model against real files and the engine's validator, without the FX toolkit. */
class ConfigEditorViewModelTest {
    private final EngineFixture engine = new EngineFixture(Clock.SYSTEM, "risk.maxOrdersPerMinute=300");
    private ConfigEditorViewModel vm;

    @BeforeEach
    void load() {
        vm = new ConfigEditorViewModel(engine.config);
        vm.load(ConfigEditorViewModel.readRaw(engine.config));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void everySchemaLeafBecomesATypedFieldWithItsHelp() {
        FieldModel maxOrder = vm.field(ConfigFile.APP, "risk.maxOrderUsd");
        assertThat(maxOrder.spec().kind()).isEqualTo("money");
        assertThat(maxOrder.valueProperty().get()).isEqualTo("50");
        assertThat(FieldRow.help(maxOrder.spec(), SchemaRange.of(ConfigFile.APP.schema(), maxOrder.path())))
                .isEqualTo("Largest single order · more than 0 USD");
        assertThat(vm.field(ConfigFile.APP, "mode").spec().choices()).contains("paper", "live");
        assertThat(vm.field(ConfigFile.STRATEGIES, "ladder.levels").fullPath()).isEqualTo("strategy.ladder.levels");
        assertThat(vm.sections(ConfigFile.STRATEGIES)).containsExactly("", "ladder");
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void showsWhenAnOverrideRunsInsteadOfTheFileValue() {
        FieldModel f = vm.field(ConfigFile.APP, "risk.maxOrdersPerMinute");
        assertThat(f.original()).isEqualTo("120");
        assertThat(f.effective()).isEqualTo("300");
        assertThat(f.overridden()).isTrue();
    }

    @Test
    void theEnginesValidatorNamesTheFieldAndNothingIsWritten() throws Exception {
        String before = Files.readString(engine.configDir.resolve("strategies.json"));
        vm.field(ConfigFile.STRATEGIES, "ladder.levels").valueProperty().set("11");
        vm.field(ConfigFile.STRATEGIES, "kellyFraction").valueProperty().set("lots");
        var v = vm.validateNow();
        assertThat(v.ok()).isFalse();
        assertThat(vm.field(ConfigFile.STRATEGIES, "ladder.levels").errorProperty().get()).isEqualTo("must be <= 10, was 11");
        assertThat(vm.field(ConfigFile.STRATEGIES, "kellyFraction").errorProperty().get()).startsWith("must be a number");
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(Files.readString(engine.configDir.resolve("strategies.json"))).isEqualTo(before);
    }

    @Test
    void aRuleAcrossFieldsIsShownOnTheEditedOne() {
        vm.field(ConfigFile.APP, "feedHealth.binance.frozenAfter").valueProperty().set("1s");
        vm.validateNow();
        assertThat(vm.field(ConfigFile.APP, "feedHealth.binance.frozenAfter").errorProperty().get())
                .contains("frozenAfter must be >= staleAfter");
        assertThat(vm.field(ConfigFile.APP, "feedHealth.binance.staleAfter").errorProperty().get()).isEmpty();
    }

    @Test
    void listsAreEditedAsJsonAndJudgedByTheValidator() {
        FieldModel assets = vm.field(ConfigFile.APP, "markets.assets");
        assertThat(assets.valueProperty().get()).isEqualTo("[\"btc\",\"eth\",\"sol\",\"xrp\"]");
        assets.valueProperty().set("[btc");
        vm.validateNow();
        assertThat(assets.errorProperty().get()).startsWith("must be a list");
        assets.valueProperty().set("[\"btc\", \"eth\"]");
        assertThat(vm.validateNow().ok()).isTrue();
    }

    @Test
    void savingWritesOnlyTheEditsAndReportsWhenTheEngineRunsThem() throws Exception {
        String appBefore = Files.readString(engine.configDir.resolve("config.json"));
        vm.field(ConfigFile.STRATEGIES, "kellyFraction").valueProperty().set("0.2");
        assertThat(vm.changes()).containsExactly(new ConfigEditorViewModel.Change("strategies.json", "kellyFraction", "0.25", "0.2"));
        assertThat(vm.validateNow().ok()).isTrue();
        var saved = ConfigEditorViewModel.save(engine.backend, vm.raw(), vm.edits(), "test");
        vm.saved(saved, ConfigEditorViewModel.readRaw(engine.config));
        assertThat(saved.strategy().kellyFraction()).isEqualTo(0.2);
        // The --set override stays an override: the untouched file is not rewritten with it.
        assertThat(Files.readString(engine.configDir.resolve("config.json"))).isEqualTo(appBefore);
        assertThat(vm.statusProperty().get()).contains("waiting for the engine");
        vm.onEngineGeneration(saved.generation(), 1_000);
        assertThat(vm.statusKindProperty().get()).isEqualTo("applied");
        assertThat(vm.dirtyProperty().get()).isFalse();
    }
}
