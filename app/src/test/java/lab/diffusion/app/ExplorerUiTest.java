package lab.diffusion.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import lab.diffusion.app.explorer.Explorer;
import lab.diffusion.app.plots.CurveChart;
import lab.diffusion.app.points.PointsMode;
import lab.diffusion.app.points.Tool;
import lab.diffusion.app.ui.Forms;
import lab.diffusion.app.window.MainWindow;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.schedule.ScheduleFamily;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The explorer window driven like a person would, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class ExplorerUiTest {

    private Explorer ex;
    private PointsMode points;
    private MainWindow window;
    private final AtomicBoolean answer = new AtomicBoolean(true);
    private final AtomicInteger asked = new AtomicInteger();

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        ex = new Explorer((title, text) -> {
            asked.incrementAndGet();
            return answer.get();
        });
        points = ex.mode(PointsMode.class);
        window = TestWindows.show(stage, DiffusionLabApp.scene(ex));
    }

    @AfterEach
    void stop() {
        ex.close();
    }

    static void waitFor(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    private Point2D plotCentre(FxRobot robot) {
        Bounds b = robot.lookup("#forward-plot").query().localToScreen(robot.lookup("#forward-plot").query().getBoundsInLocal());
        return new Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
    }

    @Test
    void startsWithTheSwissRollInThreeLinkedPlots(FxRobot robot) {
        waitFor("the forward plot shows the data", () -> points.forwardPlot.pointCount() == 5000);
        waitFor("reverse samples arrive", () -> points.reversePlot.pointCount() == 2000);
        waitFor("the drift field arrives", () -> points.driftPlot.drift() != null);
        assertEquals("swissroll", points.data.sourceProperty().get());
        assertEquals(40, ex.timeline.maxProperty().get());
        assertTrue(robot.lookup("#point-count").queryAs(Label.class).getText().startsWith("5,000 points"));
    }

    @Test
    void sprayingAddsPointsTheForwardPlotFollowsAndUndoRemovesThem(FxRobot robot) {
        waitFor("data shown", () -> points.forwardPlot.pointCount() == 5000);
        robot.clickOn("#tool-spray");
        Point2D c = plotCentre(robot);
        robot.moveTo(c).press(MouseButton.PRIMARY).moveBy(40, 10).moveBy(40, 10).moveBy(30, -30).release(MouseButton.PRIMARY);
        int after = points.data.points().size();
        assertTrue(after > 5000, "spraying added points: " + after);
        waitFor("the forward plot shows the sprayed points", () -> points.forwardPlot.pointCount() == after);
        assertTrue(robot.lookup("#point-count").queryAs(Label.class).getText().startsWith(String.format("%,d", after)));
        robot.clickOn("#undo-button");
        assertEquals(5000, points.data.points().size());
        waitFor("the forward plot follows the undo", () -> points.forwardPlot.pointCount() == 5000);
        robot.clickOn("#redo-button");
        assertEquals(after, points.data.points().size());
    }

    @Test
    void pointToolAndEraserEditTheData(FxRobot robot) {
        waitFor("data shown", () -> points.forwardPlot.pointCount() == 5000);
        robot.clickOn("#clear-button");
        assertEquals(0, points.data.points().size());
        robot.clickOn("#tool-point");
        Point2D c = plotCentre(robot);
        for (int i = 0; i < 3; i++) {
            robot.clickOn(c.add(20 * i, 0));
        }
        assertEquals(3, points.data.points().size());
        assertFalse(ex.canTrainProperty().get(), "3 points are too few to train");
        robot.clickOn("#train-button");
        assertTrue(ex.messages.messageProperty().get().contains("at least 10 points"), ex.messages.messageProperty().get());
        robot.clickOn("#tool-erase");
        robot.moveTo(c.add(-10, 0)).press(MouseButton.PRIMARY).moveBy(60, 0).release(MouseButton.PRIMARY);
        assertEquals(0, points.data.points().size());
    }

    @Test
    void theTSliderDrivesThePlots(FxRobot robot) {
        waitFor("data shown", () -> points.forwardPlot.pointCount() == 5000);
        float[] atZero = points.forwardPlot.currentPositions().clone();
        Slider slider = robot.lookup("#t-slider").queryAs(Slider.class);
        robot.drag(slider.lookup(".thumb"), MouseButton.PRIMARY).moveBy(slider.getWidth() * 0.5, 0).release(MouseButton.PRIMARY);
        int t = ex.timeline.t();
        assertTrue(t >= 10 && t <= 30, "t after dragging half way: " + t);
        assertTrue(robot.lookup("#t-label").queryAs(Label.class).getText().startsWith("t = " + t));
        assertNotEquals(atZero[0], points.forwardPlot.currentPositions()[0], "forward plot shows x(t), not the data");
        assertTrue(points.forwardPlot.subtitle().startsWith("t = " + t));
        waitFor("the drift field for the new t", () -> points.driftPlot.drift() != null && points.driftPlot.drift().field().t() == Math.max(1, t));
        robot.press(KeyCode.END).release(KeyCode.END);
        assertEquals(40, ex.timeline.t());
        robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
        assertEquals(39, ex.timeline.t());
    }

    @Test
    void trainAdvancesStepAndKAndPauseStopsThem(FxRobot robot) {
        robot.clickOn("#train-button");
        waitFor("training steps and a K estimate", () -> ex.training.stepProperty().get() > 300 && Double.isFinite(ex.training.kBitsProperty().get()));
        waitFor("the K chart has points", () -> ex.trainer.kChart.pointCount() > 2);
        robot.clickOn("#train-button");
        waitFor("training stopped", () -> ex.training.stepsPerSecondProperty().get() == 0);
        long stopped = ex.training.stepProperty().get();
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(stopped, ex.training.stepProperty().get(), "no steps after Pause");
        assertEquals("Train", robot.lookup("#train-button").queryLabeled().getText());
        String steps = robot.lookup("#step-readout").queryAs(Label.class).getText();
        assertEquals(String.format("%,d", stopped), steps);
        robot.clickOn("#step-button");
        waitFor("one more step", () -> ex.training.stepProperty().get() == stopped + 1);
    }

    @Test
    void importingABadCsvShowsAMessageAndKeepsTheData(FxRobot robot) throws Exception {
        waitFor("data shown", () -> points.forwardPlot.pointCount() == 5000);
        PointSet before = points.data.points();
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x,y\n1,2\n3,4,5\n");
        importAndWait(robot, bad);
        Label msg = robot.lookup("#data-message").queryAs(Label.class);
        assertTrue(msg.isVisible() && msg.getText().contains("line 3"), msg.getText());
        assertEquals(before, points.data.points());
        Path nan = dir.resolve("nan.csv");
        Files.writeString(nan, "1,2\nNaN,4\n");
        importAndWait(robot, nan);
        assertTrue(msg.getText().contains("not a finite number"), msg.getText());
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        importAndWait(robot, empty);
        assertTrue(msg.getText().contains("contains no points"), msg.getText());
        assertEquals(before, points.data.points());
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "x,y\n" + "0,0\n1,1\n2,0\n3,1\n4,0\n5,1\n6,0\n7,1\n8,0\n9,1\n10,0\n");
        importAndWait(robot, good);
        assertFalse(msg.isVisible());
        assertEquals(11, points.data.points().size());
        waitFor("the forward plot shows the imported points", () -> points.forwardPlot.pointCount() == 11);
    }

    @Test
    void aHugeFileIsCappedWithAMessage(FxRobot robot) throws Exception {
        waitFor("data shown", () -> points.forwardPlot.pointCount() == 5000);
        PointSet before = points.data.points();
        Path big = dir.resolve("big.csv");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 25_000; i++) {
            b.append(i % 97).append(',').append(i % 89).append('\n');
        }
        Files.writeString(big, b.toString());
        importAndWait(robot, big);
        Label msg = robot.lookup("#data-message").queryAs(Label.class);
        assertTrue(msg.getText().contains("more than 20,000 points"), msg.getText());
        assertEquals(before, points.data.points());
    }

    private void importAndWait(FxRobot robot, Path file) throws Exception {
        var done = new CompletableFuture<CompletableFuture<Boolean>>();
        robot.interact(() -> done.complete(points.view().importFile(file)));
        done.get(10, TimeUnit.SECONDS).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void changingTheScheduleUpdatesTheCurvesAndReadout(FxRobot robot) {
        CurveChart chart = robot.lookup("#schedule-chart").queryAs(CurveChart.class);
        String before = chart.subtitle();
        waitFor("the first readout", () -> robot.lookup("#endpoint-readout").queryAs(Label.class).getText().contains("KL"));
        String readoutBefore = robot.lookup("#endpoint-readout").queryAs(Label.class).getText();
        waitFor("a readout", () -> !readoutBefore.isEmpty());
        robot.clickOn("#family-choice").clickOn("Linear");
        assertEquals(ScheduleFamily.LINEAR, ex.schedule.family());
        assertNotEquals(before, chart.subtitle());
        Label readout = robot.lookup("#endpoint-readout").queryAs(Label.class);
        waitFor("the readout follows the schedule", () -> !readout.getText().equals(readoutBefore));
        robot.doubleClickOn("#steps-spinner .text-field").write("8").press(KeyCode.ENTER).release(KeyCode.ENTER);
        assertEquals(8, ex.schedule.steps());
        assertEquals(8, ex.timeline.maxProperty().get());
        // a linear schedule over 8 steps still reaches noise; explicit check of the warning path:
        robot.clickOn("#family-choice").clickOn("Cosine");
        assertEquals(ScheduleFamily.COSINE, ex.schedule.family());
    }

    @Test
    void impossibleTIsRefusedWithAMessage(FxRobot robot) {
        robot.doubleClickOn("#steps-spinner .text-field").write("1").press(KeyCode.ENTER).release(KeyCode.ENTER);
        assertEquals(40, ex.schedule.steps());
        Label msg = robot.lookup("#schedule-message").queryAs(Label.class);
        assertTrue(msg.getText().contains("between 2 and"), msg.getText());
        robot.doubleClickOn("#steps-spinner .text-field").write("abc").press(KeyCode.ENTER).release(KeyCode.ENTER);
        assertEquals(40, ex.schedule.steps());
        assertTrue(msg.getText().contains("not a whole number"), msg.getText());
    }

    @Test
    void changingTheModelAfterTrainingAsksFirst(FxRobot robot) {
        robot.clickOn("#step-button");
        robot.clickOn("#step-button");
        waitFor("two steps", () -> ex.training.stepProperty().get() == 2);
        answer.set(false);
        robot.clickOn("#toolbar-model").clickOn("DDPM ε model");
        assertEquals(1, asked.get());
        assertEquals(ModelSpec.Kind.PAPER, ex.training.specProperty().get().kind());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, ex.training.stepProperty().get(), "training kept");
        answer.set(true);
        robot.clickOn("#toolbar-model").clickOn("DDPM ε model");
        assertEquals(ModelSpec.Kind.DDPM, ex.training.specProperty().get().kind());
        waitFor("a fresh model", () -> ex.training.stepProperty().get() == 0);
        // untrained: no question
        robot.clickOn("#toolbar-model").clickOn("Paper μ,Σ model");
        assertEquals(2, asked.get());
    }

    @Test
    void aLearningRateOutOfRangeIsRefusedAndTheRefusalStaysInView(FxRobot robot) {
        robot.interact(() -> robot.lookup(".sidebar-section").queryAllAs(TitledPane.class).forEach(p -> p.setExpanded(true)));
        double before = ex.training.learningRateProperty().get();
        ComboBox<?> lr = robot.lookup("#lr-choice").queryAs(ComboBox.class);
        robot.interact(() -> lr.getEditor().requestFocus());
        robot.interact(() -> lr.getEditor().selectAll());
        robot.write("10").type(KeyCode.ENTER);
        robot.interact(() -> ex.timeline.setT(3)); // the window goes on (and the focus moves on below)
        robot.interact(() -> robot.lookup("#seed-spinner").query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#training-message").queryAs(Label.class);
        assertEquals("The learning rate must be in (0, 1]; kept 1e-3.", message.getText());
        assertTrue(message.isVisible());
        assertEquals(before, ex.training.learningRateProperty().get());
        robot.interact(() -> lr.getEditor().requestFocus());
        robot.interact(() -> lr.getEditor().selectAll());
        robot.write("3e-4").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3e-4, ex.training.learningRateProperty().get());
        assertFalse(message.isVisible(), "an accepted rate clears the refusal");
    }

    @Test
    void everyControlHasATooltip(FxRobot robot) {
        List<String> missing = new ArrayList<>();
        int[] checked = {0};
        robot.interact(() -> {
            for (TitledPane p : robot.lookup(".sidebar-section").queryAllAs(TitledPane.class)) {
                p.setExpanded(true);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (Node n : robot.lookup(node -> node instanceof ButtonBase
                || node instanceof ChoiceBox || node instanceof ComboBox
                || node instanceof Spinner || node instanceof Slider
                || (node instanceof TextField && !(node.getParent() instanceof Spinner)
                    && !(node.getParent() instanceof ComboBox))).queryAll()) {
            Control c = (Control) n;
            checked[0]++;
            if (c.isVisible() && Forms.tipText(c) == null && !(c.getParent() instanceof ComboBox)
                    && !c.getStyleClass().contains("arrow-button") && !(n.getParent() instanceof ScrollBar)) {
                missing.add(c.getClass().getSimpleName() + " " + c.getId() + " " + (c instanceof Labeled l ? l.getText() : ""));
            }
        }
        assertTrue(checked[0] >= 40, "only " + checked[0] + " controls found");
        assertTrue(missing.isEmpty(), "controls without a tooltip: " + missing);
        // tooltips are made when the pointer first reaches a control
        Control train = robot.lookup("#train-button").queryAs(Control.class);
        String text = Forms.tipText(train);
        assertTrue(text != null && text.startsWith("Train"), text);
        robot.moveTo(train);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(train.getTooltip(), "hovering makes the tooltip");
        assertEquals(text, train.getTooltip().getText());
    }

    @Test
    void textBecomesPointsAndAbsurdFieldValuesAreRefused(FxRobot robot) {
        robot.clickOn("#text-button");
        assertEquals("text", points.data.sourceProperty().get());
        assertEquals(2500, points.data.points().size());
        waitFor("the forward plot shows the letters", () -> points.forwardPlot.pointCount() == 2500);
        robot.interact(() -> {
            for (TitledPane p : robot.lookup(".sidebar-section").queryAllAs(TitledPane.class)) {
                p.setExpanded(true);
            }
        });
        robot.doubleClickOn("#model-width .text-field").write("lots").press(KeyCode.ENTER).release(KeyCode.ENTER);
        Label msg = robot.lookup("#model-message").queryAs(Label.class);
        assertTrue(msg.getText().contains("not a whole number"), msg.getText());
        assertEquals(128, ((Spinner<?>) robot.lookup("#model-width").query()).getValue());
        robot.doubleClickOn("#model-width .text-field").write("100000").press(KeyCode.ENTER).release(KeyCode.ENTER);
        assertTrue(msg.getText().contains("from 8 to 512"), msg.getText());
        assertEquals(ModelSpec.Kind.PAPER, ex.training.specProperty().get().kind());
    }

    @Test
    void clickingAPointFollowsIt(FxRobot robot) {
        waitFor("data shown", () -> points.forwardPlot.pointCount() == 5000);
        waitFor("reverse samples", () -> points.reversePlot.pointCount() == 2000);
        assertEquals(Tool.SPRAY, points.data.toolProperty().get(), "the Forward plot draws by default");
        robot.clickOn("#tool-follow");
        float[] pos = points.forwardPlot.currentPositions();
        var v = points.forwardPlot.viewport();
        Point2D at = points.forwardPlot.localToScreen(v.sx(pos[0]), v.sy(pos[1]));
        robot.clickOn(at);
        assertTrue(points.followedIndex() >= 0, "a point is followed");
    }
}
