package lab.diffusion.app.window;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import lab.diffusion.app.explorer.Explorer;
import lab.diffusion.app.mode.ExplorerMode;
import lab.diffusion.app.plots.PlotCanvas;

/**
 * The three linked plots side by side, square: each cell stacks the plot of every mode and
 * shows the one of the mode on screen. A double click (that does not edit) or the keys 1/2/3
 * enlarge one plot over the whole row. FX thread.
 */
final class PlotGrid extends GridPane {

    private final Explorer ex;
    private final IntegerProperty enlargedVersion = new SimpleIntegerProperty();
    private PlotCanvas enlarged;

    PlotGrid(Explorer ex) {
        this.ex = ex;
        for (int i = 0; i < 3; i++) {
            StackPane cell = new StackPane();
            cell.getStyleClass().add("plot-cell");
            for (ExplorerMode m : ex.modes()) {
                PlotCanvas p = m.plots().get(i);
                p.visibleProperty().bind(ex.modeProperty().isEqualTo(m));
                p.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                    if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !m.editsAt(p, e.getX(), e.getY())) {
                        toggle(p);
                    }
                });
                cell.getChildren().add(p);
            }
            GridPane.setHgrow(cell, Priority.ALWAYS);
            GridPane.setVgrow(cell, Priority.ALWAYS);
            add(cell, i, 0);
        }
        ex.modeProperty().addListener((o, a, b) -> {
            if (enlarged != null) {
                toggle(enlarged); // the enlarged plot belongs to the mode that was left
            }
        });
        setHgap(6);
        setPadding(new Insets(6, 6, 0, 6));
        // square plots: the row is as tall as a third of its width (plus the titles); the telemetry below takes the rest
        prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> enlarged == null ? getWidth() / 3 + 40 : getWidth() * 0.55, widthProperty(), enlargedVersion));
        setMinHeight(260);
    }

    /** The plot shown alone (null when all three are shown). */
    PlotCanvas enlarged() {
        return enlarged;
    }

    /** Shows one plot over the whole row, or all three again. */
    void toggle(PlotCanvas p) {
        enlarged = enlarged == p ? null : p;
        enlargedVersion.set(enlargedVersion.get() + 1);
        for (Node cell : getChildren()) {
            boolean show = enlarged == null || ((StackPane) cell).getChildren().contains(enlarged);
            cell.setVisible(show);
            cell.setManaged(show);
        }
    }

    /** Enlarges plot i (0..2) of the mode on screen, or shows all three again if it is the enlarged one. */
    void toggle(int i) {
        List<PlotCanvas> plots = ex.shownPlots();
        toggle(plots.get(i));
    }

    /** Shows all three plots. */
    void showAll() {
        if (enlarged != null) {
            toggle(enlarged);
        }
    }
}
