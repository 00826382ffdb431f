package io.velocity.desktop.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.velocity.config.ConfigFile;

import java.util.Map;

/**
 * A bounded configuration change the meta-brain proposes and the trader accepts or rejects.
 *
 * @param id          file name stem, unique in the inbox
 * @param createdMillis when it was proposed
 * @param source      who proposed it (e.g. {@code meta-brain})
 * @param rationale   why, in a sentence or two
 * @param file        the file it changes
 * @param changes     dotted path within that file → new JSON value
 */
public record ConfigProposal(String id, long createdMillis, String source, String rationale, ConfigFile file,
                             Map<String, JsonNode> changes) {
    public ConfigProposal {
        changes = Map.copyOf(changes);
    }
}
