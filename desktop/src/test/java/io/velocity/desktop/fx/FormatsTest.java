package io.velocity.desktop.fx;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {
    @Test
    void pricesReadInCentsAndProbabilitiesInPercent() {
        assertThat(Formats.cents(0.534)).isEqualTo("53.4¢");
        assertThat(Formats.centsE4(5_340)).isEqualTo("53.4¢");
        assertThat(Formats.percent(0.5321)).isEqualTo("53.2%");
        assertThat(Formats.bidAsk(0.52, 0.53)).isEqualTo("52.0 / 53.0");
        assertThat(Formats.bidAsk(Double.NaN, 0.53)).isEqualTo("– / 53.0");
    }

    @Test
    void edgesFeesAndEvAreSigned() {
        assertThat(Formats.signedCents(0.0312)).isEqualTo("+3.12¢");
        assertThat(Formats.signedCents(-0.005)).isEqualTo("-0.50¢");
        assertThat(Formats.feeCents(0.0087)).isEqualTo("0.87¢");
        assertThat(Formats.evPerDollar(0.041)).isEqualTo("+4.1%");
        assertThat(Formats.dfo(0.00042)).isEqualTo("+0.042%");
    }

    @Test
    void moneyInMicrosReadsAsDollars() {
        assertThat(Formats.usd(1_234_560_000L)).isEqualTo("$1,234.56");
        assertThat(Formats.usd(-12_000_000L)).isEqualTo("−$12.00");
        assertThat(Formats.signedUsd(3_200_000L)).isEqualTo("+$3.20");
        assertThat(Formats.signedUsd(0)).isEqualTo("$0.00");
        assertThat(Formats.shares(12_500_000L)).isEqualTo("12.50");
    }

    @Test
    void unknownValuesAreADashNeverNaN() {
        assertThat(Formats.cents(Double.NaN)).isEqualTo(Formats.NONE);
        assertThat(Formats.percent(Double.NaN)).isEqualTo(Formats.NONE);
        assertThat(Formats.price(Double.NaN)).isEqualTo(Formats.NONE);
        assertThat(Formats.latencyMicros(-1)).isEqualTo(Formats.NONE);
    }

    @Test
    void timesAndDurationsAreCompact() {
        assertThat(Formats.countdown(247)).isEqualTo("4:07");
        assertThat(Formats.countdown(3_723)).isEqualTo("1:02:03");
        assertThat(Formats.countdown(-5)).isEqualTo("0:00");
        assertThat(Formats.latencyMicros(850)).isEqualTo("850 µs");
        assertThat(Formats.latencyMicros(4_210)).isEqualTo("4.21 ms");
        assertThat(Formats.age(4_200)).isEqualTo("4.2 s");
        assertThat(Formats.price(97_123.44)).isEqualTo("97,123.4");
        assertThat(Formats.price(2.3151)).isEqualTo("2.3151");
        assertThat(Formats.iso(1_780_000_000_000L)).isEqualTo("2026-05-28T20:26:40Z");
    }
}
