package io.velocity.config;

import io.velocity.config.schema.FieldSpec;
import io.velocity.config.schema.RecordBinder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecordBinderTest {
    @Test
    void parsesHumanDurations() {
        assertThat(RecordBinder.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(RecordBinder.parseDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(RecordBinder.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(RecordBinder.parseDuration("23h")).isEqualTo(Duration.ofHours(23));
        assertThat(RecordBinder.parseDuration("PT2S")).isEqualTo(Duration.ofSeconds(2));
        assertThat(RecordBinder.parseDuration("fast")).isNull();
        assertThat(RecordBinder.parseDuration("0.0001ms")).isNull();
    }

    @Test
    void describesEveryLeafWithDocsAndBoundsForTheEditor() {
        List<FieldSpec> fields = RecordBinder.describe(AppConfig.class);
        FieldSpec maxOrder = fields.stream().filter(f -> f.path().equals("risk.maxOrderUsd")).findFirst().orElseThrow();
        assertThat(maxOrder.kind()).isEqualTo("money");
        assertThat(maxOrder.unit()).isEqualTo("USD");
        assertThat(maxOrder.min()).isEqualTo(0.0);
        assertThat(maxOrder.doc()).isNotBlank();
        FieldSpec mode = fields.stream().filter(f -> f.path().equals("mode")).findFirst().orElseThrow();
        assertThat(mode.choices()).containsExactly("paper", "live", "replay");
        assertThat(fields).extracting(FieldSpec::path).doesNotHaveDuplicates().contains("venues.clob.restUrl", "chain.contracts.exchange");
    }
}
