package io.velocity.desktop.session;

import io.velocity.core.Clock;
import io.velocity.core.ConfigException;
import io.velocity.desktop.support.EngineFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Meta-brain proposals in a folder: listed, accepted through the engine's validator, rejected with a reason. */
class ProposalInboxTest {
    private final EngineFixture engine = new EngineFixture(Clock.SYSTEM);
    private final ProposalInbox inbox = engine.backend.proposals();

    @AfterEach
    void close() {
        engine.close();
    }

    private void propose(String id, String json) throws Exception {
        Files.createDirectories(inbox.folder());
        Files.writeString(inbox.folder().resolve(id + ".json"), json);
    }

    @Test
    void listsProposalsNewestFirstAndReportsUnreadableOnes() throws Exception {
        propose("old", """
                {"createdAt": "2026-11-01T10:00:00Z", "rationale": "r1", "file": "strategies.json", "changes": {"kellyFraction": 0.2}}""");
        propose("new", """
                {"createdAt": 1800000000000, "source": "meta-brain", "rationale": "r2", "file": "strategies.json",
                 "changes": {"ladder.levels": 2}}""");
        propose("broken", "{\"file\": \"nope.json\", \"changes\": {}}");
        ProposalInbox.Listing l = inbox.list();
        assertThat(l.proposals()).extracting(ConfigProposal::id).containsExactly("new", "old");
        assertThat(l.problems()).singleElement().satisfies(p -> assertThat(p).startsWith("broken.json: "));
    }

    @Test
    void acceptingValidatesWritesAndFilesTheProposal() throws Exception {
        propose("p1", """
                {"createdAt": 1800000000000, "rationale": "less Kelly", "file": "strategies.json",
                 "changes": {"kellyFraction": 0.2, "ladder.levels": 2}}""");
        ConfigProposal p = inbox.list().proposals().get(0);
        var next = inbox.accept(p, engine.backend, "test");
        assertThat(next.strategy().kellyFraction()).isEqualTo(0.2);
        assertThat(next.strategy().ladder().levels()).isEqualTo(2);
        assertThat(Files.readString(engine.configDir.resolve("strategies.json"))).contains("\"kellyFraction\" : 0.2");
        assertThat(inbox.list().proposals()).isEmpty();
        assertThat(Files.readString(inbox.folder().resolve("accepted/p1.json"))).contains("\"outcome\" : \"accepted\"");
        assertThat(engine.backend.configHistory().get(0).actor()).isEqualTo("test (meta-brain proposal p1)");
    }

    @Test
    void anOutOfRangeProposalIsRefusedAndNothingIsWritten() throws Exception {
        Path file = engine.configDir.resolve("strategies.json");
        String before = Files.readString(file);
        propose("bad", """
                {"rationale": "too much", "file": "strategies.json", "changes": {"kellyFraction": 3}}""");
        ConfigProposal p = inbox.list().proposals().get(0);
        assertThatThrownBy(() -> inbox.accept(p, engine.backend, "test")).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).anyMatch(s -> s.contains("kellyFraction")));
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(inbox.list().proposals()).hasSize(1);
    }

    @Test
    void rejectingKeepsTheReason() throws Exception {
        propose("p2", """
                {"rationale": "x", "file": "config.json", "changes": {"risk.maxOrderUsd": 40}}""");
        inbox.reject(inbox.list().proposals().get(0), "test", "too cautious for now");
        assertThat(inbox.list().proposals()).isEmpty();
        assertThat(Files.readString(inbox.folder().resolve("rejected/p2.json"))).contains("too cautious for now");
    }
}
