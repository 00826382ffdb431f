package io.velocity.desktop.session;

import java.util.List;

/**
 * One configuration change as the editor's history lists it.
 *
 * @param atMillis     when the new generation became active
 * @param generation   the generation it produced
 * @param actor        who changed it ("workstation", "file edit", "meta-brain", ...)
 * @param changedPaths JSON paths that changed
 */
public record ConfigHistoryEntry(long atMillis, long generation, String actor, List<String> changedPaths) {
    public ConfigHistoryEntry {
        changedPaths = List.copyOf(changedPaths);
    }
}
