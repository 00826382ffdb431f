package io.velocity.app;

import io.velocity.core.ExitCode;

import java.util.Arrays;
import java.util.Map;

/**
 * Engine-side entry point for the launcher's subcommands. The launcher validates the command
 * word and passes the rest; each command returns an exit code (DESIGN.md §6).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv, System.getenv()));
    }

    /** {@code tools <name> ...}: trader utilities that read stdin and print JSON. */
    private static int tools(String[] argv) {
        if (argv.length == 0) {
            System.err.println("velocity tools: missing tool name (decode)");
            return ExitCode.BAD_INPUT.code();
        }
        String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
        return switch (argv[0]) {
            case "decode" -> io.velocity.marketdata.tools.DecodeTool.run(rest, System.in, System.out, System.err);
            default -> {
                System.err.println("velocity tools: unknown tool '" + argv[0] + "'");
                yield ExitCode.BAD_INPUT.code();
            }
        };
    }

    /** {@code bench <name> ...}: benchmarks with a table at the end. */
    private static int bench(String[] argv) {
        if (argv.length == 0) {
            System.err.println("velocity bench: missing benchmark name (book)");
            return ExitCode.BAD_INPUT.code();
        }
        String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
        return switch (argv[0]) {
            case "book" -> io.velocity.marketdata.bench.BookBench.run(rest, System.out);
            default -> {
                System.err.println("velocity bench: unknown benchmark '" + argv[0] + "'");
                yield ExitCode.BAD_INPUT.code();
            }
        };
    }

    static int run(String[] argv, Map<String, String> env) {
        if (argv.length == 0) {
            System.err.println("velocity: missing command");
            return ExitCode.BAD_INPUT.code();
        }
        String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
        return switch (argv[0]) {
            case "config" -> ConfigCommand.run(rest, env, System.out, System.err);
            case "tools" -> tools(rest);
            case "bench" -> bench(rest);
            default -> {
                System.err.println("velocity: unknown command '" + argv[0] + "'");
                yield ExitCode.BAD_INPUT.code();
            }
        };
    }
}
