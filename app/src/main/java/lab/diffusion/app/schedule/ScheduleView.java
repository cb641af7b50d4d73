package lab.diffusion.app.schedule;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import lab.diffusion.app.plots.CurveChart;
import lab.diffusion.app.ui.FileActions;
import lab.diffusion.app.ui.Forms;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleCsv;
import lab.diffusion.engine.schedule.ScheduleFamily;

/** The Schedule section: T, family, the β/ᾱ/SNR curves and how close x⁽ᵀ⁾ gets to noise. FX thread. */
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
    /** What the buttons and the custom and learned entries of the family list do (the explorer supplies them). */
    public interface Actions {
        /** Opens the schedule editor (drag knots). */
        void edit();

        /** Opens the comparison of two schedules. */
        void compare();

        /** Starts learning the schedule from the current one; false if refused. */
        boolean learn();

        /** Applies a schedule read from a CSV file; false if refused. */
        boolean apply(Schedule s);
    }

    public ScheduleView(ScheduleModel model, BiPredicate<ScheduleFamily, Integer> request, Actions actions) {
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
                + "cosine ᾱₜ = cos²(…), log-SNR linear λₜ = logit ᾱₜ, custom (drag knots), or learned with the model by gradient "
                + "ascent on K (paper §2.4.1). Changing it starts a new model.");

        steps.valueProperty().addListener((o, a, b) -> {
            if (!syncing && b != null && b != model.steps()) {
                apply(request, family.getValue(), b, model);
            }
        });
        family.valueProperty().addListener((o, a, b) -> {
            if (syncing || b == null || b == model.family()) {
                return;
            }
            if (b == ScheduleFamily.CUSTOM) {
                Platform.runLater(() -> sync(model));
                actions.edit();
            } else if (b == ScheduleFamily.LEARNED) {
                if (!actions.learn()) {
                    Platform.runLater(() -> sync(model));
                }
            } else {
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
        Button edit = Forms.tip(new Button("Edit…"),
                "Draw the schedule: drag knots of log β, ᾱ or log-SNR over t (monotone interpolation); the forward plot follows.");
        edit.setId("schedule-edit");
        edit.setOnAction(e -> actions.edit());
        Button compare = Forms.tip(new Button("Compare…"),
                "Set another schedule beside this one on the same data and seed: forward plots, curves, and K after training both.");
        compare.setId("schedule-compare");
        compare.setOnAction(e -> actions.compare());
        Button save = Forms.tip(new Button("Save CSV…"), "Save the schedule as rows of t,β.");
        save.setId("schedule-save");
        save.setOnAction(e -> {
            Path file = FileActions.chooseSave(FileActions.owner(this), "Save the schedule",
                    model.family().label().toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-schedule.csv", "CSV", "*.csv");
            if (file != null) {
                try {
                    ScheduleCsv.write(file, model.schedule());
                    say("");
                } catch (IOException ex) {
                    say("Not saved: " + ex.getMessage());
                }
            }
        });
        Button load = Forms.tip(new Button("Load CSV…"),
                "Use a schedule from a CSV file of t,β rows (t = 1..T in order, each β in (0, 1)).");
        load.setId("schedule-load");
        load.setOnAction(e -> {
            Path file = FileActions.chooseOpen(FileActions.owner(this), "Load a schedule",
                    new FileChooser.ExtensionFilter("CSV", "*.csv", "*.txt"), new FileChooser.ExtensionFilter("All files", "*.*"));
            if (file != null) {
                loadCsv(file, actions::apply);
            }
        });
        FlowPane buttons = new FlowPane(6, 6, edit, compare, save, load);
        getChildren().addAll(form, chart, buttons, readout, warning, message);
    }

    /** Reads a schedule file and applies it; a bad file changes nothing and says why. */
    public boolean loadCsv(Path file, Predicate<Schedule> apply) {
        try {
            Schedule s = ScheduleCsv.read(file);
            say("");
            return apply.test(s);
        } catch (DataException ex) {
            say("Not loaded: " + ex.getMessage());
            return false;
        }
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
