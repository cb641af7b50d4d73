package lab.diffusion.app.window;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import lab.diffusion.app.explorer.Explorer;
import lab.diffusion.app.export.GifExport;
import lab.diffusion.app.lecture.KeyMap;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.app.runs.RunsView;
import lab.diffusion.app.schedule.ScheduleCompare;
import lab.diffusion.app.schedule.ScheduleEditor;
import lab.diffusion.app.schedule.ScheduleView;
import lab.diffusion.app.session.SessionController;
import lab.diffusion.app.timeline.TimelineView;
import lab.diffusion.app.training.TelemetryView;
import lab.diffusion.engine.schedule.Schedule;

/**
 * The main window: menu and toolbar on top, the sidebar on the left, the three linked plots with
 * the timeline and the telemetry in the centre, captions, messages and the status bar below.
 * It assembles the views; they bind to the explorer and call its commands. FX thread.
 */
public final class MainWindow extends BorderPane {

    private final Explorer ex;
    private final SessionController sessions;
    private final PlotGrid plots;
    private final SidebarView sidebar;
    private final TelemetryView telemetry;
    private final Node menuBar;
    private final LectureMode lecture;
    private final ExportDialog exports;
    private final Node keyOverlay;
    private ScheduleEditor editor;
    private ScheduleCompare scheduleCompare;

    public MainWindow(Explorer ex, SessionController sessions) {
        this.ex = ex;
        this.sessions = sessions;
        setId("main-window");
        getStyleClass().add("main-window");
        plots = new PlotGrid(ex);
        sidebar = new SidebarView(ex, new ScheduleView.Actions() {
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
                return ex.schedules.learn();
            }

            @Override
            public boolean apply(Schedule s) {
                return ex.schedules.request(s);
            }
        });
        telemetry = new TelemetryView(ex.training, ex.trainer.kChart, ex.trainer.klBars, ex.trainer.varianceBounds,
                ex.trainer::estimateLogLikelihood);
        telemetry.setMinHeight(190);
        VBox.setVgrow(telemetry, Priority.ALWAYS);
        VBox.setVgrow(plots, Priority.SOMETIMES);
        VBox centre = new VBox(plots, new TimelineView(ex.timeline), telemetry);
        centre.getStyleClass().add("center");
        keyOverlay = keyMap();
        StatusView status = new StatusView(ex);
        status.getChildren().add(1, new OpeningBar(sessions));
        exports = new ExportDialog(ex, this);
        lecture = new LectureMode(ex, this, status);
        menuBar = new AppMenu(ex, sessions, this).build();
        setTop(new VBox(menuBar, new ToolbarView(ex)));
        setLeft(sidebar);
        StackPane stack = new StackPane(centre, keyOverlay);
        StackPane.setAlignment(keyOverlay, Pos.CENTER);
        setCenter(stack);
        setBottom(status);
        new KeyboardShortcuts(ex, this);
        sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                ex.appearance.attach(b);
            }
        });
    }

    private Node keyMap() {
        GridPane keys = new GridPane();
        keys.setHgap(18);
        keys.setVgap(6);
        Label head = new Label("Keyboard");
        head.setStyle("-fx-font-weight: bold; -fx-font-size: 1.3em;");
        keys.add(head, 0, 0, 2, 1);
        int r = 1;
        for (KeyMap.Key k : KeyMap.KEYS) {
            Label name = new Label(k.keys());
            name.getStyleClass().add("key-name");
            keys.add(name, 0, r);
            keys.add(new Label(k.action()), 1, r);
            r++;
        }
        keys.getStyleClass().add("key-overlay");
        keys.setId("key-overlay");
        keys.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        keys.setVisible(false);
        keys.setOnMouseClicked(e -> keys.setVisible(false));
        return keys;
    }

    // ------------------------------------------------------------------ parts (for the window's own classes and tests)

    Node sidebar() {
        return sidebar;
    }

    Node telemetry() {
        return telemetry;
    }

    Node menuBar() {
        return menuBar;
    }

    PlotGrid plots() {
        return plots;
    }

    LectureMode lecture() {
        return lecture;
    }

    Node keyOverlay() {
        return keyOverlay;
    }

    public SessionController sessions() {
        return sessions;
    }

    /** The Schedule section. */
    public ScheduleView scheduleView() {
        return sidebar.scheduleView();
    }

    /** The Runs section (run history). */
    public RunsView runsView() {
        return sidebar.runsView();
    }

    /** Gives every collapsed sidebar section its content now (tests find every control at once). */
    public void attachAllSections() {
        sidebar.attachAll();
    }

    // ------------------------------------------------------------------ lecture

    public BooleanProperty captionsProperty() {
        return lecture.captionsProperty();
    }

    public BooleanProperty slowMotionProperty() {
        return lecture.slowMotionProperty();
    }

    /** The caption now shown (empty when captions are off). */
    public String captionText() {
        return lecture.captionText();
    }

    /** True while the keyboard map is shown. */
    public boolean keyMapShown() {
        return keyOverlay.isVisible();
    }

    /** Shows or hides the keyboard map. */
    public void toggleKeyMap() {
        keyOverlay.setVisible(!keyOverlay.isVisible());
    }

    /** The plot shown alone (null when all three are shown). */
    public PlotCanvas enlargedPlot() {
        return plots.enlarged();
    }

    /** Shows one plot over the whole row, or all three again. */
    public void toggleEnlarged(PlotCanvas p) {
        plots.toggle(p);
    }

    // ------------------------------------------------------------------ windows and exports

    /** Opens (or brings forward) the schedule editor. */
    public ScheduleEditor openScheduleEditor() {
        if (editor == null || !editor.stage().isShowing()) {
            editor = new ScheduleEditor(ex.schedule, ex.schedules::request,
                    () -> ex.trainer.agreeToDiscard("Dragging a knot"), ex.renderLoop, ex.appearance::attach);
        }
        editor.show(getScene() == null ? null : getScene().getWindow());
        return editor;
    }

    /** Opens the comparison of two schedules (2D points). */
    public ScheduleCompare openScheduleCompare() {
        if (ex.compareHost().points() == null) {
            ex.messages.report("Schedules are compared on 2D points; switch to a 2D data set first.");
            return null;
        }
        if (scheduleCompare == null || !scheduleCompare.stage().isShowing()) {
            scheduleCompare = new ScheduleCompare(ex.compareHost());
        }
        scheduleCompare.show(getScene() == null ? null : getScene().getWindow());
        return scheduleCompare;
    }

    /**
     * Exports the Forward (0) or Reverse (1) plot through every t as an animated GIF or PNG
     * frames, with a progress window that can cancel.
     */
    public GifExport startAnimationExport(int which, Path out, boolean frames, int size, int delayMillis) {
        return exports.start(which, out, frames, size, delayMillis);
    }

    /** The export running now (null when none). */
    public GifExport runningExport() {
        return exports.running();
    }
}
