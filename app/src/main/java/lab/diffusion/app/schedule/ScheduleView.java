package lab.diffusion.app.schedule;

import java.util.function.BiPredicate;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import lab.diffusion.app.plots.CurveChart;
import lab.diffusion.app.ui.Forms;
import lab.diffusion.engine.schedule.ScheduleFamily;

/** The Schedule section: T, family, the β/ᾱ/SNR curves and how close x⁽ᵀ⁾ gets to noise. */
public final class ScheduleView extends VBox {

    private final Spinner<Integer> steps = new Spinner<>();
    private final ChoiceBox<ScheduleFamily> family = new ChoiceBox<>(FXCollections.observableArrayList(ScheduleFamily.values()));
    private final CurveChart chart = new CurveChart();
    private final Label message = Forms.note("");
    private boolean syncing;

    /**
     * @param request applies a family and T; returns false when refused (invalid, or the person
     *                chose to keep the trained model), and the controls then show the old values
     */
    public ScheduleView(ScheduleModel model, BiPredicate<ScheduleFamily, Integer> request) {
        super(8);
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(2, model.maxStepsProperty().get(), model.steps());
        f.maxProperty().bind(model.maxStepsProperty());
        steps.setValueFactory(f);
        steps.setEditable(true);
        steps.setId("steps-spinner");
        Forms.tip(steps, "Number of diffusion steps T (2 to " + ScheduleModel.MAX_T + " for points, " + ScheduleModel.MAX_T_BINARY
                + " for binary data). Changing it starts a new model.");
        // a typed value that is not a number, or out of range, is rejected with a message
        f.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String s) {
                try {
                    int v = Integer.parseInt(s.trim());
                    if (v < 2 || v > model.maxStepsProperty().get()) {
                        say("T must be between 2 and " + model.maxStepsProperty().get() + "; kept T = " + model.steps() + ".");
                        return model.steps();
                    }
                    return v;
                } catch (NumberFormatException e) {
                    say("'" + s.trim() + "' is not a whole number; kept T = " + model.steps() + ".");
                    return model.steps();
                }
            }
        });
        family.setId("family-choice");
        family.setConverter(new StringConverter<>() {
            @Override
            public String toString(ScheduleFamily s) {
                return s == null ? "" : s.label();
            }

            @Override
            public ScheduleFamily fromString(String s) {
                return null;
            }
        });
        family.setValue(model.family());
        Forms.tip(family, "β schedule family: paper default (βₜ from 1/T up to 1/2), constant erasure βₜ = 1/(T−t+1), linear, "
                + "cosine ᾱₜ = cos²(…), or log-SNR linear λₜ = logit ᾱₜ. Changing it starts a new model.");

        steps.valueProperty().addListener((o, a, b) -> {
            if (!syncing && b != null && b != model.steps()) {
                apply(request, family.getValue(), b, model);
            }
        });
        family.valueProperty().addListener((o, a, b) -> {
            if (!syncing && b != null && b != model.family()) {
                apply(request, b, steps.getValue(), model);
            }
        });
        model.scheduleProperty().addListener((o, a, b) -> {
            sync(model);
            chart.setSchedule(b);
        });
        chart.setSchedule(model.schedule());

        Label readout = new Label();
        readout.setId("endpoint-readout");
        readout.setWrapText(true);
        readout.getStyleClass().add("readout");
        readout.textProperty().bind(model.readoutProperty());
        Label warning = new Label();
        warning.setId("schedule-warning");
        warning.setWrapText(true);
        warning.getStyleClass().add("warning-text");
        warning.textProperty().bind(model.warningProperty());
        warning.visibleProperty().bind(model.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        message.setId("schedule-message");
        message.getStyleClass().add("error-text");
        say("");

        GridPane form = Forms.grid();
        Forms.row(form, "Steps T", steps);
        Forms.row(form, "Family", family);
        chart.setPrefHeight(190);
        getChildren().addAll(form, chart, readout, warning, message);
    }

    /** The curve chart (the explorer marks the current t on it). */
    public CurveChart chart() {
        return chart;
    }

    private void apply(BiPredicate<ScheduleFamily, Integer> request, ScheduleFamily f, int t, ScheduleModel model) {
        String problem = model.validate(f, t);
        if (problem != null) {
            say(problem);
            Platform.runLater(() -> sync(model));
            return;
        }
        say("");
        if (!request.test(f, t)) {
            Platform.runLater(() -> sync(model));
        }
    }

    private void sync(ScheduleModel model) {
        syncing = true;
        try {
            steps.getValueFactory().setValue(model.steps());
            family.setValue(model.family());
        } finally {
            syncing = false;
        }
    }

    private void say(String text) {
        message.setText(text);
        message.setVisible(!text.isEmpty());
        message.setManaged(!text.isEmpty());
    }
}
