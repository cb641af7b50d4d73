package lab.diffusion.app.window;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import lab.diffusion.app.display.DisplayView;
import lab.diffusion.app.explorer.Explorer;
import lab.diffusion.app.mode.ExplorerMode;
import lab.diffusion.app.runs.RunsView;
import lab.diffusion.app.schedule.ScheduleView;
import lab.diffusion.app.training.ModelView;
import lab.diffusion.app.training.TrainingSettingsView;
import lab.diffusion.app.ui.Forms;
import lab.diffusion.app.ui.Frames;
import lab.diffusion.app.ui.MessageLabel;

/**
 * The sidebar's sections: Data (the mode's own view), the mode's extra sections, Schedule,
 * Model, Training, Sampling, Display and Runs. Collapsed sections get their content after the
 * first frames (or when opened), so start-up lays out only what is on screen. FX thread.
 */
final class SidebarView extends ScrollPane {

    private final Explorer ex;
    private final List<TitledPane> lazy = new ArrayList<>();
    private final ScheduleView scheduleView;
    private final RunsView runsView;

    SidebarView(Explorer ex, ScheduleView.Actions scheduleActions) {
        this.ex = ex;
        scheduleView = new ScheduleView(ex.schedule, ex.schedules::request, scheduleActions);
        ex.timeline.tProperty().addListener((o, a, b) -> scheduleView.chart().setT(b.intValue()));
        ex.renderLoop.register(scheduleView.chart());
        ModelView modelView = new ModelView(ex.training, ex.trainer::requestSpec);
        modelView.setKinds(ex.mode().modelKinds());
        ex.modeProperty().addListener((o, a, b) -> modelView.setKinds(b.modelKinds()));
        TrainingSettingsView settings = new TrainingSettingsView(ex.training, ex.trainer::requestOptimizer, ex.trainer::setLearningRate,
                ex.trainer::setBatchSize, ex.trainer::setSeed);

        VBox dataBox = new VBox(ex.mode().dataView());
        ex.modeProperty().addListener((o, a, b) -> dataBox.getChildren().setAll(b.dataView()));
        TitledPane data = Forms.section("Data", dataBox);
        List<TitledPane> modeSections = new ArrayList<>();
        for (ExplorerMode m : ex.modes()) {
            for (TitledPane p : m.sections()) {
                p.visibleProperty().bind(ex.modeProperty().isEqualTo(m));
                p.managedProperty().bind(p.visibleProperty());
                modeSections.add(p);
                if (Forms.pending(p)) {
                    lazy.add(p);
                }
            }
        }
        TitledPane sch = Forms.section("Schedule", scheduleView);
        TitledPane model = Forms.lazySection("Model", modelView);
        TitledPane tr = Forms.lazySection("Training", settings);
        TitledPane smp = Forms.lazySection("Sampling", sampling());
        TitledPane disp = Forms.lazySection("Display", new DisplayView(ex.display, ex.renderLoop, ex.idealAvailableProperty()));
        runsView = new RunsView(ex.runsHost());
        TitledPane runs = Forms.lazySection("Runs", runsView);
        runs.setId("runs-section");
        lazy.addAll(List.of(model, tr, smp, disp, runs));
        VBox box = new VBox(data);
        box.getChildren().addAll(modeSections);
        box.getChildren().addAll(sch, model, tr, smp, disp, runs);
        box.getStyleClass().add("sidebar");
        setContent(box);
        setId("sidebar");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setPrefWidth(330);
        setMinWidth(280);
        // one collapsed section a frame from the third frame on
        Frames.eachFrom(3, () -> {
            for (TitledPane p : lazy) {
                if (Forms.pending(p)) {
                    Forms.attach(p);
                    return true;
                }
            }
            return false;
        });
    }

    /** The Sampling section: how many reverse samples are drawn, from which noise seed. */
    private VBox sampling() {
        MessageLabel message = new MessageLabel("sampling-message");
        Spinner<Integer> samples = Forms.intSpinner(4, ex.mode().maxSamples(), ex.samplesProperty().get(), ex.mode().samplesStep(),
                message::say);
        samples.setId("samples-spinner");
        Forms.tip(samples, "Number of reverse samples drawn from noise for the Reverse plot.");
        Spinner<Integer> seed = Forms.intSpinner(0, 1_000_000, 7, 1, message::say);
        seed.setId("sample-seed");
        Forms.tip(seed, "Seed of the noise the reverse samples start from.");
        ex.modeProperty().addListener((o, a, b) -> {
            IntegerSpinnerValueFactory f = (IntegerSpinnerValueFactory) samples.getValueFactory();
            f.setMax(b.maxSamples());
            f.setAmountToStepBy(b.samplesStep());
        });
        // set by a switch or an open: only shown (the new model brings its own count to the engine)
        ex.samplesProperty().addListener((o, a, b) -> samples.getValueFactory().setValue(b.intValue()));
        samples.valueProperty().addListener((o, a, b) -> {
            if (b != ex.samplesProperty().get()) {
                ex.setSampling(b, seed.getValue());
            }
        });
        seed.valueProperty().addListener((o, a, b) -> ex.setSampling(samples.getValue(), b));
        GridPane form = Forms.grid();
        Forms.row(form, "Samples", samples);
        Forms.row(form, "Seed", seed);
        return new VBox(6, form, message);
    }

    /** Gives every collapsed section its content now. */
    void attachAll() {
        lazy.forEach(Forms::attach);
    }

    ScheduleView scheduleView() {
        return scheduleView;
    }

    RunsView runsView() {
        return runsView;
    }
}
