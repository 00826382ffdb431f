package io.velocity.desktop.export;

import javafx.scene.Node;
import javafx.scene.layout.Region;

import java.util.List;

/** A chart the workstation can export: a picture at any size and its data as a table. */
public interface ExportableChart {

    /** Stable id, used in default file names (e.g. {@code equity}). */
    String id();

    /** Title shown above the chart and in the export dialog. */
    String title();

    /** The live on-screen chart. */
    Node node();

    /**
     * A fresh chart with the same data, not attached to any scene, for rendering at a size the
     * trader picks without disturbing the on-screen layout. FX thread only.
     */
    Region renderCopy();

    /** The chart's data with a header row. FX thread only. */
    List<List<String>> csvRows();
}
