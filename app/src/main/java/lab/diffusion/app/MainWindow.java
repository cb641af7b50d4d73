package lab.diffusion.app;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import lab.diffusion.app.data.DataView;
import lab.diffusion.app.data.Tool;
import lab.diffusion.app.plots.DisplayView;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.app.schedule.ScheduleView;
import lab.diffusion.app.timeline.TimelineView;
import lab.diffusion.app.training.ModelView;
import lab.diffusion.app.training.TelemetryView;
import lab.diffusion.app.training.TrainingSettingsView;
import lab.diffusion.app.ui.Forms;
import lab.diffusion.engine.data.Preset;
import lab.diffusion.engine.model.ModelSpec;
import org.controlsfx.control.StatusBar;

/** The main window's layout: toolbar, sidebar, the three linked plots, timeline, telemetry, status. */
public final class MainWindow extends BorderPane {

    private static final String HEARTBEAT = "heartbeat";

    private final Explorer ex;
    private final DataView dataView;
    private lab.diffusion.app.binary.BinaryDataView binaryDataView;
    private lab.diffusion.app.images.ConditionView conditionView;
    private lab.diffusion.app.runs.RunsView runsView;
    private ScheduleView scheduleView;
    private lab.diffusion.app.schedule.ScheduleEditor editor;
    private lab.diffusion.app.schedule.ScheduleCompare scheduleCompare;

    /** The Schedule section. */
    public ScheduleView scheduleView() {
        return scheduleView;
    }

    /** Opens (or brings forward) the schedule editor. */
    public lab.diffusion.app.schedule.ScheduleEditor openScheduleEditor() {
        if (editor == null || !editor.stage().isShowing()) {
            editor = new lab.diffusion.app.schedule.ScheduleEditor(ex.schedule, ex::requestSchedule, ex.renderLoop);
        }
        editor.show(getScene() == null ? null : getScene().getWindow());
        return editor;
    }

    /** Opens the comparison of two schedules (2D points). */
    public lab.diffusion.app.schedule.ScheduleCompare openScheduleCompare() {
        if (ex.mode() != Explorer.Mode.POINTS) {
            ex.report("Schedules are compared on 2D points; switch to a 2D data set first.");
            return null;
        }
        if (scheduleCompare == null || !scheduleCompare.stage().isShowing()) {
            scheduleCompare = new lab.diffusion.app.schedule.ScheduleCompare(ex);
        }
        scheduleCompare.show(getScene() == null ? null : getScene().getWindow());
        return scheduleCompare;
    }

    /** The Runs section (run history). */
    public lab.diffusion.app.runs.RunsView runsView() {
        return runsView;
    }
    private final GridPane plots = new GridPane();
    private PlotCanvas enlarged;
    private final javafx.beans.property.IntegerProperty enlargedVersion = new javafx.beans.property.SimpleIntegerProperty();

    private final lab.diffusion.app.session.SessionController sessions;
    private final lab.diffusion.app.lecture.Appearance appearance;
    private final Label caption = new Label();
    private final javafx.beans.property.BooleanProperty captions = new javafx.beans.property.SimpleBooleanProperty();
    private final javafx.beans.property.BooleanProperty slowMotion = new javafx.beans.property.SimpleBooleanProperty();
    private final javafx.animation.Timeline slowTimer = new javafx.animation.Timeline(
            new javafx.animation.KeyFrame(javafx.util.Duration.seconds(2), e -> slowStep()));
    private Node keyOverlay;
    private Node telemetryNode;
    private Node sidebarNode;
    private final java.util.List<TitledPane> lazySections = new java.util.ArrayList<>();

    /** Theme, palette and lecture mode. */
    public lab.diffusion.app.lecture.Appearance appearance() {
        return appearance;
    }

    public javafx.beans.property.BooleanProperty captionsProperty() {
        return captions;
    }

    public javafx.beans.property.BooleanProperty slowMotionProperty() {
        return slowMotion;
    }

    /** The caption now shown (empty when captions are off). */
    public String captionText() {
        return captions.get() ? caption.getText() : "";
    }

    /** True while the keyboard map is shown. */
    public boolean keyMapShown() {
        return keyOverlay != null && keyOverlay.isVisible();
    }

    /** The plot shown alone (null when all three are shown). */
    public PlotCanvas enlargedPlot() {
        return enlarged;
    }

    /** Shows or hides the keyboard map. */
    public void toggleKeyMap() {
        keyOverlay.setVisible(!keyOverlay.isVisible());
    }

    private Node centerWithOverlay() {
        Node c = center();
        javafx.scene.layout.GridPane keys = new javafx.scene.layout.GridPane();
        keys.setHgap(18);
        keys.setVgap(6);
        Label head = new Label("Keyboard");
        head.setStyle("-fx-font-weight: bold; -fx-font-size: 1.3em;");
        keys.add(head, 0, 0, 2, 1);
        int r = 1;
        for (lab.diffusion.app.lecture.KeyMap.Key k : lab.diffusion.app.lecture.KeyMap.KEYS) {
            Label name = new Label(k.keys());
            name.getStyleClass().add("key-name");
            keys.add(name, 0, r);
            keys.add(new Label(k.action()), 1, r);
            r++;
        }
        keys.getStyleClass().add("key-overlay");
        keys.setId("key-overlay");
        keys.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        keys.setVisible(false);
        keys.setOnMouseClicked(e -> keys.setVisible(false));
        keyOverlay = keys;
        StackPane stack = new StackPane(c, keys);
        StackPane.setAlignment(keys, Pos.CENTER);
        return stack;
    }

    private void applyLecture(boolean on) {
        setLeft(on ? null : sidebarNode);
        if (telemetryNode != null) {
            telemetryNode.setVisible(!on);
            telemetryNode.setManaged(!on);
        }
        captions.set(on || captions.get());
        javafx.stage.Window w = getScene() == null ? null : getScene().getWindow();
        if (w instanceof javafx.stage.Stage st) {
            st.setFullScreen(on);
        }
        updateCaption();
    }

    private void updateCaption() {
        caption.setText(lab.diffusion.app.lecture.Captions.at(ex));
    }

    private void slowStep() {
        if (ex.timeline.backwardsProperty().get()) {
            if (ex.timeline.t() == 0) {
                slowMotion.set(false);
            } else {
                ex.timeline.stepBack();
            }
        } else if (ex.timeline.t() >= ex.schedule.steps()) {
            slowMotion.set(false);
        } else {
            ex.timeline.stepForward();
        }
    }

    public MainWindow(Explorer ex, lab.diffusion.app.session.SessionController sessions) {
        this.ex = ex;
        this.sessions = sessions;
        this.appearance = new lab.diffusion.app.lecture.Appearance(ex.renderLoop);
        setId("main-window");
        getStyleClass().add("main-window");
        dataView = new DataView(ex.data);
        setTop(new VBox(new AppMenu(ex, sessions, this).build(), toolbar()));
        sidebarNode = sidebar();
        setLeft(sidebarNode);
        setCenter(centerWithOverlay());
        setBottom(bottom());
        appearance.lectureProperty().addListener((o, a, b) -> applyLecture(b));
        ex.setExtraView(() -> java.util.Map.of("theme", appearance.themeProperty().get(),
                "palette", appearance.colourBlindProperty().get() ? "colour-blind-safe" : "default"), v -> {
                    String theme = v.get("theme");
                    if (theme != null && lab.diffusion.app.lecture.Appearance.THEMES.contains(theme)) {
                        appearance.themeProperty().set(theme);
                    }
                    if (v.containsKey("palette")) {
                        appearance.colourBlindProperty().set("colour-blind-safe".equals(v.get("palette")));
                    }
                });
        sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                appearance.attach(b);
            }
        });
        installMouse();
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        attachSectionsAfterFirstFrames();
    }

    /**
     * Gives the collapsed sidebar sections their content, one per frame from the third frame on
     * (the first frames show the window; a section that is opened earlier gets its content then).
     */
    private void attachSectionsAfterFirstFrames() {
        lab.diffusion.app.ui.Frames.eachFrom(3, () -> {
            for (TitledPane p : lazySections) {
                if (Forms.pending(p)) {
                    Forms.attach(p);
                    return true;
                }
            }
            return false;
        });
    }

    /** Gives every collapsed sidebar section its content now. */
    public void attachAllSections() {
        lazySections.forEach(Forms::attach);
    }

    public lab.diffusion.app.session.SessionController sessions() {
        return sessions;
    }

    /** The export running now (null when none), for tests. */
    private lab.diffusion.app.export.GifExport export;

    public lab.diffusion.app.export.GifExport runningExport() {
        return export;
    }

    /**
     * Exports the Forward (0) or Reverse (1) plot through every t as an animated GIF or PNG
     * frames, at {@code size}×{@code size} points, with a progress window that can cancel.
     * The timeline runs through t while frames are taken and returns to where it was.
     */
    public lab.diffusion.app.export.GifExport startAnimationExport(int which, java.nio.file.Path out, boolean frames, int size,
                                                                   int delayMillis) {
        if (export != null) {
            ex.report("An export is already running.");
            return export;
        }
        PlotCanvas plot = ex.shownPlots().get(which);
        int steps = ex.schedule.steps();
        int[] ts = new int[steps + 1];
        for (int i = 0; i <= steps; i++) {
            ts[i] = which == 0 ? i : steps - i; // forward: data → noise; reverse: noise → data
        }
        int keepT = ex.timeline.t();
        boolean wasPlaying = ex.timeline.playingProperty().get();
        ex.timeline.playingProperty().set(false);
        lab.diffusion.app.export.GifExport job = new lab.diffusion.app.export.GifExport().start(ts, t -> {
            ex.timeline.setT(t);
            return lab.diffusion.app.export.Exports.awt(plot.render(size, size + 44, 1.0));
        }, out, delayMillis, frames);
        export = job;
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
        bar.setPrefWidth(320);
        bar.progressProperty().bind(job.progressProperty());
        javafx.scene.control.Button cancel = new javafx.scene.control.Button("Cancel");
        cancel.setId("export-cancel");
        cancel.setOnAction(e -> job.cancel());
        Label what = new Label((frames ? "PNG frames of the " : "Animated GIF of the ") + (which == 0 ? "forward" : "reverse")
                + " process: " + (steps + 1) + " frames");
        VBox box = new VBox(10, what, bar, cancel);
        box.setPadding(new Insets(14));
        javafx.stage.Stage dialog = new javafx.stage.Stage();
        dialog.setTitle("Exporting");
        if (getScene() != null && getScene().getWindow() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        dialog.setScene(new javafx.scene.Scene(box));
        dialog.setOnCloseRequest(e -> job.cancel());
        dialog.show();
        job.result().whenComplete((secs, err) -> javafx.application.Platform.runLater(() -> {
            dialog.close();
            export = null;
            ex.timeline.setT(keepT);
            if (wasPlaying) {
                ex.timeline.playingProperty().set(true);
            }
            if (err == null) {
                ex.inform(String.format("Exported %d frames to %s in %.1f s", steps + 1, out.getFileName(), secs));
            } else if (err instanceof lab.diffusion.engine.io.GifWriter.Cancelled
                    || err.getCause() instanceof lab.diffusion.engine.io.GifWriter.Cancelled) {
                ex.report("Export cancelled; nothing was written.");
            } else {
                ex.report("Not exported: " + err.getMessage());
            }
        }));
        return job;
    }

    /** The Data section (tests import through it). */
    public DataView dataView() {
        return dataView;
    }

    /** The Inpaint &amp; denoise section (image mode). */
    public lab.diffusion.app.images.ConditionView conditionView() {
        return conditionView;
    }

    /** The Data section in binary mode. */
    public lab.diffusion.app.binary.BinaryDataView binaryDataView() {
        return binaryDataView;
    }

    private ToolBar toolbar() {
        ChoiceBox<Object> data = new ChoiceBox<>();
        data.getItems().addAll((Object[]) Preset.values());
        data.getItems().add(HEARTBEAT);
        data.getItems().addAll(lab.diffusion.app.images.ImageSource.DIGITS, lab.diffusion.app.images.ImageSource.DEADLEAVES);
        data.setId("toolbar-preset");
        data.setConverter(new StringConverter<>() {
            @Override
            public String toString(Object p) {
                return p == null ? "Custom data" : p instanceof Preset pr ? pr.label()
                        : p instanceof lab.diffusion.app.images.ImageSource is ? is.label() + " (images)" : "Heartbeat (binary)";
            }

            @Override
            public Object fromString(String s) {
                return null;
            }
        });
        Runnable syncData = () -> {
            Object v = switch (ex.mode()) {
                case BINARY -> HEARTBEAT;
                case IMAGES -> ex.images.data.sourceProperty().get() == lab.diffusion.app.images.ImageSource.FOLDER ? null
                        : ex.images.data.sourceProperty().get();
                default -> ex.data.presetProperty().get();
            };
            if (ex.mode() == Explorer.Mode.IMAGES && v == null) {
                data.setValue(null);
            } else {
                data.setValue(v);
            }
        };
        syncData.run();
        ex.data.presetProperty().addListener((o, a, b) -> syncData.run());
        ex.modeProperty().addListener((o, a, b) -> syncData.run());
        ex.images.data.sourceProperty().addListener((o, a, b) -> syncData.run());
        data.setOnAction(e -> {
            Object v = data.getValue();
            boolean ok = true;
            if (v == HEARTBEAT && ex.mode() != Explorer.Mode.BINARY) {
                ok = ex.selectHeartbeat();
            } else if (v instanceof lab.diffusion.app.images.ImageSource is
                    && (ex.mode() != Explorer.Mode.IMAGES || is != ex.images.data.sourceProperty().get())) {
                ok = ex.selectImages(is, null);
            } else if (v instanceof Preset p && (p != ex.data.presetProperty().get() || ex.mode() != Explorer.Mode.POINTS)) {
                ok = ex.selectPreset(p);
            }
            if (!ok) {
                javafx.application.Platform.runLater(syncData);
            }
        });
        Forms.tip(data, "Data set: a 2D preset distribution, the binary heartbeat (the paper's second experiment), or images "
                + "(digits, dead leaves) to train on, inpaint and denoise.");

        ChoiceBox<ModelSpec.Kind> kind = new ChoiceBox<>(FXCollections.observableArrayList(ModelSpec.Kind.PAPER, ModelSpec.Kind.DDPM));
        kind.setId("toolbar-model");
        ex.modeProperty().addListener((o, a, b) -> {
            kind.getItems().setAll(b == Explorer.Mode.BINARY ? java.util.List.of(ModelSpec.Kind.BINOMIAL)
                    : java.util.List.of(ModelSpec.Kind.PAPER, ModelSpec.Kind.DDPM));
            kind.setValue(ex.training.specProperty().get().kind());
            kind.setDisable(b == Explorer.Mode.BINARY);
        });
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ModelSpec.Kind k) {
                return k == null ? "" : k == ModelSpec.Kind.PAPER ? "Paper μ,Σ model"
                        : k == ModelSpec.Kind.DDPM ? "DDPM ε model" : "Binomial model";
            }

            @Override
            public ModelSpec.Kind fromString(String s) {
                return null;
            }
        });
        kind.setValue(ex.training.specProperty().get().kind());
        ex.training.specProperty().addListener((o, a, b) -> kind.setValue(b.kind()));
        kind.setOnAction(e -> {
            ModelSpec.Kind k = kind.getValue();
            if (k != null && k != ex.training.specProperty().get().kind() && !ex.requestKind(k)) {
                javafx.application.Platform.runLater(() -> kind.setValue(ex.training.specProperty().get().kind()));
            }
        });
        Forms.tip(kind, "Reverse model: the paper's learned mean and variance, or DDPM's ε-prediction with fixed variance.");

        ToggleButton train = Forms.tip(new ToggleButton("Train"), "Train the reverse model live; press again to pause (T).");
        train.setId("train-button");
        train.getStyleClass().add("primary");
        train.selectedProperty().bindBidirectional(ex.training.runningProperty());
        train.textProperty().bind(Bindings.when(ex.training.runningProperty()).then("Pause").otherwise("Train"));
        train.setOnAction(e -> {
            if (train.isSelected()) {
                ex.train();
            } else {
                ex.pause();
            }
        });
        train.setMinWidth(80);
        Button step = Forms.tip(new Button("Step"), "Take one optimizer step and show the result.");
        step.setId("step-button");
        step.setOnAction(e -> ex.step());
        Button reset = Forms.tip(new Button("Reset"), "Start again from fresh weights (the K history is cleared) (R).");
        reset.setId("reset-button");
        reset.setOnAction(e -> {
            if (!ex.training.hasProgress() || ex.confirmReset()) {
                ex.reset();
            }
        });
        Label app = new Label("Diffusion Lab");
        app.getStyleClass().add("app-title");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label hint = new Label("Space play · ←/→ step t · T train · 1/2/3 enlarge · L lecture · ? all keys");
        hint.getStyleClass().add("hint");
        ToolBar bar = new ToolBar(app, new Separator(Orientation.VERTICAL), new Label("Data"), data, new Label("Model"), kind,
                new Separator(Orientation.VERTICAL), train, step, reset, grow, hint);
        bar.setId("toolbar");
        return bar;
    }

    private ScrollPane sidebar() {
        ScheduleView scheduleView = new ScheduleView(ex.schedule, (f, t) -> ex.requestSchedule(f, t), new ScheduleView.Actions() {
            @Override
            public void edit() {
                openScheduleEditor();
            }

            @Override
            public void compare() {
                openScheduleCompare();
            }

            @Override
            public boolean learn() {
                return ex.requestLearnedSchedule();
            }

            @Override
            public boolean apply(lab.diffusion.engine.schedule.Schedule s) {
                return ex.requestSchedule(s);
            }
        });
        this.scheduleView = scheduleView;
        ex.timeline.tProperty().addListener((o, a, b) -> scheduleView.chart().setT(b.intValue()));
        ex.renderLoop.register(scheduleView.chart());
        ModelView modelView = new ModelView(ex.training, ex::requestSpec);
        ex.modeProperty().addListener((o, a, b) -> modelView.setKinds(b == Explorer.Mode.BINARY
                ? java.util.List.of(ModelSpec.Kind.BINOMIAL) : java.util.List.of(ModelSpec.Kind.PAPER, ModelSpec.Kind.DDPM)));
        TrainingSettingsView settings = new TrainingSettingsView(ex.training, ex::requestOptimizer, ex::setLearningRate,
                ex::setBatchSize, ex::setSeed);
        Label samplingMessage = Forms.note("");
        samplingMessage.getStyleClass().add("error-text");
        java.util.function.Consumer<String> sampleSay = t -> {
            samplingMessage.setText(t);
            samplingMessage.setVisible(!t.isEmpty());
            samplingMessage.setManaged(!t.isEmpty());
        };
        sampleSay.accept("");
        Spinner<Integer> samples = Forms.intSpinner(4, 5000, ex.displaySamplesProperty().get(), 100, sampleSay);
        samples.setId("samples-spinner");
        ex.modeProperty().addListener((o, a, b) -> {
            var f = (javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) samples.getValueFactory();
            f.setMax(b == Explorer.Mode.IMAGES ? 64 : 5000);
            f.setAmountToStepBy(b == Explorer.Mode.IMAGES ? 4 : 100);
        });
        ex.displaySamplesProperty().addListener((o, a, b) -> samples.getValueFactory().setValue(b.intValue()));
        Forms.tip(samples, "Number of reverse samples drawn from noise for the Reverse plot.");
        Spinner<Integer> sampleSeed = Forms.intSpinner(0, 1_000_000, 7, 1, sampleSay);
        sampleSeed.setId("sample-seed");
        Forms.tip(sampleSeed, "Seed of the noise the reverse samples start from.");
        Runnable applySampling = () -> {
            ex.displaySamplesProperty().set(samples.getValue());
            ex.setSampling(samples.getValue(), sampleSeed.getValue());
        };
        samples.valueProperty().addListener((o, a, b) -> applySampling.run());
        sampleSeed.valueProperty().addListener((o, a, b) -> applySampling.run());
        GridPane sampling = Forms.grid();
        Forms.row(sampling, "Samples", samples);
        Forms.row(sampling, "Seed", sampleSeed);

        TitledPane data = Forms.section("Data", dataView);
        lab.diffusion.app.binary.BinaryDataView binaryView = new lab.diffusion.app.binary.BinaryDataView(ex.binary.data);
        this.binaryDataView = binaryView;
        javafx.scene.layout.VBox dataBox = (javafx.scene.layout.VBox) data.getContent();
        lab.diffusion.app.images.ImageDataView imageView = new lab.diffusion.app.images.ImageDataView(ex.images.data, ex::selectImages);
        ex.modeProperty().addListener((o, a, b) -> dataBox.getChildren().setAll(switch (b) {
            case BINARY -> binaryView;
            case IMAGES -> imageView;
            default -> dataView;
        }));
        conditionView = new lab.diffusion.app.images.ConditionView(ex.images, ex::runCondition);
        TitledPane cond = Forms.lazySection("Inpaint & denoise", conditionView);
        cond.setId("condition-section");
        cond.visibleProperty().bind(ex.modeProperty().isEqualTo(Explorer.Mode.IMAGES));
        cond.managedProperty().bind(cond.visibleProperty());
        cond.visibleProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean a, Boolean b) {
                if (b) { // open the first time images are shown
                    cond.setExpanded(true);
                    cond.visibleProperty().removeListener(this);
                }
            }
        });
        lazySections.add(cond);
        TitledPane sch = Forms.section("Schedule", scheduleView);
        // collapsed sections get their content after the first frame (or when opened): start-up styles and lays out
        // only what is on screen
        TitledPane model = Forms.lazySection("Model", modelView);
        TitledPane tr = Forms.lazySection("Training", settings);
        TitledPane smp = Forms.lazySection("Sampling", new VBox(6, sampling, samplingMessage));
        TitledPane disp = Forms.lazySection("Display", new DisplayView(ex.display, ex.renderLoop, ex.idealAvailableProperty()));
        runsView = new lab.diffusion.app.runs.RunsView(ex);
        TitledPane runsPane = Forms.lazySection("Runs", runsView);
        runsPane.setId("runs-section");
        lazySections.addAll(java.util.List.of(model, tr, smp, disp, runsPane));
        VBox box = new VBox(data, cond, sch, model, tr, smp, disp, runsPane);
        box.getStyleClass().add("sidebar");
        ScrollPane sp = new ScrollPane(box);
        sp.setId("sidebar");
        sp.setFitToWidth(true);
        sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sp.setPrefWidth(330);
        sp.setMinWidth(280);
        return sp;
    }

    private Node center() {
        PlotCanvas[] ps = {ex.forwardPlot, ex.reversePlot, ex.driftPlot};
        PlotCanvas[] rasters = {ex.binary.forward, ex.binary.reverse, ex.binary.probability};
        PlotCanvas[] imgs = {ex.images.forward, ex.images.reverse, ex.images.conditionPlot};
        for (int i = 0; i < ps.length; i++) {
            PlotCanvas p = ps[i];
            PlotCanvas r = rasters[i];
            PlotCanvas im = imgs[i];
            StackPane cell = new StackPane(p, r, im);
            im.visibleProperty().bind(ex.modeProperty().isEqualTo(Explorer.Mode.IMAGES));
            cell.getStyleClass().add("plot-cell");
            GridPane.setHgrow(cell, Priority.ALWAYS);
            GridPane.setVgrow(cell, Priority.ALWAYS);
            plots.add(cell, i, 0);
            r.visibleProperty().bind(ex.modeProperty().isEqualTo(Explorer.Mode.BINARY));
            p.visibleProperty().bind(ex.modeProperty().isEqualTo(Explorer.Mode.POINTS));
            for (PlotCanvas c : new PlotCanvas[] {p, r, im}) {
                c.setOnMouseClicked(e -> {
                    // on the Forward plot, clicks draw unless the Follow tool is chosen; on the raster they flip bits;
                    // on the inpainting view they paint the mask
                    boolean drawing = (c == ex.forwardPlot && ex.data.toolProperty().get() != Tool.FOLLOW) || c == ex.binary.forward
                            || (c == ex.images.conditionPlot && ex.images.conditionPlot.imageAt(e.getX(), e.getY()) != null);
                    if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !drawing) {
                        toggleEnlarged(c);
                    }
                });
            }
        }
        ex.binary.forward.setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                ex.toggleCellAt(e.getX(), e.getY());
            }
        });
        var cp = ex.images.conditionPlot;
        cp.setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY && ex.images.condition.kindProperty().get() == lab.diffusion.app.engine.Views.ConditionKind.INPAINT) {
                ex.paintMaskAt(e.getX(), e.getY());
            }
        });
        cp.setOnMouseDragged(e -> {
            if (e.getButton() == MouseButton.PRIMARY && ex.images.condition.kindProperty().get() == lab.diffusion.app.engine.Views.ConditionKind.INPAINT) {
                ex.paintMaskAt(e.getX(), e.getY());
            }
            maskBrush(e.getX(), e.getY());
        });
        cp.setOnMouseMoved(e -> maskBrush(e.getX(), e.getY()));
        cp.setOnMouseExited(e -> cp.setBrush(Double.NaN, 0, 0));
        plots.setHgap(6);
        plots.setPadding(new Insets(6, 6, 0, 6));
        // square plots: the row is as tall as a third of its width (plus the titles); the
        // telemetry below takes the rest of the height
        plots.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> enlarged == null ? plots.getWidth() / 3 + 40 : plots.getWidth() * 0.55, plots.widthProperty(), enlargedVersion));
        plots.setMinHeight(260);
        VBox.setVgrow(plots, Priority.SOMETIMES);
        TelemetryView telemetry = new TelemetryView(ex.training, ex.kChart, ex.klBars, ex.varianceBounds, ex::estimateLogLikelihood);
        telemetry.setMinHeight(190);
        VBox.setVgrow(telemetry, Priority.ALWAYS);
        telemetryNode = telemetry;
        VBox box = new VBox(plots, new TimelineView(ex.timeline), telemetry);
        box.getStyleClass().add("center");
        return box;
    }

    /** Shows one plot over the whole centre, or all three again. */
    public void toggleEnlarged(PlotCanvas p) {
        enlarged = enlarged == p ? null : p;
        enlargedVersion.set(enlargedVersion.get() + 1);
        for (Node cell : plots.getChildren()) {
            boolean show = enlarged == null || ((StackPane) cell).getChildren().contains(enlarged);
            cell.setVisible(show);
            cell.setManaged(show);
        }
    }

    private Node bottom() {
        StatusBar status = new StatusBar();
        status.setId("status-bar");
        status.textProperty().bind(ex.statusProperty());
        Label warning = new Label();
        warning.getStyleClass().add("warning-text");
        warning.textProperty().bind(ex.schedule.warningProperty());
        Label fps = new Label();
        fps.setId("fps-label");
        fps.textProperty().bind(Bindings.createStringBinding(() -> ex.renderLoop.fpsProperty().get() < 0.5 ? "idle (no redraws)"
                : String.format("%.0f fps · paint %.1f ms", ex.renderLoop.fpsProperty().get(), ex.renderLoop.paintMillisProperty().get()),
                ex.renderLoop.fpsProperty(), ex.renderLoop.paintMillisProperty()));
        Label memory = new Label();
        memory.setId("memory-label");
        ex.renderLoop.fpsProperty().addListener((o, a, b) -> {
            Runtime r = Runtime.getRuntime();
            memory.setText(String.format("heap %d MB", (r.totalMemory() - r.freeMemory()) >> 20));
        });
        status.getRightItems().addAll(warning, new Separator(Orientation.VERTICAL), fps, new Separator(Orientation.VERTICAL), memory);
        Label message = new Label();
        message.setId("app-message");
        message.getStyleClass().add("error-text");
        ex.messageIsErrorProperty().addListener((o, a, b) -> message.getStyleClass().setAll("label", b ? "error-text" : "info-text"));
        message.textProperty().bind(ex.messageProperty());
        message.visibleProperty().bind(ex.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.setPadding(new Insets(0, 10, 0, 10));
        caption.setId("caption");
        caption.getStyleClass().add("caption-text");
        caption.setWrapText(true);
        HBox captionBar = new HBox(caption);
        captionBar.getStyleClass().add("caption-bar");
        captionBar.setId("caption-bar");
        captionBar.visibleProperty().bind(captions);
        captionBar.managedProperty().bind(captions);
        ex.timeline.tProperty().addListener((o, a, b) -> updateCaption());
        ex.training.stepProperty().addListener((o, a, b) -> {
            if (captions.get() && b.longValue() % 500 == 0) {
                updateCaption();
            }
        });
        ex.modeProperty().addListener((o, a, b) -> updateCaption());
        captions.addListener((o, a, b) -> updateCaption());
        slowMotion.addListener((o, a, b) -> {
            if (b) {
                ex.timeline.playingProperty().set(false);
                captions.set(true);
                slowTimer.setCycleCount(javafx.animation.Animation.INDEFINITE);
                slowTimer.playFromStart();
            } else {
                slowTimer.stop();
            }
        });
        updateCaption();
        VBox box = new VBox(captionBar, message, status);
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    private void installMouse() {
        var fp = ex.forwardPlot;
        fp.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            if (ex.data.toolProperty().get() != Tool.FOLLOW) {
                ex.drawStart(e.getX(), e.getY());
            } else if (e.getClickCount() == 1) {
                ex.followAt(e.getX(), e.getY());
            }
        });
        fp.setOnMouseDragged(e -> {
            if (ex.data.toolProperty().get() != Tool.FOLLOW) {
                ex.drawDrag(e.getX(), e.getY());
            }
            brush(e.getX(), e.getY());
        });
        fp.setOnMouseReleased(e -> {
            if (ex.data.toolProperty().get() != Tool.FOLLOW) {
                ex.drawEnd();
            }
        });
        fp.setOnMouseMoved(e -> brush(e.getX(), e.getY()));
        fp.setOnMouseExited(e -> fp.setBrush(Double.NaN, 0, 0));
    }

    private void maskBrush(double x, double y) {
        var cp = ex.images.conditionPlot;
        boolean on = ex.images.condition.kindProperty().get() == lab.diffusion.app.engine.Views.ConditionKind.INPAINT
                && cp.imageAt(x, y) != null;
        cp.setBrush(on ? x : Double.NaN, y, ex.images.condition.brushProperty().get());
    }

    private void brush(double x, double y) {
        Tool t = ex.data.toolProperty().get();
        if (t == Tool.SPRAY || t == Tool.ERASE) {
            ex.forwardPlot.setBrush(x, y, ex.data.brushPixelsProperty().get());
        } else {
            ex.forwardPlot.setBrush(Double.NaN, 0, 0);
        }
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl) {
            return;
        }
        boolean ctrl = e.isShortcutDown();
        KeyCode c = e.getCode();
        if (ctrl && c == KeyCode.Z) {
            if (ex.mode() == Explorer.Mode.BINARY) {
                ex.binary.data.undo();
            } else {
                ex.data.undo();
            }
        } else if (ctrl && c == KeyCode.Y) {
            if (ex.mode() == Explorer.Mode.BINARY) {
                ex.binary.data.redo();
            } else {
                ex.data.redo();
            }
        } else if (ctrl) {
            return;
        } else if (c == KeyCode.SPACE) {
            ex.timeline.togglePlay();
        } else if (c == KeyCode.RIGHT) {
            ex.timeline.stepForward();
        } else if (c == KeyCode.LEFT) {
            ex.timeline.stepBack();
        } else if (c == KeyCode.HOME) {
            ex.timeline.toStart();
        } else if (c == KeyCode.END) {
            ex.timeline.toEnd();
        } else if (c == KeyCode.T) {
            ex.toggleTraining();
        } else if (c == KeyCode.R) {
            if (!ex.training.hasProgress() || ex.confirmReset()) {
                ex.reset();
            }
        } else if (c == KeyCode.DIGIT1 || c == KeyCode.DIGIT2 || c == KeyCode.DIGIT3
                || c == KeyCode.NUMPAD1 || c == KeyCode.NUMPAD2 || c == KeyCode.NUMPAD3) {
            int i = switch (c) {
                case DIGIT1, NUMPAD1 -> 0;
                case DIGIT2, NUMPAD2 -> 1;
                default -> 2;
            };
            toggleEnlarged(ex.shownPlots().get(i));
        } else if (c == KeyCode.DIGIT0 || c == KeyCode.NUMPAD0) {
            if (enlarged != null) {
                toggleEnlarged(enlarged);
            }
        } else if (c == KeyCode.F) {
            javafx.stage.Window w = getScene() == null ? null : getScene().getWindow();
            if (w instanceof javafx.stage.Stage st) {
                st.setFullScreen(!st.isFullScreen());
            }
        } else if (c == KeyCode.PLUS || c == KeyCode.ADD || c == KeyCode.EQUALS) {
            ex.timeline.faster();
        } else if (c == KeyCode.MINUS || c == KeyCode.SUBTRACT) {
            ex.timeline.slower();
        } else if (c == KeyCode.L) {
            appearance.lectureProperty().set(!appearance.lectureProperty().get());
        } else if (c == KeyCode.C) {
            captions.set(!captions.get());
        } else if (c == KeyCode.S) {
            slowMotion.set(!slowMotion.get());
        } else if (c == KeyCode.SLASH && e.isShiftDown() || "?".equals(e.getText())) {
            toggleKeyMap();
        } else if (c == KeyCode.ESCAPE) {
            keyOverlay.setVisible(false);
            slowMotion.set(false);
        } else {
            return;
        }
        e.consume();
    }
}
