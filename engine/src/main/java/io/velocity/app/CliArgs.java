package io.velocity.app;

import io.velocity.core.InputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Minimal, strict command-line parsing shared by every entry point: {@code --name value},
 * {@code --name=value}, boolean {@code --flag}, repeatable {@code --set path=value}, and
 * positional words. Anything not declared is an {@link InputException} naming it.
 */
public final class CliArgs {
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> sets = new ArrayList<>();
    private final List<String> positionals = new ArrayList<>();

    private CliArgs() {
    }

    /**
     * Parses {@code args}.
     *
     * @param valued  option names (without dashes) that take a value
     * @param flags   option names that take none
     */
    public static CliArgs parse(String[] args, Set<String> valued, Set<String> flags) {
        CliArgs out = new CliArgs();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.equals("--")) {
                out.positionals.add(a);
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new InputException("--" + name + " takes no value");
                }
                out.options.put(name, "true");
            } else if (valued.contains(name) || name.equals("set")) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new InputException("--" + name + " needs a value");
                    }
                    value = args[++i];
                }
                if (name.equals("set")) {
                    out.sets.add(value);
                } else {
                    out.options.put(name, value);
                }
            } else {
                throw new InputException("unknown option --" + name);
            }
        }
        return out;
    }

    public String get(String name) {
        return options.get(name);
    }

    public String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    /** {@code --set path=value} overrides in order. */
    public List<String> sets() {
        return List.copyOf(sets);
    }

    public List<String> positionals() {
        return List.copyOf(positionals);
    }
}
