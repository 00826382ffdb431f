package io.velocity.strategy.python;

import io.velocity.strategy.KellyRequest;
import io.velocity.strategy.KellyStake;
import io.velocity.strategy.SignalCheck;
import io.velocity.strategy.SignalRequest;
import io.velocity.strategy.StalenessRequest;
import io.velocity.strategy.StalenessResult;
import io.velocity.strategy.StrategyAnswer;
import io.velocity.strategy.StrategyRequest;
import jep.Interpreter;
import jep.python.PyCallable;

import java.nio.file.Path;
import java.util.List;

/**
 * The three strategy functions of one imported module, called through Jep. Confined to the
 * thread that owns the interpreter. Answers are checked against the documented return types:
 * anything else is an error (and so a Java fallback), never a silent coercion.
 */
final class PythonFunctions {
    private final PyCallable kelly;
    private final PyCallable staleness;
    private final PyCallable signal;
    private final String pythonVersion;

    private PythonFunctions(PyCallable kelly, PyCallable staleness, PyCallable signal, String pythonVersion) {
        this.kelly = kelly;
        this.staleness = staleness;
        this.signal = signal;
        this.pythonVersion = pythonVersion;
    }

    /**
     * Imports the module into the interpreter. Folders of {@code modulePath} missing from
     * {@code sys.path} are put in front: the include path of Jep's shared interpreters is fixed
     * by the first bridge of the process, a later one may search elsewhere first.
     */
    static PythonFunctions load(Interpreter interp, List<Path> modulePath, String module) {
        interp.exec("import importlib, sys, platform");
        List<Path> reversed = new java.util.ArrayList<>(modulePath);
        java.util.Collections.reverse(reversed);
        for (Path dir : reversed) {
            interp.set("_velocity_dir", dir.toString());
            interp.exec("if _velocity_dir in sys.path: sys.path.remove(_velocity_dir)");
            interp.exec("sys.path.insert(0, _velocity_dir)");
        }
        interp.set("_velocity_module", module);
        interp.exec("_velocity_strategy = importlib.import_module(_velocity_module)");
        return new PythonFunctions(
                interp.getValue("_velocity_strategy.calculate_kelly", PyCallable.class),
                interp.getValue("_velocity_strategy.calculate_staleness", PyCallable.class),
                interp.getValue("_velocity_strategy.validate_signal", PyCallable.class),
                String.valueOf(interp.getValue("platform.python_version()")));
    }

    /** e.g. {@code 3.11.7}. */
    String pythonVersion() {
        return pythonVersion;
    }

    /**
     * Calls the Python function matching the request.
     *
     * @throws jep.JepException when Python raises
     * @throws IllegalStateException when Python returns something other than the documented answer
     */
    StrategyAnswer call(StrategyRequest request) {
        return switch (request) {
            case KellyRequest k -> new KellyStake(asStake(kelly.call(k.price(), k.winProb(), k.bankrollMicros(),
                    k.kellyFraction(), k.maxBankrollFraction(), k.maxOrderMicros(), k.feePerShare())));
            case StalenessRequest s -> asStaleness(staleness.call(s.nowMs(), s.signalTsMs(), s.windowEndMs(),
                    s.maxRatio()));
            case SignalRequest g -> asSignalCheck(signal.call(g.signalLogReturn(), g.horizonSeconds(), g.dfoLog(),
                    g.volPerSqrtS(), g.secondsRemaining(), g.toleranceSigma()));
        };
    }

    private static long asStake(Object value) {
        if (value instanceof Long stake && stake >= 0) {
            return stake;
        }
        throw unexpected("calculate_kelly", value, "an int >= 0");
    }

    private static StalenessResult asStaleness(Object value) {
        if (value instanceof List<?> t && t.size() == 4 && t.get(0) instanceof Double ratio
                && t.get(1) instanceof Double weight && t.get(2) instanceof Boolean accepted
                && t.get(3) instanceof String reason) {
            return new StalenessResult(ratio, weight, accepted, reason);
        }
        throw unexpected("calculate_staleness", value, "a (float, float, bool, str) tuple");
    }

    private static SignalCheck asSignalCheck(Object value) {
        if (value instanceof List<?> t && t.size() == 2 && t.get(0) instanceof Boolean valid
                && t.get(1) instanceof String reason) {
            return valid && reason.isEmpty() ? SignalCheck.VALID : new SignalCheck(valid, reason);
        }
        throw unexpected("validate_signal", value, "a (bool, str) tuple");
    }

    private static IllegalStateException unexpected(String function, Object value, String expected) {
        String shown = String.valueOf(value);
        if (shown.length() > 80) {
            shown = shown.substring(0, 80) + "...";
        }
        return new IllegalStateException(function + " returned " + shown + " ("
                + (value == null ? "None" : value.getClass().getSimpleName()) + "), expected " + expected);
    }
}
