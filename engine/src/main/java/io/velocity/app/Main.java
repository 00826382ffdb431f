package io.velocity.app;

import io.velocity.core.ExitCode;
import io.velocity.security.KeytoolCommand;
import io.velocity.security.SecretPrompt;

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

    /**
     * {@code tools NAME}: one-shot utilities; sign-order and l2-headers read a request on stdin and
     * print JSON, decode runs captured venue messages through the parsers, clob-api-key derives
     * CLOB credentials into the keystore.
     */
    private static int tools(String[] argv) {
        if (argv.length == 0) {
            System.err.println("velocity tools: missing tool name (sign-order, l2-headers, decode, clob-api-key)");
            return ExitCode.BAD_INPUT.code();
        }
        if (argv[0].equals("clob-api-key")) {
            return io.velocity.execution.clob.ClobKeyCommand.run(Arrays.copyOfRange(argv, 1, argv.length), System.getenv(),
                    System.in, System.out, System.err, SecretPrompt.of(System.console()));
        }
        if (argv[0].equals("decode")) {
            // decode takes options (--kind, --now, --config-dir) and reads many documents
            return io.velocity.marketdata.tools.DecodeTool.run(Arrays.copyOfRange(argv, 1, argv.length), System.in,
                    System.out, System.err);
        }
        if (argv.length > 1) {
            System.err.println("velocity tools " + argv[0] + ": takes no arguments (reads one JSON request on stdin)");
            return ExitCode.BAD_INPUT.code();
        }
        return switch (argv[0]) {
            case "sign-order" -> io.velocity.app.tools.SignOrderTool.run(System.in, System.out, System.err);
            case "l2-headers" -> io.velocity.app.tools.L2HeadersTool.run(System.in, System.out, System.err);
            default -> {
                System.err.println("velocity tools: unknown tool '" + argv[0] + "'");
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
            case "headless" -> HeadlessCommand.run(rest, env, System.in, System.out, System.err);
            case "keytool" -> KeytoolCommand.run(rest, env, System.in, System.out, System.err, SecretPrompt.of(System.console()));
            case "sim" -> SimCommand.run(rest, env, System.out, System.err);
            default -> {
                System.err.println("velocity: unknown command '" + argv[0] + "'");
                yield ExitCode.BAD_INPUT.code();
            }
        };
    }
}
