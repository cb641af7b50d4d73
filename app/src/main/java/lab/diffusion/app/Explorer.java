package lab.diffusion.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.util.Duration;
import lab.diffusion.app.data.DataModel;
import lab.diffusion.engine.process.ForwardPaths;
import lab.diffusion.app.engine.EngineService;
import lab.diffusion.app.engine.Views;
import lab.diffusion.app.plots.DisplayModel;
import lab.diffusion.app.plots.DriftPlot;
import lab.diffusion.app.plots.ForwardPlot;
import lab.diffusion.app.plots.KChart;
import lab.diffusion.app.plots.KlBars;
import lab.diffusion.app.plots.PointColors;
import lab.diffusion.app.plots.RenderLoop;
import lab.diffusion.app.plots.ReversePlot;
import lab.diffusion.app.schedule.ScheduleModel;
import lab.diffusion.app.timeline.TimelineModel;
import lab.diffusion.app.training.TrainingModel;
import lab.diffusion.app.ui.Confirmer;
import lab.diffusion.engine.data.BinaryData;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.data.Preset;
import lab.diffusion.engine.data.Standardizer;
import lab.diffusion.engine.model.GaussianTables;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.nn.Optimizer;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.train.TrainConfig;
import lab.diffusion.engine.train.TrainingStatus;

/**
 * The explorer's top-level view-model: owns the feature models, the plots and the engine
 * service, and keeps them consistent. All methods run on the FX thread; engine work is handed
 * to {@link EngineService}, pure-Java display work to a background thread, and neither is ever
 * waited for.
 */
public final class Explorer implements AutoCloseable {

    /** True log-likelihood of the swiss roll preset (paper-math §4), the ceiling for K. */
    public static final double SWISSROLL_LOGLIK_BITS = -0.93;

    public final DataModel data = new DataModel();
    public final ScheduleModel schedule = new ScheduleModel();
    public final TimelineModel timeline = new TimelineModel();
    public final TrainingModel training = new TrainingModel();
    public final DisplayModel display = new DisplayModel();
    public final ForwardPlot forwardPlot = new ForwardPlot();
    public final ReversePlot reversePlot = new ReversePlot();
    public final DriftPlot driftPlot = new DriftPlot();
    public final KChart kChart = new KChart();
    public final KlBars klBars = new KlBars();
    public final lab.diffusion.app.plots.VarianceBounds varianceBounds = new lab.diffusion.app.plots.VarianceBounds();
    public final RenderLoop renderLoop = new RenderLoop();
    public final EngineService engine;
    /** Binary data (the heartbeat): rasters instead of point plots. */
    public final lab.diffusion.app.binary.BinaryMode binary = new lab.diffusion.app.binary.BinaryMode();

    /** Images (digits, dead leaves, a folder): image grids and inpainting instead of point plots. */
    public final lab.diffusion.app.images.ImageMode images = new lab.diffusion.app.images.ImageMode();

    /** What kind of data the explorer shows. */
    public enum Mode {
        POINTS, BINARY, IMAGES
    }

    /** The settings a mode had when it was left, restored when it is entered again. */
    private record ModeSettings(ModelSpec spec, ScheduleFamily family, int steps, int maxSteps, int batch, int samples) {
    }

    private final javafx.beans.property.ObjectProperty<Mode> mode = new javafx.beans.property.SimpleObjectProperty<>(Mode.POINTS);
    private final javafx.beans.property.IntegerProperty displaySamples = new javafx.beans.property.SimpleIntegerProperty(2000);
    private final java.util.EnumMap<Mode, ModeSettings> modeSettings = new java.util.EnumMap<>(java.util.Map.of(
            Mode.POINTS, new ModeSettings(ModelSpec.paperDefault(2), ScheduleFamily.LOGSNR, 40, ScheduleModel.MAX_T, 512, 2000),
            Mode.BINARY, new ModeSettings(ModelSpec.binomialDefault(BinaryData.HEARTBEAT_BITS, 0.2, 20), ScheduleFamily.ERASURE, 2000,
                    ScheduleModel.MAX_T_BINARY, 512, 64),
            Mode.IMAGES, new ModeSettings(ModelSpec.imageDefault(28 * 28, IMAGE_WIDTH), ScheduleFamily.COSINE, IMAGE_T,
                    ScheduleModel.MAX_T, 128, lab.diffusion.app.images.ImageMode.REVERSE_IMAGES)));
    private boolean switching;
    /** Train was pressed while images were loading. */
    private boolean trainWhenLoaded;
    /** A session is being applied: data changes do not set up a fresh model. */
    private boolean opening;
    /** Image models in the app: the CLI's defaults (T = 200, 3 hidden layers), narrower so training is live. */
    static final int IMAGE_WIDTH = 256;
    static final int IMAGE_T = 200;

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Starting the engine (loading the numerics library)…");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper messageIsError = new javafx.beans.property.ReadOnlyBooleanWrapper(true);
    private final BooleanProperty idealAvailable = new SimpleBooleanProperty();
    private final BooleanProperty canTrain = new SimpleBooleanProperty();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "diffusion-lab-display");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong forwardRequest = new AtomicLong();
    private final AtomicLong endpointRequest = new AtomicLong();
    private final PauseTransition dataSettle = new PauseTransition(Duration.millis(250));
    private Confirmer confirmer;
    private float[][] forwardStates;
    private double[] world = {-4, 4, -4, 4};
    private PointSet idealReference;
    private Views.Reverse lastReverse;
    private int followIndex = -1;
    private long dataSeed = 1;
    private final javafx.animation.AnimationTimer playback = new javafx.animation.AnimationTimer() {
        private long last;

        @Override
        public void handle(long now) {
            if (last != 0) {
                timeline.tick((now - last) / 1e9);
            }
            last = now;
        }
    };

    public Explorer(Confirmer confirmer) {
        this(confirmer, null);
    }

    /** An explorer whose engine starts loading ND4J when {@code firstFrame} completes (the window is on screen). */
    public Explorer(Confirmer confirmer, java.util.concurrent.CompletableFuture<?> firstFrame) {
        this.confirmer = confirmer;
        this.engine = new EngineService(Platform::runLater, firstFrame);
        renderLoop.registerMain(forwardPlot);
        renderLoop.registerMain(reversePlot);
        renderLoop.registerMain(driftPlot);
        renderLoop.registerMain(binary.forward);
        renderLoop.registerMain(binary.reverse);
        renderLoop.registerMain(binary.probability);
        renderLoop.registerMain(images.forward);
        renderLoop.registerMain(images.reverse);
        renderLoop.registerMain(images.conditionPlot);
        renderLoop.register(kChart);
        renderLoop.register(klBars);
        renderLoop.register(varianceBounds);
        wire();
        data.loadPreset(Preset.SWISSROLL);
        renderLoop.start();
        playback.start();
    }

    /** Replaces how confirmations are asked (tests answer without a dialog). */
    public void setConfirmer(Confirmer c) {
        confirmer = c;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last problem reported (empty when none). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty idealAvailableProperty() {
        return idealAvailable;
    }

    public ReadOnlyBooleanProperty canTrainProperty() {
        return canTrain;
    }

    public javafx.beans.property.ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public Mode mode() {
        return mode.get();
    }

    /** Number of reverse samples shown (2,000 points, or 64 binary sequences). */
    public javafx.beans.property.IntegerProperty displaySamplesProperty() {
        return displaySamples;
    }

    /** Shows a 2D preset, leaving binary mode if needed (asks before discarding training). */
    public boolean selectPreset(Preset p) {
        if (mode.get() == Mode.POINTS) {
            data.loadPreset(p);
            return true;
        }
        if (!allowDiscard("Switching to 2D points")) {
            return false;
        }
        switchMode(Mode.POINTS, () -> data.loadPreset(p));
        return true;
    }

    /**
     * Shows training images (digits, dead leaves or the images of {@code folder}), entering image
     * mode if needed; asks before discarding training. False if refused.
     */
    public boolean selectImages(lab.diffusion.app.images.ImageSource source, java.nio.file.Path folder) {
        if (!allowDiscard(mode.get() == Mode.IMAGES ? "Training on other images" : "Switching to images")) {
            return false;
        }
        Runnable load = () -> images.data.load(source, folder, dataSeed, background, m -> report("Images not loaded: " + m));
        if (mode.get() == Mode.IMAGES) {
            load.run();
        } else {
            switchMode(Mode.IMAGES, load);
        }
        return true;
    }

    /** Starts inpainting or denoising the chosen image with the current model. */
    public void runCondition() {
        String problem = images.run(engine);
        if (!problem.isEmpty()) {
            report(problem);
        }
    }

    /** Paints (or erases) the inpainting mask under a screen point of the condition plot. */
    public void paintMaskAt(double sx, double sy) {
        double[] p = images.conditionPlot.imageAt(sx, sy);
        if (p != null) {
            images.condition.paint(p[0], p[1]);
        }
    }

    /** Shows the binary heartbeat, entering binary mode if needed (asks before discarding training). */
    public boolean selectHeartbeat() {
        if (mode.get() == Mode.BINARY) {
            binary.data.loadHeartbeat();
            return true;
        }
        if (!allowDiscard("Switching to binary data")) {
            return false;
        }
        switchMode(Mode.BINARY, binary.data::loadHeartbeat);
        return true;
    }

    private void switchMode(Mode next, Runnable load) {
        pause();
        switching = true;
        try {
            Mode prev = mode.get();
            modeSettings.put(prev, new ModeSettings(training.specProperty().get(), schedule.family(), schedule.steps(),
                    schedule.maxStepsProperty().get(), training.batchSizeProperty().get(), displaySamples.get()));
            ModeSettings ms = modeSettings.get(next);
            mode.set(next);
            training.specProperty().set(ms.spec());
            schedule.maxStepsProperty().set(Math.max(ms.maxSteps(), schedule.steps()));
            schedule.set(ms.family(), ms.steps());
            schedule.maxStepsProperty().set(ms.maxSteps());
            training.batchSizeProperty().set(ms.batch());
            displaySamples.set(ms.samples());
            images.clearResults();
            timeline.setMax(schedule.steps());
            timeline.setT(0);
            load.run();
        } finally {
            switching = false;
        }
        onDataChanged();
        pushSetup(false);
    }

    // ------------------------------------------------------------------ exports

    /** The three plots shown in the current mode (Forward, Reverse, third). */
    public java.util.List<lab.diffusion.app.plots.PlotCanvas> shownPlots() {
        return switch (mode.get()) {
            case BINARY -> java.util.List.of(binary.forward, binary.reverse, binary.probability);
            case IMAGES -> java.util.List.of(images.forward, images.reverse, images.conditionPlot);
            default -> java.util.List.of(forwardPlot, reversePlot, driftPlot);
        };
    }

    /** The reverse samples x⁽⁰⁾ now shown (data units; 0/1 rows; grey levels for images), or null. */
    public PointSet shownSamples() {
        float[] x = switch (mode.get()) {
            case BINARY -> binary.reverse.current() == null ? null : binary.reverseStates0();
            case IMAGES -> images.reverseStates0();
            default -> lastReverse == null ? null : lastReverse.states()[0];
        };
        if (x == null) {
            return null;
        }
        int dim = switch (mode.get()) {
            case BINARY -> binary.data.rows().dim();
            case IMAGES -> images.data.width() * images.data.height();
            default -> 2;
        };
        return PointSet.wrap(x.clone(), dim);
    }

    // ------------------------------------------------------------------ sessions

    /** Asks before an open replaces a trained model (true when there is nothing to lose or the person agrees). */
    public boolean confirmDiscardForOpen(String what) {
        return allowDiscard(what);
    }

    /** The view settings saved with a session. */
    public java.util.Map<String, String> viewState() {
        java.util.Map<String, String> v = new java.util.HashMap<>();
        v.put("mode", mode.get().name().toLowerCase(java.util.Locale.ROOT));
        v.put("t", Integer.toString(timeline.t()));
        v.put("samples", Integer.toString(displaySamples.get()));
        v.put("layers.color_by_start", Boolean.toString(display.colorByStartProperty().get()));
        v.put("layers.arrows", Boolean.toString(display.arrowsProperty().get()));
        v.put("layers.heat", Boolean.toString(display.heatProperty().get()));
        v.put("layers.ideal", Boolean.toString(display.idealProperty().get()));
        v.put("layers.backdrop", Boolean.toString(display.backdropProperty().get()));
        v.put("layers.align_rows", Boolean.toString(display.alignRowsProperty().get()));
        v.put("arrow_grid", Integer.toString(display.gridProperty().get()));
        v.putAll(extraView.get());
        return v;
    }

    /** More view settings to save (theme and palette, from the window), and how to restore them. */
    private java.util.function.Supplier<java.util.Map<String, String>> extraView = java.util.Map::of;
    private java.util.function.Consumer<java.util.Map<String, String>> extraViewRestore = m -> { };

    public void setExtraView(java.util.function.Supplier<java.util.Map<String, String>> save,
                             java.util.function.Consumer<java.util.Map<String, String>> restore) {
        extraView = save;
        extraViewRestore = restore;
    }

    /**
     * Shows a session: its mode, data, schedule, model with its weights and optimizer state,
     * training progress and view settings. Training continues from where it was saved.
     */
    public void applySession(lab.diffusion.engine.session.Session s) {
        pause();
        Mode next = s.data().isImages() ? Mode.IMAGES : s.model().kind() == ModelSpec.Kind.BINOMIAL ? Mode.BINARY : Mode.POINTS;
        opening = true;
        try {
            if (next != mode.get()) {
                switchMode(next, () -> {
                });
            }
            switching = true;
            training.specProperty().set(s.model());
            schedule.setSchedule(s.schedule());
            schedule.maxStepsProperty().set(Math.max(schedule.maxStepsProperty().get(), s.schedule().steps()));
            var t = s.training();
            training.optimizerProperty().set(t.optimizer());
            training.learningRateProperty().set(t.learningRate());
            training.batchSizeProperty().set(t.batchSize());
            training.seedProperty().set(s.modelSeed());
            timeline.setMax(s.schedule().steps());
            PointData pd = s.data();
            switch (next) {
                case IMAGES -> images.data.showSession(pd);
                case BINARY -> {
                    boolean heartbeat = "heartbeat".equals(pd.source());
                    PointSet shown = heartbeat ? BinaryData.heartbeat(lab.diffusion.app.binary.BinaryDataModel.HEARTBEAT_ROWS, 1)
                            : pd.train().head(lab.diffusion.app.binary.BinaryDataModel.MAX_ROWS);
                    binary.data.showSession(shown, pd.source(), heartbeat, pd);
                }
                default -> {
                    Preset p = Preset.find(pd.source());
                    PointSet shown = p != null ? p.generate(DataModel.PRESET_POINTS, dataSeed)
                            : pd.standardizer().invert(pd.train().head(DataModel.MAX_POINTS));
                    data.showSession(shown, pd.source(), p, pd);
                }
            }
        } finally {
            switching = false;
        }
        onDataChanged();
        opening = false;
        applyView(s.view());
        training.restoreHistory(s.training().history(), s.training().steps());
        kChart.setCurve(training.curveProperty().get());
        // snapshots of the model this session replaces may still be on their way (step 0 of a model that was
        // being set up clears the history): restore the saved curve again once the engine has the session's model
        engine.open(s, setup(s.data())).thenRun(() -> Platform.runLater(() -> {
            training.restoreHistory(s.training().history(), s.training().steps());
            lab.diffusion.engine.train.TrainingSnapshot now = engine.snapshots.latest();
            if (now != null && now.step() == s.training().steps()) {
                training.accept(now); // the held-out K evaluated when it opened
            }
            kChart.setCurve(training.curveProperty().get());
        }));
        runHistory.restore(s.runs());
        training.runningProperty().set(false);
    }

    private void applyView(java.util.Map<String, String> v) {
        extraViewRestore.accept(v);
        java.util.function.BiConsumer<String, javafx.beans.property.BooleanProperty> flag = (k, p) -> {
            if (v.containsKey(k)) {
                p.set(Boolean.parseBoolean(v.get(k)));
            }
        };
        flag.accept("layers.color_by_start", display.colorByStartProperty());
        flag.accept("layers.arrows", display.arrowsProperty());
        flag.accept("layers.heat", display.heatProperty());
        flag.accept("layers.ideal", display.idealProperty());
        flag.accept("layers.backdrop", display.backdropProperty());
        flag.accept("layers.align_rows", display.alignRowsProperty());
        try {
            if (v.containsKey("arrow_grid")) {
                display.gridProperty().set(Math.max(4, Math.min(64, Integer.parseInt(v.get("arrow_grid")))));
            }
            if (v.containsKey("samples")) {
                displaySamples.set(Math.max(4, Math.min(mode.get() == Mode.IMAGES ? 64 : 5000, Integer.parseInt(v.get("samples")))));
            }
            if (v.containsKey("t")) {
                timeline.setT(Math.max(0, Math.min(schedule.steps(), Integer.parseInt(v.get("t")))));
            }
        } catch (NumberFormatException e) {
            // a view setting that is not a number is ignored; the view keeps its current value
        }
    }

    private final lab.diffusion.app.runs.RunHistory runHistory = new lab.diffusion.app.runs.RunHistory();
    /** Earlier runs of this session (run history), newest last. */
    public final javafx.collections.ObservableList<lab.diffusion.engine.session.RunRecord> runs = runHistory.list();

    /** The model of an earlier run, if it was made in this app (runs opened from a file keep only curve and picture). */
    public lab.diffusion.engine.session.Session runModel(lab.diffusion.engine.session.RunRecord r) {
        return runHistory.model(r);
    }

    /** The plotted region of the point plots (data units: xMin, xMax, yMin, yMax). */
    public double[] world() {
        return world.clone();
    }

    /** One line: data, model, schedule and optimizer of the current run. */
    public String describeRun() {
        return String.format("%s; %s; %s, T = %d; %s lr %.0e, batch %d", dataName(), training.specProperty().get().describe(),
                schedule.family().label(), schedule.steps(), training.optimizerProperty().get().id(),
                training.learningRateProperty().get(), training.batchSizeProperty().get());
    }

    private String dataName() {
        return switch (mode.get()) {
            case BINARY -> binary.data.sourceProperty().get();
            case IMAGES -> images.data.data() == null ? "images" : images.data.data().source();
            default -> data.sourceProperty().get().isEmpty() ? "drawing" : data.sourceProperty().get();
        };
    }

    /** Keeps the current run in the run history before its model is replaced (nothing if it never trained). */
    private void archiveCurrentRun() {
        if (!training.hasProgress()) {
            return;
        }
        byte[] thumb = new byte[0];
        try {
            var img = lab.diffusion.app.export.Exports.awt(shownPlots().get(1).render(0.35));
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, "png", b);
            thumb = b.toByteArray();
        } catch (java.io.IOException | RuntimeException e) {
            // a run without a picture is still a run
        }
        var r = runHistory.add(describeRun(), training.curveProperty().get(), thumb);
        engine.capture(s -> runHistory.attachModel(r, s));
    }

    /** Flips the bit under a point of the Forward raster (binary mode; t jumps to 0). */
    public void toggleCellAt(double sx, double sy) {
        int[] cell = binary.forward.cellAt(sx, sy);
        if (cell == null) {
            return;
        }
        if (timeline.t() != 0) {
            timeline.setT(0);
        }
        binary.data.toggle(cell[0], cell[1]);
    }

    // ------------------------------------------------------------------ commands

    /** Applies a schedule; asks first when that discards training. False if not applied. */
    public boolean requestSchedule(ScheduleFamily f, int steps) {
        if (f == schedule.family() && steps == schedule.steps()) {
            return true;
        }
        if (!allowDiscard("Changing the schedule to " + f.label() + ", T = " + steps)) {
            return false;
        }
        schedule.set(f, steps);
        return true;
    }

    /** Applies a model architecture; asks first when that discards training. */
    public boolean requestSpec(ModelSpec spec) {
        if (spec.equals(training.specProperty().get())) {
            return true;
        }
        if (!allowDiscard("Switching to the " + spec.describe())) {
            return false;
        }
        training.specProperty().set(spec);
        pushSetup(false);
        return true;
    }

    /** Switches between the paper model and DDPM, keeping the other settings. */
    public boolean requestKind(ModelSpec.Kind kind) {
        return requestSpec(training.specWith(kind));
    }

    public boolean requestOptimizer(Optimizer.Kind k) {
        if (k == training.optimizerProperty().get()) {
            return true;
        }
        if (!allowDiscard("Switching the optimizer")) {
            return false;
        }
        training.optimizerProperty().set(k);
        pushSetup(false);
        return true;
    }

    public void setLearningRate(double lr) {
        training.learningRateProperty().set(lr);
        engine.setLearningRate(lr);
    }

    public void setBatchSize(int b) {
        training.batchSizeProperty().set(b);
        engine.setBatchSize(b);
    }

    public void setSeed(long s) {
        training.seedProperty().set(s);
    }

    public void setSampling(int n, long seed) {
        engine.setSampling(n, seed);
    }

    public void train() {
        if (mode.get() == Mode.IMAGES && images.data.loadingProperty().get()) {
            trainWhenLoaded = true;
            training.runningProperty().set(true);
            status.set("Training starts when the images are loaded");
            return;
        }
        if (!canTrain.get()) {
            report(message.get().isEmpty() ? "There is no data to train on." : message.get());
            return;
        }
        engine.train();
        training.runningProperty().set(true);
    }

    public void pause() {
        trainWhenLoaded = false;
        engine.pause();
        training.runningProperty().set(false);
    }

    public void toggleTraining() {
        if (training.runningProperty().get()) {
            pause();
        } else {
            train();
        }
    }

    public void step() {
        training.runningProperty().set(false);
        if (canTrain.get()) {
            engine.step();
        }
    }

    /** Asks whether to discard the trained model (for Reset). */
    public boolean confirmReset() {
        return confirmer.confirm("Discard training?", "Reset starts again from fresh weights; the "
                + String.format("%,d", training.stepProperty().get()) + " steps trained so far are discarded.");
    }

    /** Fresh weights (from the seed in the Training section), empty K history. */
    public void reset() {
        training.runningProperty().set(false);
        pushSetup(false);
    }

    /** Follows the shown point nearest to a screen position on the Forward plot (or stops following). */
    public void followAt(double sx, double sy) {
        float[] pos = forwardPlot.currentPositions();
        var v = forwardPlot.viewport();
        if (pos == null || v == null || forwardStates == null) {
            return;
        }
        int best = -1;
        double bestD = 12 * 12;
        for (int i = 0; i < pos.length / 2; i++) {
            double dx = v.sx(pos[2 * i]) - sx;
            double dy = v.sy(pos[2 * i + 1]) - sy;
            double d = dx * dx + dy * dy;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        follow(best);
    }

    /** Follows shown point i (−1 stops). */
    public void follow(int i) {
        followIndex = i;
        if (i < 0 || forwardStates == null || i >= forwardStates[0].length / 2) {
            followIndex = -1;
            forwardPlot.setFollowPath(null);
            reversePlot.setFollowPath(null);
            return;
        }
        float[] path = ForwardPaths.path(forwardStates, i);
        forwardPlot.setFollowPath(path);
        reversePlot.setFollowPath(null);
        engine.requestFollow(i, path);
    }

    public int followedIndex() {
        return followIndex;
    }

    // ------------------------------------------------------------------ drawing on the Forward plot

    /** Starts a drawing stroke at a screen position (tool from the data model). */
    public void drawStart(double sx, double sy) {
        if (timeline.t() != 0) {
            timeline.setT(0); // drawing edits the data, which is t = 0
        }
        data.beginStroke();
        drawAt(sx, sy, true);
    }

    public void drawDrag(double sx, double sy) {
        drawAt(sx, sy, false);
    }

    public void drawEnd() {
        data.endStroke();
    }

    private void drawAt(double sx, double sy, boolean first) {
        var v = forwardPlot.viewport();
        if (v == null || !v.contains(sx, sy)) {
            return;
        }
        double x = v.wx(sx);
        double y = v.wy(sy);
        double radius = data.brushPixelsProperty().get() * v.worldPerPixel();
        switch (data.toolProperty().get()) {
            case SPRAY -> {
                if (data.spray(x, y, radius, data.densityProperty().get()) == 0 && data.points().size() >= DataModel.MAX_POINTS) {
                    report("The drawing holds at most " + String.format("%,d", DataModel.MAX_POINTS) + " points.");
                }
            }
            case POINT -> {
                if (first && !data.addPoint(x, y)) {
                    report("The drawing holds at most " + String.format("%,d", DataModel.MAX_POINTS) + " points.");
                }
            }
            case ERASE -> data.erase(x, y, radius);
            case FOLLOW -> {
            }
        }
    }

    // ------------------------------------------------------------------ wiring

    private void wire() {
        dataSettle.setOnFinished(e -> pushSetup(true));
        data.pointsProperty().addListener((o, a, b) -> {
            if (mode.get() == Mode.POINTS && !switching) {
                onDataChanged();
            }
        });
        binary.data.rowsProperty().addListener((o, a, b) -> {
            if (mode.get() == Mode.BINARY && !switching) {
                onDataChanged();
            }
        });
        images.data.dataProperty().addListener((o, a, b) -> {
            if (mode.get() == Mode.IMAGES && !switching && b != null) {
                onDataChanged();
                pushSetup(false);
                if (trainWhenLoaded) {
                    trainWhenLoaded = false;
                    train();
                }
            }
        });
        engine.conditioned.onValue(c -> {
            if (mode.get() == Mode.IMAGES) {
                images.onConditioned(c);
                updateSubtitles();
            }
        });
        displaySamples.addListener((o, a, b) -> engine.setSampling(b.intValue(), 7));
        display.alignRowsProperty().addListener((o, a, b) -> binary.setAlign(b));
        data.boundsVersionProperty().addListener((o, a, b) -> refitWorld());
        schedule.scheduleProperty().addListener((o, a, b) -> {
            if (!switching) {
                onScheduleChanged(b);
            }
        });
        timeline.setMax(schedule.steps());
        timeline.tProperty().addListener((o, a, b) -> onTChanged());

        display.colorByStartProperty().addListener((o, a, b) -> {
            forwardPlot.setColorByStart(b);
            reversePlot.setColorByStart(b);
        });
        display.arrowsProperty().addListener((o, a, b) -> driftPlot.setShowArrows(b));
        display.heatProperty().addListener((o, a, b) -> driftPlot.setShowHeat(b));
        display.idealProperty().addListener((o, a, b) -> driftPlot.setShowIdeal(b));
        display.backdropProperty().addListener((o, a, b) -> updateBackdrop());
        display.gridProperty().addListener((o, a, b) -> requestDrift());

        engine.snapshots.onValue(s -> {
            training.accept(s);
            kChart.setCurve(training.curveProperty().get());
            klBars.setReport(s.heldoutReport(), schedule.steps());
            if (mode.get() != Mode.BINARY) {
                varianceBounds.setData(s.heldoutReport(), schedule.schedule());
            }
            if (s.status() == TrainingStatus.DIVERGED) {
                training.runningProperty().set(false);
            }
            reversePlot.setNote(s.step() == 0 ? "Untrained: each reverse step is the forward kernel." : "");
            if (s.status() == TrainingStatus.RUNNING) {
                status.set(String.format("Training: %,d steps, %.0f steps/s", s.step(), s.stepsPerSecond()));
            }
            updateSubtitles();
        });
        engine.reverse.onValue(r -> {
            if (mode.get() == Mode.BINARY) {
                binary.onReverse(r);
            } else if (mode.get() == Mode.IMAGES) {
                if (images.data.data() != null && r.states()[0].length == r.n() * images.data.data().dim()) {
                    images.onReverse(r);
                }
            } else if (r.states()[0].length == 2 * r.n()) {
                lastReverse = r;
                reversePlot.setStates(r.states());
                updateBackdrop();
            }
            updateSubtitles();
        });
        engine.probabilities.onValue(p -> {
            if (mode.get() == Mode.BINARY) {
                binary.onProbabilities(p);
            }
        });
        engine.drift.onValue(d -> {
            driftPlot.setDrift(d);
            updateSubtitles();
        });
        engine.follow.onValue(f -> {
            if (f.index() == followIndex) {
                reversePlot.setFollowPath(f.reversePath());
            }
        });
        engine.quality.onValue(q -> {
            if (mode.get() == Mode.POINTS) {
                training.acceptQuality(q.sw2());
            }
        });
        engine.status.onValue(s -> status.set(s));
        engine.learnedSchedule.onValue(ls -> {
            if (schedule.family() == ScheduleFamily.LEARNED && ls.steps() == schedule.steps()) {
                learnedUpdate = true;
                try {
                    schedule.setSchedule(ls);
                } finally {
                    learnedUpdate = false;
                }
            }
        });
        engine.stopped.onValue(m -> {
            training.runningProperty().set(false);
            report(m);
        });
        training.autoStopProperty().addListener((o, a, b) -> engine.setAutoStop(b ? training.autoStopSecondsProperty().get() : 0));
        training.autoStopSecondsProperty().addListener((o, a, b) -> {
            if (training.autoStopProperty().get()) {
                engine.setAutoStop(b.doubleValue());
            }
        });
        engine.errors.onValue(this::report);
        kChart.setReferences(GaussianTables.nullLogLikelihood(2) / Math.log(2), Double.NaN, "");
        klBars.setReport(null, schedule.steps());
    }

    private void onDataChanged() {
        if (mode.get() == Mode.BINARY) {
            onBinaryDataChanged();
            return;
        }
        if (mode.get() == Mode.IMAGES) {
            onImageDataChanged();
            return;
        }
        PointSet pts = data.points();
        Preset p = data.presetProperty().get();
        idealReference = p == null ? null : p.standardizer().apply(p.generate(3000, 99));
        idealAvailable.set(idealReference != null);
        if (idealReference == null) {
            display.idealProperty().set(false);
        }
        kChart.setUnit("sample", "L_null (unit Gaussian)");
        training.perUnitProperty().set(1);
        kChart.setScale(1);
        kChart.setReferences(GaussianTables.nullLogLikelihood(2) / Math.log(2),
                p == Preset.SWISSROLL ? SWISSROLL_LOGLIK_BITS : Double.NaN,
                p == Preset.SWISSROLL ? "true log-likelihood ≈ −0.93 (the ceiling)" : "");
        follow(-1);
        recomputeForward();
        updateEndpoint();
        if (pts.size() < DataModel.MIN_TRAIN_POINTS) {
            canTrain.set(false);
            if (training.runningProperty().get()) {
                pause();
            }
            message.set("Draw or load at least " + DataModel.MIN_TRAIN_POINTS + " points to train (there "
                    + (pts.size() == 1 ? "is 1" : "are " + pts.size()) + ").");
            status.set(message.get());
            return;
        }
        if (p != null) {
            dataSettle.stop();
            pushSetup(true);
        } else {
            dataSettle.playFromStart();
        }
    }

    private void onBinaryDataChanged() {
        training.perUnitProperty().set(1);
        kChart.setScale(1);
        idealReference = null;
        idealAvailable.set(false);
        training.acceptQuality(Double.NaN); // SW2 compares 2D points; it does not apply here
        kChart.setUnit("sequence", "L_null (Bernoulli(p̄) bits)");
        kChart.setReferences(-binary.data.rows().dim() * lab.diffusion.engine.process.BinomialProcess.entropy(binary.baseRate())
                / Math.log(2), binary.optimumBits(), String.format("optimum %.3f (entropy of the data)", binary.optimumBits()));
        recomputeForward();
        updateEndpoint();
        if (binary.data.untouchedHeartbeatProperty().get()) {
            dataSettle.stop();
            pushSetup(true);
        } else {
            dataSettle.playFromStart();
        }
    }

    private void onImageDataChanged() {
        idealReference = null;
        idealAvailable.set(false);
        training.acceptQuality(Double.NaN);
        PointData d = images.data.data();
        int px = d == null ? 28 * 28 : d.dim();
        training.perUnitProperty().set(px);
        kChart.setUnit("pixel", "L_null (unit Gaussian)");
        kChart.setScale(px);
        kChart.setReferences(GaussianTables.nullLogLikelihood(px) / Math.log(2), Double.NaN, "");
        images.clearResults();
        recomputeForward();
        updateEndpoint();
    }

    private void onScheduleChanged(Schedule s) {
        if (learnedUpdate) {
            // a learned schedule moved while training: show it, keep the model
            recomputeForward();
            updateEndpoint();
            return;
        }
        timeline.setMax(s.steps());
        klBars.setReport(null, s.steps());
        follow(-1);
        recomputeForward();
        updateEndpoint();
        pushSetup(false);
    }

    /** True while a learned schedule's new β are shown (no new model). */
    private boolean learnedUpdate;

    /**
     * Applies an exact schedule (drawn, loaded from CSV, or a learned schedule's start); asks
     * first when that discards training. False if refused or invalid (the message says why).
     */
    public boolean requestSchedule(Schedule s) {
        if (java.util.Arrays.equals(s.betas(), schedule.schedule().betas()) && s.family() == schedule.family()) {
            return true;
        }
        if (s.steps() > schedule.maxStepsProperty().get()) {
            report("T = " + s.steps() + " is more than this kind of data allows (" + schedule.maxStepsProperty().get() + ").");
            return false;
        }
        if (s.family() == ScheduleFamily.LEARNED) {
            ModelSpec sp = training.specProperty().get();
            if (sp.kind() != ModelSpec.Kind.PAPER || sp.readout() == ModelSpec.Readout.EMBEDDING) {
                report("A learned schedule trains with the paper model and a bump or per-step readout (it ascends the bound K).");
                return false;
            }
        }
        if (!allowDiscard("Changing the schedule")) {
            return false;
        }
        schedule.setSchedule(s);
        return true;
    }

    /**
     * Trains the current model setup with the current schedule (A) and with {@code b}, fresh and
     * one after the other for {@code seconds} each, on the same data and seed.
     */
    public boolean compareSchedules(Schedule b, double seconds, java.util.function.Consumer<String> progress,
                                    java.util.function.BiConsumer<EngineService.PairResult, EngineService.PairResult> done) {
        PointData pd;
        try {
            pd = switch (mode.get()) {
                case IMAGES -> images.data.data();
                case BINARY -> binary.data.toPointData();
                default -> data.toPointData();
            };
        } catch (DataException e) {
            report(e.getMessage());
            return false;
        }
        if (pd == null) {
            report("There are no data to train on yet.");
            return false;
        }
        pause();
        EngineService.Setup sa = setup(pd);
        EngineService.Setup sb = new EngineService.Setup(pd, b, sa.spec(), sa.config().withEvaluation(0, 10), sa.modelSeed(),
                sa.idealReference());
        engine.trainPair(new EngineService.Setup(pd, sa.schedule(), sa.spec(), sa.config().withEvaluation(0, 10), sa.modelSeed(),
                sa.idealReference()), sb, seconds, progress, done);
        return true;
    }

    /** Samples used by {@link #estimateLogLikelihood()}. */
    public static final int IS_SAMPLES = 100;

    /** Estimates log p of 1,000 held-out points by importance sampling with 100 samples each (Gaussian models). */
    public void estimateLogLikelihood() {
        if (mode.get() == Mode.BINARY) {
            report("The importance-sampled log-likelihood is computed for Gaussian models (points, images).");
            return;
        }
        training.logLikelihoodProperty().set("estimating…");
        long step = training.stepProperty().get();
        engine.estimateLogLikelihood(IS_SAMPLES, mode.get() == Mode.IMAGES ? 100 : 1000, r -> {
            if (r == null) {
                training.logLikelihoodProperty().set("–");
                return;
            }
            int per = training.perUnitProperty().get();
            boolean swiss = mode.get() == Mode.POINTS && data.presetProperty().get() == Preset.SWISSROLL;
            training.logLikelihoodProperty().set(String.format("%.3f ± %.3f %s (N = %d, step %,d)%s", r.logpBits() / per,
                    r.stdErrBits() / per, per > 1 ? "bits/px" : "bits", r.samples(), step,
                    swiss ? String.format("; true %.2f", SWISSROLL_LOGLIK_BITS) : ""));
        });
    }

    /** The data shown in the Forward plot (data units), for comparisons. */
    public PointSet shownData() {
        return data.points();
    }

    /** Learns the schedule with the model, starting from the current one (paper §2.4.1). */
    public boolean requestLearnedSchedule() {
        return requestSchedule(Schedule.ofBetas(ScheduleFamily.LEARNED, schedule.schedule().betas()));
    }

    private void onTChanged() {
        int t = timeline.t();
        binary.setT(t);
        images.setT(t);
        forwardPlot.setT(t);
        reversePlot.setT(t);
        updateBackdrop();
        requestDrift();
        updateSubtitles();
    }

    private void refitWorld() {
        PointSet pts = data.points();
        if (pts.size() == 0) {
            return;
        }
        Standardizer st = data.standardizer();
        double[] m = st.mean();
        double half = 3.3 * st.scale();
        for (int i = 0; i < pts.size(); i++) {
            half = Math.max(half, 1.08 * Math.abs(pts.get(i, 0) - m[0]));
            half = Math.max(half, 1.08 * Math.abs(pts.get(i, 1) - m[1]));
        }
        world = new double[] {m[0] - half, m[0] + half, m[1] - half, m[1] + half};
        forwardPlot.setWorld(world[0], world[1], world[2], world[3]);
        reversePlot.setWorld(world[0], world[1], world[2], world[3]);
        driftPlot.setWorld(world[0], world[1], world[2], world[3]);
        requestDrift();
    }

    private void recomputeForward() {
        if (mode.get() == Mode.BINARY) {
            binary.recomputeForward(schedule.schedule(), binary.baseRate(), dataSeed, background, this::updateSubtitles);
            return;
        }
        if (mode.get() == Mode.IMAGES) {
            images.recomputeForward(schedule.schedule(), dataSeed, background, this::updateSubtitles);
            return;
        }
        PointSet pts = data.points();
        Standardizer st = data.standardizer();
        Schedule s = schedule.schedule();
        long id = forwardRequest.incrementAndGet();
        long seed = dataSeed;
        background.execute(() -> {
            if (forwardRequest.get() != id) {
                return; // a newer request is queued
            }
            float[][] states = ForwardPaths.compute(pts, st, s, seed);
            PointColors colors = PointColors.byAngle(states[0], pts.size());
            Platform.runLater(() -> {
                if (forwardRequest.get() == id) {
                    forwardStates = states;
                    forwardPlot.setStates(states, colors);
                    updateSubtitles();
                }
            });
        });
    }

    private void updateEndpoint() {
        if (mode.get() == Mode.IMAGES) {
            PointData d = images.data.data();
            Schedule s = schedule.schedule();
            long id = endpointRequest.incrementAndGet();
            if (d == null) {
                return;
            }
            background.execute(() -> {
                double kl = endpointRequest.get() == id
                        ? lab.diffusion.engine.process.ForwardDiagnostics.diagonalGaussianEndpointKl(d.train(), s) : Double.NaN;
                Platform.runLater(() -> {
                    if (endpointRequest.get() == id) {
                        schedule.setEndpointForDims(kl, d.dim());
                    }
                });
            });
            return;
        }
        if (mode.get() == Mode.BINARY) {
            PointSet rows = binary.data.rows();
            double rate = binary.baseRate();
            Schedule s = schedule.schedule();
            long id = endpointRequest.incrementAndGet();
            background.execute(() -> {
                double kl = endpointRequest.get() == id ? ScheduleModel.binaryEndpointKl(rows, s, rate) : Double.NaN;
                Platform.runLater(() -> {
                    if (endpointRequest.get() == id) {
                        schedule.setEndpoint(kl, true);
                    }
                });
            });
            return;
        }
        PointSet pts = data.points();
        PointSet std = pts.size() >= 2 ? data.standardizer().apply(pts) : null;
        Schedule s = schedule.schedule();
        long id = endpointRequest.incrementAndGet();
        background.execute(() -> {
            if (endpointRequest.get() != id) {
                return;
            }
            double kl = ScheduleModel.endpointKl(std, s);
            Platform.runLater(() -> {
                if (endpointRequest.get() == id) {
                    schedule.setEndpoint(kl);
                }
            });
        });
    }

    private void requestDrift() {
        engine.requestDrift(timeline.t(), world[0], world[1], world[2], world[3], display.gridProperty().get());
    }

    private void updateBackdrop() {
        driftPlot.setBackdrop(display.backdropProperty().get() && lastReverse != null && timeline.t() < lastReverse.states().length
                ? lastReverse.states()[timeline.t()] : null);
    }

    private void updateSubtitles() {
        int t = timeline.t();
        Schedule s = schedule.schedule();
        if (mode.get() == Mode.BINARY) {
            binary.subtitles(t, s);
            return;
        }
        if (mode.get() == Mode.IMAGES) {
            images.subtitles(t, s);
            return;
        }
        forwardPlot.setSubtitle(String.format("t = %d   ᾱₜ = %.3g   %,d points", t, s.alphaBar(Math.min(t, s.steps())),
                forwardPlot.pointCount()));
        reversePlot.setSubtitle(lastReverse == null ? "sampling…" : String.format("t = %d   %,d samples from noise at T = %d",
                t, reversePlot.pointCount(), s.steps()));
        Views.Drift d = driftPlot.drift();
        driftPlot.setSubtitle(d == null ? "" : t <= 1
                ? String.format("step 1 → 0 (fixed: the forward kernel)   arrows ×%.3g", d.arrowScale())
                : String.format("step %d → %d   arrows ×%.3g", t, t - 1, d.arrowScale()));
    }

    private void pushSetup(boolean keepWeights) {
        if (switching || opening) {
            return;
        }
        PointData pd;
        try {
            if (mode.get() == Mode.IMAGES) {
                pd = images.data.data();
                if (pd == null) {
                    canTrain.set(false);
                    return; // still loading; the load finishing sets up the model
                }
                ModelSpec sp = training.specProperty().get();
                if (sp.dim() != pd.dim()) {
                    training.specProperty().set(new ModelSpec(sp.kind(), pd.dim(), sp.width(), sp.depth(), sp.activation(), sp.readout(),
                            sp.bumps(), sp.meanForm(), sp.ddpmVariance(), sp.embedding(), sp.baseRate(), sp.cleanBitHead()));
                    keepWeights = false;
                }
            } else {
                pd = mode.get() == Mode.BINARY ? binary.data.toPointData() : data.toPointData();
            }
            if (pd.dim() != training.specProperty().get().dim()) {
                keepWeights = false; // sequences of another length need a new model
            }
            if (mode.get() == Mode.BINARY && !keepWeights) {
                // a new model takes the data's base rate; later edits keep it (the forward process stays the same)
                ModelSpec sp = training.specProperty().get();
                training.specProperty().set(new ModelSpec(sp.kind(), pd.dim(), sp.width(), sp.depth(), sp.activation(), sp.readout(),
                        sp.bumps(), sp.meanForm(), sp.ddpmVariance(), sp.embedding(), BinaryData.baseRate(pd.train()),
                        sp.cleanBitHead()));
            }
        } catch (DataException e) {
            canTrain.set(false);
            message.set(e.getMessage());
            return;
        }
        canTrain.set(true);
        if (!message.get().startsWith("Training")) {
            message.set("");
        }
        // held-out K over all steps: 2,000 points × 40 steps for 2D; binary T = 2000 steps make each sequence
        // 50 times dearer, so 200 sequences every 10 s keep evaluation under ~5 % of the engine's time
        if (!keepWeights) {
            archiveCurrentRun();
        }
        engine.configure(setup(pd), keepWeights);
        if (!keepWeights) {
            training.runningProperty().set(false);
            images.clearResults();
        }
        requestDrift();
    }

    /** What the engine trains: these data with the current schedule, model and training settings. */
    private EngineService.Setup setup(PointData pd) {
        // (images: 200 held-out images × 200 steps every 10 s; the trainer caps evaluations at a tenth of its time)
        boolean bin = mode.get() != Mode.POINTS;
        TrainConfig cfg = new TrainConfig(training.optimizerProperty().get(), training.learningRateProperty().get(),
                training.batchSizeProperty().get(), training.seedProperty().get(), bin ? 10.0 : 5.0, bin ? 200 : 2000);
        return new EngineService.Setup(pd, schedule.schedule(), training.specProperty().get(), cfg, training.seedProperty().get(),
                idealReference);
    }

    private boolean allowDiscard(String what) {
        if (!training.hasProgress()) {
            return true;
        }
        boolean wasRunning = training.runningProperty().get();
        boolean ok = confirmer.confirm("Discard training?", what + " starts a new model; the "
                + String.format("%,d", training.stepProperty().get()) + " steps trained so far are discarded.");
        if (ok && wasRunning) {
            pause();
        }
        return ok;
    }

    /** Shows a message for people in the status bar and the message line. */
    public void report(String text) {
        messageIsError.set(true);
        message.set(text);
        status.set(text);
    }

    /** Like {@link #report}, for news that is not a problem (shown in the ordinary text colour). */
    public void inform(String text) {
        messageIsError.set(false);
        message.set(text);
        status.set(text);
    }

    /** Whether the message line says something went wrong (it does after {@link #report}). */
    public javafx.beans.property.ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    @Override
    public void close() {
        dataSettle.stop();
        renderLoop.stop();
        playback.stop();
        engine.close();
        background.shutdownNow();
    }
}
