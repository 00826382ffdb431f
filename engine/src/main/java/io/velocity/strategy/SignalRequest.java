package io.velocity.strategy;

/**
 * Arguments of {@link StrategyMath#validateSignal} / {@code strategy.validate_signal}.
 *
 * @param signalLogReturn  Allora's forecast log return over its horizon
 * @param horizonSeconds   the forecast's horizon in seconds
 * @param dfoLog           Binance distance from the window's open, {@code ln(S / S0)}
 * @param volPerSqrtS      realized volatility per square-root second
 * @param secondsRemaining seconds left in the window
 * @param toleranceSigma   tolerance in standard deviations ({@code strategies.json signalToleranceSigma})
 */
public record SignalRequest(double signalLogReturn, double horizonSeconds, double dfoLog, double volPerSqrtS,
                            double secondsRemaining, double toleranceSigma) implements StrategyRequest {

    @Override
    public SignalCheck answerInJava() {
        return StrategyMath.validateSignal(signalLogReturn, horizonSeconds, dfoLog, volPerSqrtS, secondsRemaining,
                toleranceSigma);
    }
}
