package lab.diffusion.app.explorer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import lab.diffusion.app.binary.BinaryMode;
import lab.diffusion.app.display.DisplayModel;
import lab.diffusion.app.images.ImageMode;
import lab.diffusion.app.lecture.Appearance;
import lab.diffusion.app.mode.DataChoice;
import lab.diffusion.app.mode.ExplorerMode;
import lab.diffusion.app.mode.ModeContext;
import lab.diffusion.app.mode.ModeSettings;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.app.plots.RenderLoop;
import lab.diffusion.app.points.PointsMode;
import lab.diffusion.app.runs.RunsHost;
import lab.diffusion.app.schedule.ScheduleCompare;
import lab.diffusion.app.schedule.ScheduleModel;
import lab.diffusion.app.session.SessionHost;
import lab.diffusion.app.timeline.Playback;
import lab.diffusion.app.timeline.TimelineModel;
import lab.diffusion.app.training.TrainingModel;
import lab.diffusion.app.ui.Background;
import lab.diffusion.app.ui.Confirmer;
import lab.diffusion.engine.live.LiveEngine;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.session.Session;

/**
 * The explorer's top view-model: composes the modes (points, sequences, images), the shared
 * feature models and the live engine, switches between modes and data sets, and routes the
 * engine's results to the mode on screen. Switching and opening are transactions: the settings
 * of the new mode or session are applied while set-ups are held back, then one new model is set
 * up, so nothing shown mixes two models. FX thread; engine work goes to the engine worker,
 * other long work to the background executor; neither is waited for.
 */
public final class Explorer implements AutoCloseable {

    /** The kinds of data, in menu order: one class each (and a subclass of the mode contract test). */
    static final List<Function<ModeContext, ExplorerMode>> MODES = List.of(PointsMode::new, BinaryMode::new, ImageMode::new);

    public final ScheduleModel schedule = new ScheduleModel();
    public final TimelineModel timeline = new TimelineModel();
    public final DisplayModel display = new DisplayModel();
    public final RenderLoop renderLoop = new RenderLoop();
    public final Appearance appearance = new Appearance(renderLoop);
    public final Messages messages = new Messages();
    public final TrainingController trainer;
    /** The training settings and telemetry (the trainer's model). */
    public final TrainingModel training;
    public final ScheduleRequests schedules;

    private final Background background;
    private final LiveEngine engine;
    private final List<ExplorerMode> modes;
    private final ObjectProperty<ExplorerMode> mode = new SimpleObjectProperty<>();
    private final IntegerProperty samples = new SimpleIntegerProperty();
    private final Map<ExplorerMode, ModeSettings> left = new HashMap<>();
    private final Playback playback;
    /** Sets the model up for the data (the trainer and the modes ask it through the explorer). */
    final ModelSetup models;

    /** An explorer whose engine starts at once, with background threads (tests). */
    public Explorer(Confirmer confirmer) {
        this(confirmer, Background.threads(Platform::runLater), null);
    }

    /** An explorer whose engine starts loading ND4J when {@code firstFrame} completes (the window is on screen). */
    public Explorer(Confirmer confirmer, Background background, CompletableFuture<?> firstFrame) {
        this.background = background;
        this.engine = new LiveEngine(Platform::runLater, firstFrame);
        this.trainer = new TrainingController(engine, messages, confirmer, new TrainerHost(this));
        this.training = trainer.model;
        this.schedules = new ScheduleRequests(this, engine);
        this.models = new ModelSetup(this, engine, background);
        ModeLink link = new ModeLink(this);
        this.modes = MODES.stream().map(f -> f.apply(link)).toList();
        for (ExplorerMode m : modes) {
            m.plots().forEach(renderLoop::registerMain);
        }
        renderLoop.register(trainer.kChart);
        renderLoop.register(trainer.klBars);
        renderLoop.register(trainer.varianceBounds);
        playback = new Playback(timeline);
        new ResultRouter(engine, this).wire();
        schedule.scheduleProperty().addListener((o, a, b) -> onScheduleChanged(b));
        timeline.tProperty().addListener((o, a, b) -> onTChanged());
        ExplorerMode first = modes.get(0);
        models.hold();
        enter(first, first.defaults());
        models.release();
        models.refresh();
        models.setUp(false);
        renderLoop.start();
        playback.start();
    }

    // ------------------------------------------------------------------ what is shown

    public ReadOnlyObjectProperty<ExplorerMode> modeProperty() {
        return mode;
    }

    public ExplorerMode mode() {
        return mode.get();
    }

    /** Every mode, in menu order. */
    public List<ExplorerMode> modes() {
        return modes;
    }

    /** The mode of a given class. */
    public <M extends ExplorerMode> M mode(Class<M> type) {
        return modes.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    /** The data set shown, if it is one of the choices (null for a drawing, an import or a session's data). */
    public ReadOnlyObjectProperty<DataChoice> choiceProperty() {
        return models.choiceProperty();
    }

    /** Number of reverse samples shown. */
    public ReadOnlyIntegerProperty samplesProperty() {
        return samples;
    }

    public ReadOnlyBooleanProperty idealAvailableProperty() {
        return models.idealAvailableProperty();
    }

    public ReadOnlyBooleanProperty canTrainProperty() {
        return trainer.canTrainProperty();
    }

    /** The three plots of the mode on screen. */
    public List<PlotCanvas> shownPlots() {
        return mode.get().plots();
    }

    /** The caption of the current view at the timeline's t. */
    public String caption() {
        double gain = training.kMinusLnullProperty().get() / Math.max(1, training.perUnitProperty().get());
        return mode.get().caption(timeline.t(), schedule.schedule(), training.stepProperty().get() > 0, gain);
    }

    /** One line: data, model, schedule and optimizer of the current run. */
    public String describeRun() {
        return String.format("%s; %s; %s, T = %d; %s lr %.0e, batch %d", mode.get().dataName(), training.specProperty().get().describe(),
                schedule.family().label(), schedule.steps(), training.optimizerProperty().get().id(),
                training.learningRateProperty().get(), training.batchSizeProperty().get());
    }

    public LiveEngine engine() {
        return engine;
    }

    /** The session feature's door to the explorer. */
    public SessionHost sessionHost() {
        return new SessionLink(this);
    }

    /** The run history's door to the explorer. */
    public RunsHost runsHost() {
        return new RunsLink(this);
    }

    /** The schedule comparison's door to the explorer. */
    public ScheduleCompare.Host compareHost() {
        return new CompareLink(this);
    }

    public Background background() {
        return background;
    }

    // ------------------------------------------------------------------ commands

    /** Shows one of a mode's data sets, entering the mode if needed; asks before training is discarded. False if refused. */
    public boolean select(DataChoice c) {
        boolean other = c.mode() != mode.get();
        if ((other || c.newModel()) && !trainer.allowDiscard(other ? "Switching to " + c.mode().label() : "Loading " + c.label())) {
            return false;
        }
        if (other) {
            switchTo(c.mode(), c.load());
        } else {
            c.load().run();
        }
        return true;
    }

    /** Number and seed of the reverse samples shown; the engine redraws them for the current model. */
    public void setSampling(int n, long seed) {
        models.setSampleSeed(seed);
        samples.set(Math.max(1, Math.min(mode.get().maxSamples(), n)));
        engine.setSampling(samples.get(), seed);
    }

    /**
     * Shows a session: its mode, data, schedule, model with its weights and optimizer state,
     * training progress and view settings, all at once; its plots say "loading" until the
     * model's first results arrive. False (and nothing changed) when no mode shows its data.
     */
    public boolean show(Session s) {
        ExplorerMode next = modes.stream().filter(m -> m.accepts(s.data(), s.model())).findFirst().orElse(null);
        if (next == null) {
            messages.report("Not opened: no view of this app shows these data with this model.");
            return false;
        }
        trainer.pause();
        ModeSettings d = next.defaults();
        ViewState v = ViewState.read(s.view(), defaultView(next), s.schedule().steps(), next.maxSamples(), Appearance.THEMES);
        models.hold();
        try {
            enter(next, new ModeSettings(s.model(), s.schedule(), Math.max(d.maxSteps(), s.schedule().steps()),
                    s.training().batchSize(), v.samples()));
            training.optimizerProperty().set(s.training().optimizer());
            training.learningRateProperty().set(s.training().learningRate());
            training.seedProperty().set(s.modelSeed());
            next.showSession(s.data());
            next.showLoading("loading the model…");
            ViewStates.apply(v, this);
        } finally {
            models.release();
        }
        models.refresh();
        training.restoreHistory(s.training().history(), s.training().steps());
        trainer.kChart.setCurve(training.curveProperty().get());
        trainer.runs.restore(s.runs());
        trainer.setCanTrain(true);
        engine.open(s, models.setup(s.data()));
        return true;
    }

    /** The view settings to save with the session. */
    public ViewState viewState() {
        return ViewStates.of(this, mode.get().id(), timeline.t(), samples.get());
    }

    private ViewState defaultView(ExplorerMode m) {
        return ViewStates.of(this, m.id(), 0, m.defaults().samples());
    }

    // ------------------------------------------------------------------ switching

    /** Leaves the current mode (remembering its settings) for {@code next}, whose data {@code load} fills. */
    private void switchTo(ExplorerMode next, Runnable load) {
        trainer.pause();
        trainer.archiveCurrentRun();
        models.hold();
        try {
            enter(next, left.getOrDefault(next, next.defaults()));
            load.run();
        } finally {
            models.release();
        }
        models.refresh();
        models.setUp(false);
    }

    /** Puts {@code next} on screen with its settings; results of the model shown before are forgotten. */
    private void enter(ExplorerMode next, ModeSettings ms) {
        ExplorerMode prev = mode.get();
        if (prev != null) {
            left.put(prev, new ModeSettings(training.specProperty().get(), schedule.schedule(), schedule.maxStepsProperty().get(),
                    training.batchSizeProperty().get(), samples.get()));
        }
        mode.set(next);
        training.specProperty().set(ms.spec());
        schedule.setSchedule(ms.schedule());
        schedule.maxStepsProperty().set(Math.max(ms.maxSteps(), ms.schedule().steps()));
        training.batchSizeProperty().set(ms.batch());
        samples.set(Math.min(ms.samples(), next.maxSamples()));
        timeline.setMax(schedule.steps());
        timeline.setT(0);
        training.acceptQuality(Double.NaN);
        trainer.newModel(schedule.schedule());
        next.showLoading("sampling…");
        next.setT(0);
    }

    private void onScheduleChanged(Schedule s) {
        if (models.held()) {
            return;
        }
        if (schedules.isLearnedUpdate()) { // a learned schedule moved while training: show it, keep the model
            mode.get().recomputeForward(s);
            mode.get().recomputeEndpoint(s);
            return;
        }
        timeline.setMax(s.steps());
        models.refresh();
        models.setUp(false);
    }

    private void onTChanged() {
        mode.get().setT(timeline.t());
        updateSubtitles();
    }

    void updateSubtitles() {
        mode.get().updateSubtitles(timeline.t(), schedule.schedule());
    }

    @Override
    public void close() {
        models.cancelPending();
        renderLoop.stop();
        playback.stop();
        engine.close();
        background.close();
    }
}
