package io.velocity.desktop.workspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceStoreTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsTheLayout() {
        WorkspaceStore store = new WorkspaceStore(dir.resolve("workspace.json"));
        WorkspaceState s = new WorkspaceState(new WorkspaceState.Window(10, 20, 1400, 900, false), "blotter", Set.of("health"),
                Map.of("markets-split", new double[]{0.4}),
                Map.of("markets-table", new WorkspaceState.Table(List.of(new WorkspaceState.Column("edge", 80, true)),
                        List.of(new WorkspaceState.Sort("edge", true)))));
        store.save(s);
        WorkspaceState back = store.load();
        assertThat(back.window()).isEqualTo(s.window());
        assertThat(back.selectedTab()).isEqualTo("blotter");
        assertThat(back.hiddenPanels()).containsExactly("health");
        assertThat(back.dividers().get("markets-split")).containsExactly(0.4);
        assertThat(back.tables().get("markets-table")).isEqualTo(s.tables().get("markets-table"));
    }

    @Test
    void missingOrDamagedFilesMeanDefaults() throws Exception {
        WorkspaceStore store = new WorkspaceStore(dir.resolve("workspace.json"));
        assertThat(store.load()).isEqualTo(WorkspaceState.EMPTY);
        Files.writeString(store.file(), "{ not json");
        assertThat(store.load()).isEqualTo(WorkspaceState.EMPTY);
    }
}
