package io.velocity.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One validated, immutable generation of the whole configuration. Components hold the slice
 * they need ({@code config.app().risk()}); a reload produces a new generation and swaps it in.
 */
public final class Config {
    private final AppConfig app;
    private final StrategyConfig strategy;
    private final long generation;
    private final ObjectNode appTree;
    private final ObjectNode strategyTree;

    Config(AppConfig app, StrategyConfig strategy, long generation, ObjectNode appTree, ObjectNode strategyTree) {
        this.app = Objects.requireNonNull(app);
        this.strategy = Objects.requireNonNull(strategy);
        this.generation = generation;
        this.appTree = appTree.deepCopy();
        this.strategyTree = strategyTree.deepCopy();
    }

    public AppConfig app() {
        return app;
    }

    public StrategyConfig strategy() {
        return strategy;
    }

    /** Increases by one with every successful load or reload. */
    public long generation() {
        return generation;
    }

    /** The effective JSON (defaults, file and overrides merged) of one file; a private copy. */
    public ObjectNode effectiveJson(ConfigFile file) {
        return (file == ConfigFile.APP ? appTree : strategyTree).deepCopy();
    }

    /** JSON paths whose effective values differ between {@code this} and {@code newer}, sorted. */
    public List<String> changedPaths(Config newer) {
        List<String> out = new ArrayList<>();
        diff(appTree, newer.appTree, "", out);
        diff(strategyTree, newer.strategyTree, ConfigFile.STRATEGIES.overridePrefix(), out);
        out.sort(null);
        return List.copyOf(out);
    }

    private static void diff(JsonNode a, JsonNode b, String path, List<String> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                diff(a.get(n), b.get(n), path.isEmpty() ? n : path + "." + n, out);
            }
        } else if (!Objects.equals(a, b)) {
            out.add(path);
        }
    }

    @Override
    public String toString() {
        return "Config[generation=" + generation + ", mode=" + app.mode() + ", feeds=" + app.feeds() + "]";
    }
}
