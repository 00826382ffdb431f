package io.velocity.desktop.export;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {
    @Test
    void quotesOnlyWhatNeedsQuotingWithCrlfLineEnds() {
        assertThat(Csv.format(List.of(List.of("a", "b,c", "say \"hi\""), List.of("1", "", "x\ny"))))
                .isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\"\r\n1,,\"x\ny\"\r\n");
    }
}
