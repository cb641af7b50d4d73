package lab.diffusion.app;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import lab.diffusion.app.binary.BinaryMode;
import lab.diffusion.app.explorer.Explorer;
import lab.diffusion.app.lecture.KeyMap;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.app.plots.PointColors;
import lab.diffusion.app.points.PointsMode;
import lab.diffusion.app.session.SessionController;
import lab.diffusion.app.ui.Forms;
import lab.diffusion.app.window.MainWindow;
import lab.diffusion.engine.session.Demos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lecture mode, the keyboard map, themes and the bundled demos. */
@ExtendWith(ApplicationExtension.class)
class LectureUiTest {

    private Explorer ex;
    private PointsMode points;
    private BinaryMode binary;
    private MainWindow window;
    private SessionController sessions;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        ex = new Explorer((title, text) -> true);
        sessions = new SessionController(ex.sessionHost(), Files.createTempDirectory("dlab-home"), ex.background());
        points = ex.mode(PointsMode.class);
        binary = ex.mode(BinaryMode.class);
        window = TestWindows.show(stage, DiffusionLabApp.scene(ex, sessions));
    }

    @AfterEach
    void stop() {
        ex.close();
        FxThread.call(() -> {
            sessions.close(); // its autosave timer belongs to the FX thread
            return null;
        });
    }

    @Test
    void everyKeyInTheMapDoesWhatItSays(FxRobot robot) {
        BinaryModeUiTest.waitFor("a model", () -> ex.canTrainProperty().get());
        robot.clickOn("#forward-plot"); // focus in the window, not in a text field
        // Space: play / pause
        robot.type(KeyCode.SPACE);
        assertTrue(ex.timeline.playingProperty().get());
        robot.type(KeyCode.SPACE);
        assertFalse(ex.timeline.playingProperty().get());
        // Home / End, ← / →
        robot.type(KeyCode.END);
        assertEquals(ex.schedule.steps(), ex.timeline.t());
        robot.type(KeyCode.LEFT);
        assertEquals(ex.schedule.steps() - 1, ex.timeline.t());
        robot.type(KeyCode.HOME);
        assertEquals(0, ex.timeline.t());
        robot.type(KeyCode.RIGHT);
        assertEquals(1, ex.timeline.t());
        // + / −
        double speed = ex.timeline.speedProperty().get();
        robot.type(KeyCode.EQUALS);
        assertTrue(ex.timeline.speedProperty().get() > speed);
        robot.type(KeyCode.MINUS);
        robot.type(KeyCode.MINUS);
        assertTrue(ex.timeline.speedProperty().get() < speed);
        // T: train / pause
        robot.type(KeyCode.T);
        BinaryModeUiTest.waitFor("training", () -> ex.training.stepProperty().get() > 50);
        robot.type(KeyCode.T);
        assertFalse(ex.training.runningProperty().get());
        // R: reset (the test's confirmer says yes)
        robot.type(KeyCode.R);
        BinaryModeUiTest.waitFor("a fresh model", () -> ex.training.stepProperty().get() == 0);
        // 1 / 2 / 3 / 0: enlarge a plot, and back
        robot.type(KeyCode.DIGIT2);
        assertSame(points.reversePlot, window.enlargedPlot());
        robot.type(KeyCode.DIGIT3);
        assertSame(points.driftPlot, window.enlargedPlot());
        robot.type(KeyCode.DIGIT3);
        assertNull(window.enlargedPlot());
        robot.type(KeyCode.DIGIT1);
        assertSame(points.forwardPlot, window.enlargedPlot());
        robot.type(KeyCode.DIGIT0);
        assertNull(window.enlargedPlot());
        // C: captions, S: slow motion, Esc leaves it
        robot.type(KeyCode.C);
        assertTrue(window.captionsProperty().get());
        assertTrue(window.captionText().startsWith("t = 1:"), window.captionText());
        robot.type(KeyCode.S);
        assertTrue(window.slowMotionProperty().get());
        BinaryModeUiTest.waitFor("a slow-motion step", () -> ex.timeline.t() == 2);
        robot.type(KeyCode.ESCAPE);
        assertFalse(window.slowMotionProperty().get());
        // S at t = T plays the reverse process down to 0 and says so
        robot.interact(() -> ex.timeline.toEnd());
        int steps = ex.schedule.steps();
        robot.type(KeyCode.S);
        assertTrue(window.slowMotionProperty().get(), "slow motion at t = T");
        assertTrue(ex.messages.message().startsWith("Slow motion: the reverse process, t = " + steps + " → 0"),
                ex.messages.message());
        BinaryModeUiTest.waitFor("a slow-motion step back", () -> ex.timeline.t() == steps - 1);
        assertTrue(window.captionText().startsWith("[Slow motion: the reverse process, to t = 0"), window.captionText());
        robot.type(KeyCode.ESCAPE);
        assertFalse(window.slowMotionProperty().get());
        robot.type(KeyCode.C);
        assertFalse(window.captionsProperty().get());
        // ?: the map, Esc closes it
        robot.push(KeyCode.SHIFT, KeyCode.SLASH);
        assertTrue(window.keyMapShown());
        robot.type(KeyCode.ESCAPE);
        assertFalse(window.keyMapShown());
        // L: lecture mode (large type, no sidebar, full screen), and back
        robot.type(KeyCode.L);
        assertTrue(ex.appearance.lectureProperty().get());
        assertNull(window.getLeft(), "the sidebar makes room in lecture mode");
        assertTrue(stage.isFullScreen());
        assertTrue(points.forwardPlot.theme().lineWidth > 1.5, "thick lines");
        assertTrue(window.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("lecture.css")));
        assertEquals("", stage.getFullScreenExitHint(), "no 'Press ESC' banner over the plots");
        assertFalse(robot.lookup("#status-bar").query().isVisible(), "no technical status line in lecture mode");
        robot.type(KeyCode.L);
        assertFalse(stage.isFullScreen());
        assertNotEquals(null, window.getLeft());
        assertTrue(robot.lookup("#status-bar").query().isVisible());
        // Esc leaves lecture mode once nothing else is open
        robot.type(KeyCode.L);
        robot.type(KeyCode.ESCAPE);
        assertFalse(ex.appearance.lectureProperty().get());
        assertFalse(stage.isFullScreen());
        // F: full screen
        robot.type(KeyCode.F);
        assertTrue(stage.isFullScreen());
        robot.type(KeyCode.F);
        assertFalse(stage.isFullScreen());
    }

    @Test
    void inLectureModeThePlotsFillSeventyPercentOfTheHeightAndTheFieldCoversThem(FxRobot robot) throws Exception {
        BinaryModeUiTest.waitFor("a model", () -> ex.canTrainProperty().get());
        robot.interact(() -> ex.appearance.lectureProperty().set(true));
        for (int[] size : new int[][] {{1600, 1000}, {1280, 720}}) {
            robot.interact(() -> {
                stage.setFullScreen(false); // the window's own size stands for the screen's
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(300); // a few frames: the plots repaint at the new size
            WaitForAsyncUtils.waitForFxEvents();
            double height = window.getScene().getHeight();
            for (PlotCanvas p : List.of(points.forwardPlot, points.reversePlot, points.driftPlot)) {
                double share = p.getHeight() / height;
                assertTrue(share >= 0.70, size[0] + "×" + size[1] + ": " + p.getId() + " takes " + share + " of the height");
                assertTrue(p.viewport().height() / height >= 0.55,
                        size[0] + "×" + size[1] + ": the plot area of " + p.getId() + " is " + p.viewport().height() + " px");
            }
            double[] data = points.world();
            double[] shown = points.driftPlot.shownWorld();
            assertTrue(shown[0] <= data[0] + 1e-9 && shown[1] >= data[1] - 1e-9 && shown[2] <= data[2] + 1e-9
                    && shown[3] >= data[3] - 1e-9, "the data's region is shown whole");
            BinaryModeUiTest.waitFor("a field over the whole Drift plot", () -> {
                var d = points.driftPlot.drift();
                return d != null && Math.abs(d.field().yMin() - shown[2]) < 1e-3 * (shown[3] - shown[2])
                        && Math.abs(d.field().yMax() - shown[3]) < 1e-3 * (shown[3] - shown[2]);
            });
        }
    }

    @Test
    void collapsedSectionsGetTheirContentAfterTheFirstFramesOrWhenOpened(FxRobot robot) {
        Set<TitledPane> sections = robot.lookup(".sidebar-section")
                .queryAllAs(TitledPane.class);
        assertTrue(sections.size() >= 8, "the sidebar's sections: " + sections.size());
        BinaryModeUiTest.waitFor("every section has its content", () -> sections.stream().allMatch(p -> p.getContent() != null));
        assertTrue(robot.lookup("#model-head").tryQuery().isPresent(), "the Model section's controls are in the window");
        robot.interact(() -> {
            Label inside = new Label("inside");
            TitledPane p = Forms.lazySection("Lazy", inside);
            assertNull(p.getContent());
            assertTrue(Forms.pending(p));
            p.setExpanded(true);
            assertNotNull(p.getContent(), "opening a section gives it its content at once");
            assertTrue(inside.getParent() != null && p.getContent() == inside.getParent());
            assertFalse(Forms.pending(p));
        });
    }

    @Test
    void theOverlayListsEveryKey(FxRobot robot) {
        robot.interact(window::toggleKeyMap);
        var overlay = robot.lookup("#key-overlay").queryAs(GridPane.class);
        assertTrue(overlay.isVisible());
        var labels = overlay.getChildren().stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList();
        for (KeyMap.Key k : KeyMap.KEYS) {
            assertTrue(labels.contains(k.keys()) && labels.contains(k.action()), "the overlay shows " + k);
        }
        for (String key : new String[] {"Space", "← / →", "Home / End", "T", "R", "1 / 2 / 3", "F", "+ / −", "?"}) {
            assertTrue(KeyMap.KEYS.stream().anyMatch(k -> k.keys().equals(key)), "the map has " + key);
        }
    }

    @Test
    void switchingTheThemeChangesTheStylesheetAndThePlots(FxRobot robot) {
        var sheets = window.getScene().getStylesheets();
        assertEquals(1, sheets.size());
        robot.interact(() -> ex.appearance.themeProperty().set("dark"));
        assertTrue(sheets.stream().anyMatch(s -> s.endsWith("dark.css")), sheets.toString());
        assertTrue(points.forwardPlot.theme().isDark());
        robot.interact(() -> ex.appearance.themeProperty().set("high-contrast"));
        assertTrue(sheets.stream().anyMatch(s -> s.endsWith("high-contrast.css")) && sheets.stream().noneMatch(s -> s.endsWith("dark.css")));
        robot.interact(() -> ex.appearance.colourBlindProperty().set(true));
        assertTrue(PointColors.colourBlindSafe());
        robot.interact(() -> {
            ex.appearance.colourBlindProperty().set(false);
            ex.appearance.themeProperty().set("light");
        });
        assertEquals(1, sheets.size());
    }

    @Test
    void aDemoOpensWithATrainedModelWithoutTraining(FxRobot robot) throws Exception {
        assertTrue(Demos.exists("digits"), "the digits demo is bundled");
        long t0 = System.nanoTime();
        var opened = new CompletableFuture<Boolean>();
        robot.interact(() -> sessions.openDemo("heartbeat").thenAccept(opened::complete));
        assertTrue(opened.get(30, TimeUnit.SECONDS));
        double secs = (System.nanoTime() - t0) / 1e9;
        assertEquals(binary, ex.mode());
        BinaryModeUiTest.waitFor("the trained model", () -> ex.training.stepProperty().get() > 100_000);
        assertFalse(ex.training.runningProperty().get(), "no training needed");
        BinaryModeUiTest.waitFor("its samples", () -> binary.reverse.rowCount() == 64);
        BinaryModeUiTest.waitFor("its training curve, kept whole", () -> ex.trainer.kChart.pointCount() > 100);

        Label message = robot.lookup("#app-message").queryAs(Label.class);
        assertTrue(message.getText().startsWith("Opened the demo 'heartbeat'"), message.getText());
        assertTrue(message.getStyleClass().contains("info-text") && !message.getStyleClass().contains("error-text"),
                "good news is not shown as an error: " + message.getStyleClass());
        robot.interact(() -> ex.messages.report("Not opened: a test"));
        assertTrue(message.getStyleClass().contains("error-text"));
        System.out.printf("the heartbeat demo opened in %.2f s%n", secs);
    }

    @Test
    void theCaptionFollowsTheModelThatIsShown(FxRobot robot) throws Exception {
        robot.interact(() -> window.captionsProperty().set(true));
        assertTrue(window.captionText().contains("untrained"), window.captionText());
        var opened = new CompletableFuture<Boolean>();
        robot.interact(() -> sessions.openDemo("swissroll").thenAccept(opened::complete));
        assertTrue(opened.get(30, TimeUnit.SECONDS));
        BinaryModeUiTest.waitFor("the trained model", () -> ex.training.stepProperty().get() > 100_000);
        assertEquals(0, ex.timeline.t());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.captionText().contains("untrained"), "at t = 0 of a trained model: " + window.captionText());
    }
}
