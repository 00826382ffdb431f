package io.velocity.strategy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.velocity.strategy.StrategyMath.kellyStakeMicros;
import static io.velocity.strategy.StrategyMath.staleness;
import static io.velocity.strategy.StrategyMath.validateSignal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StrategyMathTest {
    private static final long BANKROLL = 1_000_000_000L; // 1,000 USD
    private static final long NO_ORDER_CAP = 1_000_000_000_000_000L;
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static long kelly(double price, double q) {
        return kellyStakeMicros(price, q, BANKROLL, 1.0, 1.0, NO_ORDER_CAP, 0.0);
    }

    @Nested
    class Kelly {
        @Test
        void fullKellyIsEdgeOverOneMinusCost() {
            // (0.625 - 0.5) / (1 - 0.5) = 0.25 of the bankroll; every number exact in binary
            assertThat(kelly(0.5, 0.625)).isEqualTo(250_000_000L);
        }

        @Test
        void fractionalKellyScalesTheStake() {
            assertThat(kellyStakeMicros(0.5, 0.625, BANKROLL, 0.25, 1.0, NO_ORDER_CAP, 0.0)).isEqualTo(62_500_000L);
        }

        @Test
        void takerFeeRaisesTheEffectiveCost() {
            // c = 0.42; f = 0.08 / 0.58 = 0.137931034...; 1e9 * f floored
            assertThat(kellyStakeMicros(0.4, 0.5, BANKROLL, 1.0, 1.0, NO_ORDER_CAP, 0.02)).isEqualTo(137_931_034L);
        }

        @Test
        void feeThatEatsTheEdgeGivesZero() {
            assertThat(kellyStakeMicros(0.4, 0.5, BANKROLL, 1.0, 1.0, NO_ORDER_CAP, 0.1)).isZero();
            assertThat(kellyStakeMicros(0.4, 0.5, BANKROLL, 1.0, 1.0, NO_ORDER_CAP, 0.2)).isZero();
        }

        @Test
        void zeroEdgeGivesZero() {
            assertThat(kelly(0.6, 0.6)).isZero();
        }

        @Test
        void negativeEdgeGivesZero() {
            assertThat(kelly(0.6, 0.4)).isZero();
            assertThat(kelly(0.6, 0.0)).isZero();
        }

        @Test
        void smallestOfTheThreeCapsWins() {
            // kelly 0.25 * 0.6 / 0.7 = 0.2142857 of 1e9; bankroll cap 10 %; order cap 50 USD
            assertThat(kellyStakeMicros(0.3, 0.9, BANKROLL, 0.25, 0.1, 50_000_000L, 0.0)).isEqualTo(50_000_000L);
            assertThat(kellyStakeMicros(0.3, 0.9, BANKROLL, 0.25, 0.1, 500_000_000L, 0.0)).isEqualTo(100_000_000L);
            assertThat(kellyStakeMicros(0.3, 0.9, BANKROLL, 0.25, 0.5, 500_000_000L, 0.0)).isEqualTo(214_285_714L);
        }

        @Test
        void nonPositiveOrderCapGivesZero() {
            assertThat(kellyStakeMicros(0.3, 0.9, BANKROLL, 1.0, 1.0, 0L, 0.0)).isZero();
            assertThat(kellyStakeMicros(0.3, 0.9, BANKROLL, 1.0, 1.0, -1L, 0.0)).isZero();
        }

        @Test
        void priceNearZeroWithCertainWinBetsTheCap() {
            assertThat(kellyStakeMicros(1e-12, 1.0, BANKROLL, 1.0, 0.05, NO_ORDER_CAP, 0.0)).isEqualTo(50_000_000L);
            assertThat(kelly(1e-12, 1.0)).isEqualTo(BANKROLL);
        }

        @Test
        void priceNearOneBetsOnlyOnCertainty() {
            assertThat(kelly(0.999999, 1.0)).isEqualTo(BANKROLL);
            assertThat(kelly(0.999999, 0.9999989)).isZero();
            assertThat(kelly(1.0 - 1e-15, 0.99)).isZero();
        }

        @Test
        void costOfOneOrMoreGivesZero() {
            assertThat(kellyStakeMicros(0.99, 1.0, BANKROLL, 1.0, 1.0, NO_ORDER_CAP, 0.01)).isZero();
            assertThat(kellyStakeMicros(0.99, 1.0, BANKROLL, 1.0, 1.0, NO_ORDER_CAP, 0.5)).isZero();
        }

        @ParameterizedTest
        @ValueSource(doubles = {0.0, 1.0, -0.1, 1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        void priceOutsideTheOpenUnitIntervalGivesZero(double price) {
            assertThat(kelly(price, 0.9)).isZero();
        }

        @ParameterizedTest
        @ValueSource(doubles = {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
        void winProbabilityOutsideTheUnitIntervalGivesZero(double q) {
            assertThat(kelly(0.5, q)).isZero();
        }

        @Test
        void winProbabilityBoundsAreValid() {
            assertThat(kelly(0.5, 1.0)).isEqualTo(BANKROLL);
            assertThat(kelly(0.5, 0.0)).isZero();
        }

        @ParameterizedTest
        @ValueSource(doubles = {-0.001, Double.NaN, Double.POSITIVE_INFINITY})
        void invalidFeeGivesZero(double fee) {
            assertThat(kellyStakeMicros(0.5, 0.9, BANKROLL, 1.0, 1.0, NO_ORDER_CAP, fee)).isZero();
        }

        @ParameterizedTest
        @ValueSource(doubles = {0.0, -0.25, 1.01, Double.NaN})
        void invalidFractionsGiveZero(double fraction) {
            assertThat(kellyStakeMicros(0.5, 0.9, BANKROLL, fraction, 1.0, NO_ORDER_CAP, 0.0)).isZero();
            assertThat(kellyStakeMicros(0.5, 0.9, BANKROLL, 1.0, fraction, NO_ORDER_CAP, 0.0)).isZero();
        }

        @ParameterizedTest
        @ValueSource(longs = {0L, -1L, -BANKROLL, (1L << 53) + 1, Long.MAX_VALUE})
        void invalidBankrollGivesZero(long bankroll) {
            assertThat(kellyStakeMicros(0.5, 0.9, bankroll, 1.0, 1.0, NO_ORDER_CAP, 0.0)).isZero();
        }

        @Test
        void largestExactBankrollIsAccepted() {
            assertThat(kellyStakeMicros(0.5, 1.0, 1L << 53, 1.0, 1.0, Long.MAX_VALUE, 0.0)).isEqualTo(1L << 53);
        }

        @Test
        void stakeIsFlooredNeverRounded() {
            assertThat(kellyStakeMicros(0.5, 0.9, 3, 0.25, 1.0, NO_ORDER_CAP, 0.0)).isZero(); // 0.6000000000000001
            assertThat(kellyStakeMicros(0.5, 0.9, 10, 0.25, 1.0, NO_ORDER_CAP, 0.0)).isEqualTo(2L);
        }

        @Test
        void aDoubleOneUlpBelowAnIntegerFloorsDown() {
            assertThat(0.29 * 100.0).isLessThan(29.0);
            assertThat(kellyStakeMicros(0.1, 0.9, 100, 1.0, 0.29, 1_000, 0.0)).isEqualTo(28L);
        }

        @Test
        void decimalInputsFloorOnTheirBinaryValues() {
            // 0.6 is 0.59999999999999997780 in binary: f is just below 0.2 even in exact arithmetic.
            assertThat(kelly(0.5, 0.6)).isEqualTo(199_999_999L);
        }

        @Test
        void requestRecordAnswersWithTheSameStake() {
            assertThat(new KellyRequest(0.5, 0.625, BANKROLL, 0.25, 1.0, NO_ORDER_CAP, 0.0).answerInJava())
                    .isEqualTo(new KellyStake(62_500_000L));
        }
    }

    @Nested
    class Staleness {
        private static final long T0 = 1_767_225_600_000L;

        @Test
        void freshSignalHasFullWeight() {
            assertThat(staleness(T0, T0, T0 + 300_000, 0.05)).isEqualTo(new StalenessResult(0.0, 1.0, true, ""));
        }

        @Test
        void acceptsSignalAt499BasisPoints() {
            StalenessResult r = staleness(T0, T0 - 4_990, T0 + 100_000, 0.05);
            assertThat(r.ratio()).isCloseTo(0.0499, within(1e-15));
            assertThat(r.accepted()).isTrue();
            assertThat(r.reason()).isEmpty();
            assertThat(r.weight()).isCloseTo(0.002, within(1e-12));
        }

        @Test
        void rejectsSignalWhenStalenessAbove5Percent() {
            StalenessResult r = staleness(T0, T0 - 5_010, T0 + 100_000, 0.05);
            assertThat(r.ratio()).isCloseTo(0.0501, within(1e-15));
            assertThat(r).isEqualTo(new StalenessResult(r.ratio(), 0.0, false, "stale"));
        }

        @Test
        void exactlyAtTheLimitIsAcceptedWithZeroWeight() {
            assertThat(staleness(T0, T0 - 15_000, T0 + 300_000, 0.05))
                    .isEqualTo(new StalenessResult(0.05, 0.0, true, ""));
            assertThat(staleness(T0, T0 - 15_001, T0 + 300_000, 0.05).reason()).isEqualTo("stale");
        }

        @Test
        void weightDecaysLinearlyWithTheRatio() {
            double[] ages = {0, 1_000, 2_500, 4_000, 5_000};
            double[] expected = {1.0, 0.8, 0.5, 0.2, 0.0};
            for (int i = 0; i < ages.length; i++) {
                long signalTs = T0 - (long) ages[i];
                assertThat(staleness(T0, signalTs, T0 + 100_000, 0.05).weight())
                        .isCloseTo(expected[i], within(1e-12));
                assertThat(StrategyMath.signalWeight(T0, signalTs, T0 + 100_000, 0.05))
                        .isEqualTo(staleness(T0, signalTs, T0 + 100_000, 0.05).weight());
            }
        }

        @Test
        void windowOverGivesAnInfiniteRatio() {
            StalenessResult over = new StalenessResult(INF, 0.0, false, "window over");
            assertThat(staleness(T0, T0 - 10, T0, 0.05)).isEqualTo(over);
            assertThat(staleness(T0, T0 - 10, T0 - 1, 0.05)).isEqualTo(over);
            assertThat(StrategyMath.stalenessRatio(T0, T0 - 10, T0)).isEqualTo(INF);
        }

        @Test
        void signalSlightlyInTheFutureCountsAsFresh() {
            assertThat(staleness(T0, T0 + StrategyMath.FUTURE_TOLERANCE_MS, T0 + 300_000, 0.05))
                    .isEqualTo(new StalenessResult(0.0, 1.0, true, ""));
        }

        @Test
        void signalFarInTheFutureIsRejected() {
            assertThat(staleness(T0, T0 + StrategyMath.FUTURE_TOLERANCE_MS + 1, T0 + 300_000, 0.05))
                    .isEqualTo(new StalenessResult(0.0, 0.0, false, "signal from the future"));
        }

        @ParameterizedTest
        @ValueSource(doubles = {0.0, -0.05, Double.NaN, Double.POSITIVE_INFINITY})
        void invalidMaxRatioIsRejected(double maxRatio) {
            assertThat(staleness(T0, T0 - 1_000, T0 + 300_000, maxRatio))
                    .isEqualTo(new StalenessResult(1_000.0 / 300_000.0, 0.0, false, StrategyMath.REASON_BAD_MAX_RATIO));
            assertThat(StrategyMath.signalWeight(T0, T0 - 1_000, T0 + 300_000, maxRatio)).isZero();
        }

        @Test
        void requestRecordAnswersWithTheSameResult() {
            assertThat(new StalenessRequest(T0, T0 - 9_000, T0 + 300_000, 0.05).answerInJava())
                    .isEqualTo(staleness(T0, T0 - 9_000, T0 + 300_000, 0.05));
        }
    }

    @Nested
    class Signal {
        // With these defaults: mu = s * 240 / 1200 = s / 5; band = 1.5e-4 * sqrt(240) = 0.0023238; 4 bands = 0.0092952.
        private SignalCheck check(double s, double dfo) {
            return validateSignal(s, 1200.0, dfo, 0.0001, 240.0, 1.5);
        }

        @Test
        void forecastAgreeingWithTheMoveIsValid() {
            assertThat(check(0.002, 0.001)).isSameAs(SignalCheck.VALID);
            assertThat(check(-0.002, -0.001)).isSameAs(SignalCheck.VALID);
        }

        @Test
        void weakForecastAgainstTheMoveIsValid() {
            assertThat(check(-0.01, 0.002).valid()).isTrue();
        }

        @Test
        void strongForecastAgainstTheMoveDisagrees() {
            assertThat(check(-0.02, 0.002)).isEqualTo(new SignalCheck(false, "direction disagrees"));
            assertThat(check(0.02, -0.002)).isEqualTo(new SignalCheck(false, "direction disagrees"));
        }

        @Test
        void forecastIsScaledToTheTimeRemaining() {
            assertThat(validateSignal(-0.02, 1200.0, 0.002, 0.0001, 240.0, 1.5).valid()).isFalse();
            assertThat(validateSignal(-0.02, 1200.0, 0.002, 0.0001, 10.0, 1.5).valid()).isTrue();
        }

        @Test
        void hugeForecastWithTheMoveIsImplausible() {
            assertThat(check(0.2, 0.002)).isEqualTo(new SignalCheck(false, "magnitude implausible"));
            assertThat(check(0.04, 0.002).valid()).isTrue();
        }

        @Test
        void directionIsReportedBeforeMagnitude() {
            assertThat(check(-0.2, 0.002).reason()).isEqualTo("direction disagrees");
        }

        @Test
        void priceAtTheOpenHasNoDirectionToDisagreeWith() {
            assertThat(check(-0.02, 0.0).valid()).isTrue();
            assertThat(check(-0.2, 0.0).reason()).isEqualTo("magnitude implausible");
        }

        @Test
        void bandEdgesAreInclusive() {
            // mu = -1 * 4 / 4 = -1 = band (0.5 * 1 * sqrt(4))
            assertThat(validateSignal(-1.0, 4.0, 1.0, 1.0, 4.0, 0.5).valid()).isTrue();
            assertThat(validateSignal(-1.000001, 4.0, 1.0, 1.0, 4.0, 0.5).reason()).isEqualTo("direction disagrees");
            // mu = 4 * 1 / 2 = 2 = 4 bands of 0.5
            assertThat(validateSignal(4.0, 2.0, 1.0, 1.0, 1.0, 0.5).valid()).isTrue();
            assertThat(validateSignal(4.000001, 2.0, 1.0, 1.0, 1.0, 0.5).reason()).isEqualTo("magnitude implausible");
        }

        @Test
        void zeroToleranceAcceptsOnlyAZeroForecast() {
            assertThat(validateSignal(0.0, 1200.0, 0.001, 0.0001, 240.0, 0.0).valid()).isTrue();
            assertThat(validateSignal(0.001, 1200.0, 0.001, 0.0001, 240.0, 0.0).reason())
                    .isEqualTo("magnitude implausible");
        }

        @Test
        void nonFiniteInputIsNamed() {
            String[] names = {"signal_log_return", "horizon_seconds", "dfo_log", "vol_per_sqrt_s",
                    "seconds_remaining", "tolerance_sigma"};
            for (double bad : new double[]{NAN, INF, Double.NEGATIVE_INFINITY}) {
                for (int i = 0; i < names.length; i++) {
                    double[] a = {0.002, 1200.0, 0.001, 0.0001, 240.0, 1.5};
                    a[i] = bad;
                    assertThat(validateSignal(a[0], a[1], a[2], a[3], a[4], a[5]))
                            .isEqualTo(new SignalCheck(false, names[i] + " is not finite"));
                }
            }
        }

        @Test
        void outOfRangeInputIsNamed() {
            assertThat(validateSignal(0.002, 0.0, 0.001, 0.0001, 240.0, 1.5).reason())
                    .isEqualTo("horizon_seconds must be > 0");
            assertThat(validateSignal(0.002, -300.0, 0.001, 0.0001, 240.0, 1.5).reason())
                    .isEqualTo("horizon_seconds must be > 0");
            assertThat(validateSignal(0.002, 1200.0, 0.001, 0.0, 240.0, 1.5).reason())
                    .isEqualTo("vol_per_sqrt_s must be > 0");
            assertThat(validateSignal(0.002, 1200.0, 0.001, -0.0001, 240.0, 1.5).reason())
                    .isEqualTo("vol_per_sqrt_s must be > 0");
            assertThat(validateSignal(0.002, 1200.0, 0.001, 0.0001, 0.0, 1.5).reason())
                    .isEqualTo("seconds_remaining must be > 0");
            assertThat(validateSignal(0.002, 1200.0, 0.001, 0.0001, -1.0, 1.5).reason())
                    .isEqualTo("seconds_remaining must be > 0");
            assertThat(validateSignal(0.002, 1200.0, 0.001, 0.0001, 240.0, -0.5).reason())
                    .isEqualTo("tolerance_sigma must be >= 0");
        }

        @Test
        void requestRecordAnswersWithTheSameCheck() {
            assertThat(new SignalRequest(-0.02, 1200.0, 0.002, 0.0001, 240.0, 1.5).answerInJava())
                    .isEqualTo(new SignalCheck(false, "direction disagrees"));
        }
    }
}
