package io.velocity.desktop.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.velocity.config.Config;
import io.velocity.config.ConfigFile;
import io.velocity.config.ConfigService;
import io.velocity.engine.EngineSnapshot;
import io.velocity.risk.HaltLayer;
import io.velocity.risk.KillSwitchState;

import java.util.List;

/**
 * Everything the workstation needs from a running trading session, and nothing more. The desktop
 * reads snapshots on the FX pulse and sends commands; it never calls into engine objects.
 *
 * <p>Contract for implementations: every method returns at once and may be called from the FX
 * thread. Reads are volatile reads of immutable values; commands are queued, never waited on.
 */
public interface WorkstationBackend extends AutoCloseable {

    /** The latest engine snapshot, or null before the first one. Never blocks. */
    EngineSnapshot snapshot();

    /** The kill switch as it is right now (fresher than the last snapshot). */
    KillSwitchState killSwitch();

    /** Engages the manual kill switch at once; no confirmation, never blocks. */
    void halt(String reason);

    /**
     * Releases one layer, or every layer when {@code layerOrNull} is null.
     *
     * @throws io.velocity.core.InputException when the reason or actor is blank (checked on the caller's thread)
     */
    void release(HaltLayer layerOrNull, String reason, String actor);

    /** Cancels every working order. */
    void cancelAll(String reason);

    /** Cancels every working order and sells every position at the best bid. */
    void flatten(String reason);

    /** The live configuration the engine runs on (the config editor validates and writes through it). */
    ConfigService config();

    /**
     * Validates {@code content} for {@code file} with the engine's validator and writes it
     * atomically; the engine hot-reloads it. Does file I/O: call off the FX thread.
     *
     * @param actor who asked, for the history
     * @return the generation now active
     * @throws io.velocity.core.ConfigException listing every problem; nothing was written
     */
    Config writeConfig(ConfigFile file, JsonNode content, String actor);

    /** Configuration changes of this session, newest first. */
    List<ConfigHistoryEntry> configHistory();

    /** Where meta-brain proposals wait for the trader. */
    ProposalInbox proposals();

    /** Stops the session (engine, feeds, stores) and forgets unlocked secrets. */
    @Override
    void close();
}
