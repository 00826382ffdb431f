package io.velocity.desktop.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.velocity.config.Config;
import io.velocity.config.ConfigFile;
import io.velocity.config.ConfigService;
import io.velocity.engine.EngineSnapshot;
import io.velocity.risk.HaltLayer;
import io.velocity.risk.KillSwitchState;

import java.util.List;

/** Passes every call to another backend; subclasses add what they carry. */
public class DelegatingBackend implements WorkstationBackend {
    private final WorkstationBackend delegate;

    protected DelegatingBackend(WorkstationBackend delegate) {
        this.delegate = delegate;
    }

    @Override
    public EngineSnapshot snapshot() {
        return delegate.snapshot();
    }

    @Override
    public KillSwitchState killSwitch() {
        return delegate.killSwitch();
    }

    @Override
    public void halt(String reason) {
        delegate.halt(reason);
    }

    @Override
    public void release(HaltLayer layerOrNull, String reason, String actor) {
        delegate.release(layerOrNull, reason, actor);
    }

    @Override
    public void cancelAll(String reason) {
        delegate.cancelAll(reason);
    }

    @Override
    public void flatten(String reason) {
        delegate.flatten(reason);
    }

    @Override
    public ConfigService config() {
        return delegate.config();
    }

    @Override
    public Config writeConfig(ConfigFile file, JsonNode content, String actor) {
        return delegate.writeConfig(file, content, actor);
    }

    @Override
    public List<ConfigHistoryEntry> configHistory() {
        return delegate.configHistory();
    }

    @Override
    public ProposalInbox proposals() {
        return delegate.proposals();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
