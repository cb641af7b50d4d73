package lab.diffusion.app.explorer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import lab.diffusion.app.binary.BinaryMode;
import lab.diffusion.app.display.DisplayModel;
import lab.diffusion.app.images.ImageMode;
import lab.diffusion.app.lecture.Appearance;
import lab.diffusion.app.mode.DataChoice;
import lab.diffusion.app.mode.ExplorerMode;
import lab.diffusion.app.mode.KUnits;
import lab.diffusion.app.mode.ModeContext;
import lab.diffusion.app.mode.ModeSettings;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.app.plots.RenderLoop;
import lab.diffusion.app.points.PointsMode;
import lab.diffusion.app.runs.RunsHost;
import lab.diffusion.app.schedule.ScheduleCompare;
import lab.diffusion.app.schedule.ScheduleModel;
import lab.diffusion.app.session.SessionHost;
import lab.diffusion.app.timeline.TimelineModel;
import lab.diffusion.app.training.TrainingModel;
import lab.diffusion.app.ui.Background;
import lab.diffusion.app.ui.Confirmer;
import lab.diffusion.app.ui.LatestTask;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.live.LiveEngine;
import lab.diffusion.engine.live.LiveSetup;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.session.Session;
import lab.diffusion.engine.train.TrainConfig;

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
    private final ObjectProperty<DataChoice> choice = new SimpleObjectProperty<>();
    private final IntegerProperty samples = new SimpleIntegerProperty();
    private final BooleanProperty idealAvailable = new SimpleBooleanProperty();
    private final Map<ExplorerMode, ModeSettings> left = new HashMap<>();
    private final LatestTask settle;
    private final AnimationTimer playback;
    private long sampleSeed = 7;
    /** Above 0 while a switch or an open applies its settings: changes do not set up models meanwhile. */
    private int applying;

    /** An explorer whose engine starts at once, with background threads (tests). */
    public Explorer(Confirmer confirmer) {
        this(confirmer, Background.threads(Platform::runLater), null);
    }

    /** An explorer whose engine starts loading ND4J when {@code firstFrame} completes (the window is on screen). */
    public Explorer(Confirmer confirmer, Background background, CompletableFuture<?> firstFrame) {
        this.background = background;
        this.engine = new LiveEngine(Platform::runLater, firstFrame);
        this.settle = background.debounced(250);
        this.trainer = new TrainingController(engine, messages, confirmer, new TrainerHost());
        this.training = trainer.model;
        this.schedules = new ScheduleRequests(this, engine);
        ModeLink link = new ModeLink();
        this.modes = MODES.stream().map(f -> f.apply(link)).toList();
        for (ExplorerMode m : modes) {
            m.plots().forEach(renderLoop::registerMain);
        }
        renderLoop.register(trainer.kChart);
        renderLoop.register(trainer.klBars);
        renderLoop.register(trainer.varianceBounds);
        playback = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    timeline.tick((now - last) / 1e9);
                }
                last = now;
            }
        };
        new ResultRouter(engine, this).wire();
        schedule.scheduleProperty().addListener((o, a, b) -> onScheduleChanged(b));
        timeline.tProperty().addListener((o, a, b) -> onTChanged());
        ExplorerMode first = modes.get(0);
        applying++;
        enter(first, first.defaults());
        applying--;
        refreshData();
        setUp(false);
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
        return choice;
    }

    /** Number of reverse samples shown. */
    public ReadOnlyIntegerProperty samplesProperty() {
        return samples;
    }

    public ReadOnlyBooleanProperty idealAvailableProperty() {
        return idealAvailable;
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
        sampleSeed = seed;
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
        settle.cancel();
        ModeSettings d = next.defaults();
        ViewState v = ViewState.read(s.view(), defaultView(next), s.schedule().steps(), next.maxSamples(), Appearance.THEMES);
        applying++;
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
            applying--;
        }
        refreshData();
        training.restoreHistory(s.training().history(), s.training().steps());
        trainer.kChart.setCurve(training.curveProperty().get());
        trainer.runs.restore(s.runs());
        trainer.setCanTrain(true);
        engine.open(s, setup(s.data()));
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
        settle.cancel();
        trainer.archiveCurrentRun();
        applying++;
        try {
            enter(next, left.getOrDefault(next, next.defaults()));
            load.run();
        } finally {
            applying--;
        }
        refreshData();
        setUp(false);
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

    // ------------------------------------------------------------------ data and model

    /** The mode's data changed: redraw what depends on them, then set the model up again (at once or after a pause). */
    void dataChanged(ExplorerMode m, boolean newModel) {
        if (applying > 0 || m != mode.get()) {
            return;
        }
        refreshData();
        String problem = m.problem();
        if (!problem.isEmpty()) {
            settle.cancel();
            trainer.setCanTrain(false);
            if (training.runningProperty().get()) {
                trainer.pause();
            }
            messages.report(problem);
        } else if (newModel || m.settled()) {
            settle.cancel();
            setUp(!newModel);
            trainer.loaded();
        } else {
            settle.submit(() -> setUp(true));
        }
    }

    /** Redraws the forward process, the endpoint readout, K's units and the subtitles for the current data. */
    private void refreshData() {
        ExplorerMode m = mode.get();
        m.recomputeForward(schedule.schedule());
        m.recomputeEndpoint(schedule.schedule());
        KUnits u = m.units();
        training.perUnitProperty().set(u.perUnit());
        trainer.kChart.setUnit(u.unit(), u.lnullLabel());
        trainer.kChart.setScale(u.perUnit());
        trainer.kChart.setReferences(u.lnullBits(), u.referenceBits(), u.referenceLabel());
        idealAvailable.set(m.idealReference() != null);
        choice.set(m.currentChoice());
        updateSubtitles();
    }

    /**
     * Sets the model up for the current data: with {@code keepWeights} (and the same
     * architecture and schedule) the engine keeps training the model it has, else a fresh model
     * replaces it (the old run goes to the run history).
     */
    void setUp(boolean keepWeights) {
        if (applying > 0) {
            return;
        }
        ExplorerMode m = mode.get();
        PointData pd;
        try {
            pd = m.trainingData();
        } catch (DataException e) {
            trainer.setCanTrain(false);
            messages.report(e.getMessage());
            return;
        }
        if (pd == null) {
            trainer.setCanTrain(false); // still loading; the load finishing sets the model up
            return;
        }
        ModelSpec spec = training.specProperty().get();
        boolean fresh = !keepWeights || spec.dim() != pd.dim();
        ModelSpec fitted = m.fitSpec(spec, pd, fresh);
        if (!fitted.equals(spec)) {
            training.specProperty().set(fitted);
            fresh = true;
        }
        trainer.setCanTrain(true);
        messages.clearUnlessAboutTraining();
        if (fresh) {
            trainer.archiveCurrentRun();
            trainer.newModel(schedule.schedule());
            m.showLoading("sampling…");
            updateSubtitles();
        }
        engine.configure(setup(pd), !fresh);
    }

    /** What the engine trains: these data with the current schedule, model, training and sampling settings. */
    LiveSetup setup(PointData pd) {
        ExplorerMode m = mode.get();
        TrainConfig cfg = new TrainConfig(training.optimizerProperty().get(), training.learningRateProperty().get(),
                training.batchSizeProperty().get(), training.seedProperty().get(), m.evaluationSeconds(), m.evaluationExamples());
        return new LiveSetup(pd, schedule.schedule(), training.specProperty().get(), cfg, training.seedProperty().get(),
                m.idealReference(), samples.get(), sampleSeed);
    }

    private void onScheduleChanged(Schedule s) {
        if (applying > 0) {
            return;
        }
        if (schedules.isLearnedUpdate()) { // a learned schedule moved while training: show it, keep the model
            mode.get().recomputeForward(s);
            mode.get().recomputeEndpoint(s);
            return;
        }
        timeline.setMax(s.steps());
        refreshData();
        setUp(false);
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
        settle.cancel();
        renderLoop.stop();
        playback.stop();
        engine.close();
        background.close();
    }

    /** The trainer's door to the explorer. */
    private final class TrainerHost implements TrainingController.Host {
        @Override
        public ExplorerMode mode() {
            return mode.get();
        }

        @Override
        public void setUp(boolean keepWeights) {
            Explorer.this.setUp(keepWeights);
        }

        @Override
        public String describeRun() {
            return Explorer.this.describeRun();
        }

        @Override
        public Schedule schedule() {
            return schedule.schedule();
        }
    }

    /** The modes' door to the explorer. */
    private final class ModeLink implements ModeContext {
        @Override
        public Background background() {
            return background;
        }

        @Override
        public LiveEngine engine() {
            return engine;
        }

        @Override
        public ScheduleModel schedule() {
            return schedule;
        }

        @Override
        public DisplayModel display() {
            return display;
        }

        @Override
        public RenderLoop renderLoop() {
            return renderLoop;
        }

        @Override
        public int t() {
            return timeline.t();
        }

        @Override
        public void setT(int t) {
            timeline.setT(t);
        }

        @Override
        public long dataSeed() {
            return 1;
        }

        @Override
        public boolean isShown(ExplorerMode m) {
            return mode.get() == m;
        }

        @Override
        public void dataChanged(ExplorerMode m, boolean newModel) {
            Explorer.this.dataChanged(m, newModel);
        }

        @Override
        public void subtitlesChanged() {
            updateSubtitles();
        }

        @Override
        public boolean select(DataChoice c) {
            return Explorer.this.select(c);
        }

        @Override
        public void report(String problem) {
            messages.report(problem);
        }

        @Override
        public void inform(String news) {
            messages.inform(news);
        }
    }
}
