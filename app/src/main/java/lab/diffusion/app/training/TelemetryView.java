package lab.diffusion.app.training;

import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import lab.diffusion.app.plots.KChart;
import lab.diffusion.app.plots.KlBars;
import lab.diffusion.app.plots.VarianceBounds;
import lab.diffusion.app.ui.Forms;

/** The telemetry strip: K over training, per-step KL bars, and the numbers. FX thread. */
public final class TelemetryView extends HBox {

    public TelemetryView(TrainingModel model, KChart kChart, KlBars klBars, VarianceBounds bounds,
                         Runnable estimate) {
        super(10);
        setId("telemetry");
        getStyleClass().add("telemetry");
        setPadding(new Insets(6, 10, 6, 10));

        GridPane numbers = new GridPane();
        numbers.setHgap(10);
        numbers.setVgap(4);
        numbers.getStyleClass().add("readouts");
        readout(numbers, "Step", "step-readout", Bindings.createStringBinding(
                () -> String.format("%,d", model.stepProperty().get()), model.stepProperty()),
                "Optimizer steps taken on this model.");
        readout(numbers, "Training time", "time-readout", Bindings.createStringBinding(
                () -> String.format("%.1f s", model.secondsProperty().get()), model.secondsProperty()),
                "Time spent training this model.");
        readout(numbers, "Steps / s", "speed-readout", Bindings.createStringBinding(
                () -> {
                    double v = model.stepsPerSecondProperty().get();
                    return v > 0 ? String.format("%.0f", v) : "–";
                }, model.stepsPerSecondProperty()),
                "Training speed on the engine thread (– while not training).");
        readout(numbers, "K (training est.)", "k-readout", bits(model.kBitsProperty(), model.perUnitProperty()),
                "Smoothed training estimate of the bound K: −((T−1)·E[KL] − C), bits per sample.");
        readout(numbers, "K − L_null", "kdiff-readout", bits(model.kMinusLnullProperty(), model.perUnitProperty()),
                "How many bits per sample better than a unit Gaussian the model is.");
        readout(numbers, "Held-out K", "heldout-readout", bits(model.heldoutKProperty(), model.perUnitProperty()),
                "K over all t on 2,000 held-out points, evaluated every 5 s while training.");
        readout(numbers, "SW2 to held-out", "sw2-readout", Bindings.createStringBinding(() -> {
            double v = model.sw2Property().get();
            return Double.isFinite(v) ? String.format("%.4f", v) : "–";
        }, model.sw2Property()), "Sliced 2-Wasserstein distance of the reverse samples to held-out data (standardized units); lower is better.");

        readout(numbers, "log p (IS)", "is-readout", model.logLikelihoodProperty(),
                "Importance-sampled log-likelihood of held-out points (paper §2.3): above K, rising toward log p with more samples.");
        Button isButton = new Button("Estimate log p");
        isButton.setId("is-button");
        Forms.tip(isButton, "Estimate log p of held-out points by importance sampling over 100 forward "
                + "trajectories each (takes a few seconds; training pauses meanwhile).");
        isButton.setOnAction(e -> estimate.run());
        numbers.add(isButton, 0, numbers.getRowCount(), 2, 1);

        kChart.setMinHeight(150);
        klBars.setMinHeight(150);
        bounds.setMinHeight(150);
        kChart.setPrefWidth(640);
        klBars.setPrefWidth(360);
        bounds.setPrefWidth(360);
        ToggleButton showBounds = new ToggleButton("Show variance bounds");
        showBounds.setId("show-bounds");
        Forms.tip(showBounds, "Show the learned reverse variance of each step against its entropy bounds β̃ₜ and βₜ "
                + "(paper §2.6) instead of the KL per step.");
        bounds.visibleProperty().bind(showBounds.selectedProperty());
        klBars.visibleProperty().bind(showBounds.selectedProperty().not());
        numbers.add(showBounds, 0, numbers.getRowCount(), 2, 1);
        StackPane right = new StackPane(klBars, bounds);
        right.setPrefWidth(360);
        HBox.setHgrow(kChart, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.SOMETIMES);
        getChildren().addAll(numbers, kChart, right);
    }

    private static ObservableValue<String> bits(DoubleProperty p, IntegerProperty per) {
        return Bindings.createStringBinding(() -> {
            double v = p.get() / per.get();
            return !Double.isFinite(v) ? "–" : per.get() > 1 ? String.format("%.3f bits/px", v) : String.format("%.3f bits", v);
        }, p, per);
    }

    private static void readout(GridPane g, String name, String id, ObservableValue<String> value, String help) {
        int r = g.getRowCount();
        Label n = new Label(name);
        n.getStyleClass().add("readout-name");
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("readout-value");
        v.textProperty().bind(value);
        Tooltip t = new Tooltip(help);
        t.setShowDelay(Duration.millis(350));
        n.setTooltip(t);
        v.setTooltip(t);
        v.setAccessibleText(name);
        g.add(n, 0, r);
        g.add(v, 1, r);
    }
}
