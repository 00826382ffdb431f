package io.velocity.config;

import java.util.List;

/**
 * A successful reload: the previous and the new generation, and the JSON paths that changed
 * (e.g. {@code risk.maxOrderUsd}, {@code strategy.kellyFraction}).
 */
public record ConfigChange(Config previous, Config current, List<String> changedPaths) {
    public ConfigChange {
        changedPaths = List.copyOf(changedPaths);
    }

    /** True when any changed path starts with {@code prefix} (e.g. {@code "risk."} or {@code "strategy"}). */
    public boolean touches(String prefix) {
        return changedPaths.stream().anyMatch(p -> p.equals(prefix) || p.startsWith(prefix.endsWith(".") ? prefix : prefix + "."));
    }
}
