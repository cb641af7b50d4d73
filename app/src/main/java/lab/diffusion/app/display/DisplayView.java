package lab.diffusion.app.display;

import java.util.Arrays;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import lab.diffusion.app.plots.RenderLoop;
import lab.diffusion.app.ui.Forms;

/** The Display section: layers, arrow density, and the frame-rate test. FX thread. */
public final class DisplayView extends VBox {

    public DisplayView(DisplayModel model, RenderLoop loop, ObservableBooleanValue idealAvailable) {
        super(6);
        CheckBox color = check("Colour points by where they started", "color-check", model.colorByStartProperty(),
                "Forward points are coloured by the angle of x⁽⁰⁾ around the centre, reverse samples by that of x⁽ᵀ⁾, so single points can be followed.");
        CheckBox arrows = check("Drift arrows", "arrows-check", model.arrowsProperty(),
                "Arrows of the learned drift f_μ(x,t) − x, scaled so the longest fill about one grid cell.");
        CheckBox heat = check("Variance heat map", "heat-check", model.heatProperty(),
                "Colour of the learned f_Σ between its bounds: dark at β̃ₜ (posterior variance), light at βₜ.");
        CheckBox ideal = check("Ideal drift (presets)", "ideal-check", model.idealProperty(),
                "Orange arrows: the drift E[x⁽ᵗ⁻¹⁾|x⁽ᵗ⁾] − x⁽ᵗ⁾ of the true posterior under the preset's distribution.");
        ideal.disableProperty().bind(Bindings.not(idealAvailable));
        CheckBox backdrop = check("Samples under the arrows", "backdrop-check", model.backdropProperty(),
                "Faint reverse samples at t under the drift field.");
        CheckBox align = check("Align rows at their first pulse (binary)", "align-check", model.alignRowsProperty(),
                "Binary mode: shift every row cyclically so its first 1 sits in the first column, as in the paper's Figure 2.");
        ChoiceBox<Integer> grid = new ChoiceBox<>(FXCollections.observableArrayList(
                Arrays.stream(DisplayModel.GRIDS).boxed().toList()));
        grid.setId("grid-choice");
        grid.setValue(model.gridProperty().get());
        grid.valueProperty().addListener((o, a, b) -> model.gridProperty().set(b));
        Forms.tip(grid, "Arrows per side of the drift grid.");
        CheckBox continuous = check("Redraw every frame (frame-rate test)", "continuous-check", loop.continuousProperty(),
                "Repaint the three plots on every frame and show frames per second in the status bar.");
        GridPane form = Forms.grid();
        Forms.row(form, "Arrow grid", grid);
        getChildren().addAll(color, arrows, heat, ideal, backdrop, form, align, continuous);
    }

    private static CheckBox check(String text, String id, BooleanProperty p, String tip) {
        CheckBox c = Forms.tip(new CheckBox(text), tip);
        c.setId(id);
        c.selectedProperty().bindBidirectional(p);
        return c;
    }
}
