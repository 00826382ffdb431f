package io.velocity.app;

import io.velocity.core.ConfigException;
import io.velocity.core.ExitCode;
import io.velocity.core.VelocityException;

import java.io.PrintStream;

/**
 * Maps failures at a CLI boundary to one-line messages and exit codes (DESIGN.md §6). A
 * configuration error prints one line per problem.
 */
public final class ErrorReporter {
    private ErrorReporter() {
    }

    /** Prints {@code e} for a trader and returns the exit code to use. */
    public static int report(String program, Throwable e, PrintStream err) {
        if (e instanceof ConfigException ce) {
            for (String p : ce.problems()) {
                err.println(program + ": " + p);
            }
            return ce.exitCode().code();
        }
        if (e instanceof VelocityException ve) {
            err.println(program + ": " + ve.getMessage());
            return ve.exitCode().code();
        }
        err.println(program + ": unexpected error: " + e);
        return ExitCode.FAILURE.code();
    }
}
