package io.velocity.desktop.workspace;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Captures the layout from, and restores it to, the window, its split panes and tables. FX thread only. */
public final class WorkspaceBinder {
    private WorkspaceBinder() {
    }

    public static WorkspaceState.Window window(Stage stage) {
        return new WorkspaceState.Window(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
    }

    /** Restores the bounds when they still fit a connected screen (monitors come and go). */
    public static void apply(WorkspaceState.Window w, Stage stage) {
        if (w == null || w.width() < 400 || w.height() < 300) {
            return;
        }
        boolean visible = !Screen.getScreensForRectangle(new Rectangle2D(w.x(), w.y(), Math.min(w.width(), 200), 60)).isEmpty();
        if (visible) {
            stage.setX(w.x());
            stage.setY(w.y());
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(w.width(), Math.max(screen.getWidth(), 800)));
        stage.setHeight(Math.min(w.height(), Math.max(screen.getHeight(), 600)));
        stage.setMaximized(w.maximized());
    }

    public static double[] dividers(SplitPane pane) {
        return pane.getDividerPositions();
    }

    public static void apply(double[] positions, SplitPane pane) {
        if (positions != null && positions.length == pane.getDividers().size()) {
            pane.setDividerPositions(positions);
        }
    }

    public static <T> WorkspaceState.Table table(TableView<T> table) {
        List<WorkspaceState.Column> cols = new ArrayList<>();
        for (TableColumn<T, ?> c : table.getColumns()) {
            cols.add(new WorkspaceState.Column(c.getId(), c.getWidth() > 0 ? c.getWidth() : c.getPrefWidth(), c.isVisible()));
        }
        List<WorkspaceState.Sort> sort = new ArrayList<>();
        for (TableColumn<T, ?> c : table.getSortOrder()) {
            sort.add(new WorkspaceState.Sort(c.getId(), c.getSortType() == TableColumn.SortType.DESCENDING));
        }
        return new WorkspaceState.Table(cols, sort);
    }

    /** Restores column order, widths, visibility and sort; columns added since are kept at the end. */
    public static <T> void apply(WorkspaceState.Table saved, TableView<T> table) {
        if (saved == null) {
            return;
        }
        Map<String, TableColumn<T, ?>> byId = new LinkedHashMap<>();
        for (TableColumn<T, ?> c : table.getColumns()) {
            byId.put(c.getId(), c);
        }
        List<TableColumn<T, ?>> ordered = new ArrayList<>();
        for (WorkspaceState.Column s : saved.columns()) {
            TableColumn<T, ?> c = byId.remove(s.id());
            if (c != null) {
                if (s.width() >= 20) {
                    c.setPrefWidth(s.width());
                }
                c.setVisible(s.visible());
                ordered.add(c);
            }
        }
        ordered.addAll(byId.values());
        table.getColumns().setAll(ordered);
        List<TableColumn<T, ?>> sort = new ArrayList<>();
        for (WorkspaceState.Sort s : saved.sort()) {
            for (TableColumn<T, ?> c : table.getColumns()) {
                if (c.getId().equals(s.id()) && c.isSortable()) {
                    c.setSortType(s.descending() ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
                    sort.add(c);
                }
            }
        }
        if (!saved.sort().isEmpty()) {
            table.getSortOrder().setAll(sort);
        }
    }
}
