package io.velocity.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.velocity.config.AppConfig;
import io.velocity.config.Config;
import io.velocity.config.ConfigFile;
import io.velocity.config.StrategyConfig;
import io.velocity.config.schema.FieldSpec;
import io.velocity.config.schema.RecordBinder;
import io.velocity.core.ExitCode;
import io.velocity.core.InputException;

import java.io.PrintStream;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./velocity config check|show|schema}: validate the configuration (one line per problem,
 * exit 2), print the effective merged JSON, or list every field with its help text and bounds.
 */
public final class ConfigCommand {
    private ConfigCommand() {
    }

    public static int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            CliArgs args = CliArgs.parse(argv, Bootstrap.CONFIG_OPTIONS, Set.of());
            String action = args.positionals().isEmpty() ? "check" : args.positionals().get(0);
            switch (action) {
                case "check" -> {
                    Config c = Bootstrap.loadConfig(args, env, Bootstrap.newHealthRegistry()).current();
                    out.println("config OK: " + Bootstrap.configDir(args, env) + " (mode " + c.app().mode().name().toLowerCase()
                            + ", feeds " + c.app().feeds().name().toLowerCase() + ")");
                }
                case "show" -> {
                    Config c = Bootstrap.loadConfig(args, env, Bootstrap.newHealthRegistry()).current();
                    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                    var root = m.createObjectNode();
                    root.set(ConfigFile.APP.fileName(), c.effectiveJson(ConfigFile.APP));
                    root.set(ConfigFile.STRATEGIES.fileName(), c.effectiveJson(ConfigFile.STRATEGIES));
                    out.println(m.writeValueAsString(root));
                }
                case "schema" -> {
                    printSchema(ConfigFile.APP.fileName(), "", AppConfig.class, out);
                    printSchema(ConfigFile.STRATEGIES.fileName(), "strategy.", StrategyConfig.class, out);
                }
                default -> throw new InputException("unknown config action '" + action + "' (check, show, schema)");
            }
            return ExitCode.OK.code();
        } catch (Exception e) {
            return ErrorReporter.report("velocity config", e, err);
        }
    }

    private static void printSchema(String file, String prefix, Class<? extends Record> type, PrintStream out) {
        out.println("# " + file);
        for (FieldSpec f : RecordBinder.describe(type)) {
            StringBuilder sb = new StringBuilder(prefix).append(f.path()).append("  (").append(f.kind());
            if (!f.unit().isEmpty()) {
                sb.append(", ").append(f.unit());
            }
            if (Double.isFinite(f.min()) || Double.isFinite(f.max())) {
                sb.append(", ").append(Double.isFinite(f.min()) ? f.min() : "-inf").append("..")
                        .append(Double.isFinite(f.max()) ? f.max() : "inf");
            }
            if (!f.choices().isEmpty()) {
                sb.append(", ").append(String.join("|", f.choices()));
            }
            sb.append(")");
            if (!f.doc().isEmpty()) {
                sb.append("  ").append(f.doc());
            }
            out.println(sb);
        }
    }
}
