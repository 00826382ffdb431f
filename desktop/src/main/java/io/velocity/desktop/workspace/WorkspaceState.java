package io.velocity.desktop.workspace;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trader's arrangement of the workstation, kept between runs in {@code <dataDir>/workspace.json}.
 *
 * @param window       window bounds (null: centred default size)
 * @param selectedTab  screen shown last
 * @param hiddenPanels screens the trader hid
 * @param dividers     split-pane id → divider positions
 * @param tables       table id → column layout and sort
 */
public record WorkspaceState(Window window, String selectedTab, Set<String> hiddenPanels, Map<String, double[]> dividers,
                             Map<String, Table> tables) {

    public WorkspaceState {
        hiddenPanels = hiddenPanels == null ? Set.of() : Set.copyOf(hiddenPanels);
        dividers = dividers == null ? Map.of() : Map.copyOf(dividers);
        tables = tables == null ? Map.of() : Map.copyOf(tables);
    }

    /** Nothing remembered yet. */
    public static final WorkspaceState EMPTY = new WorkspaceState(null, null, Set.of(), Map.of(), Map.of());

    /** Window bounds in screen coordinates (logical pixels). */
    public record Window(double x, double y, double width, double height, boolean maximized) {
    }

    /** Columns in on-screen order and the sort. */
    public record Table(List<Column> columns, List<Sort> sort) {
        public Table {
            columns = columns == null ? List.of() : List.copyOf(columns);
            sort = sort == null ? List.of() : List.copyOf(sort);
        }
    }

    public record Column(String id, double width, boolean visible) {
    }

    public record Sort(String id, boolean descending) {
    }
}
