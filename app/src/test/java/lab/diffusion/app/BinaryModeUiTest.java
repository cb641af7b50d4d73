package lab.diffusion.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.diffusion.app.binary.BinaryMode;
import lab.diffusion.app.explorer.Explorer;
import lab.diffusion.app.plots.Viewport;
import lab.diffusion.app.points.PointsMode;
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
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Binary mode (the heartbeat) driven like a person would. */
@ExtendWith(ApplicationExtension.class)
class BinaryModeUiTest {

    private Explorer ex;
    private PointsMode points;
    private BinaryMode binary;
    private MainWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        ex = new Explorer((title, text) -> true);
        points = ex.mode(PointsMode.class);
        binary = ex.mode(BinaryMode.class);
        window = TestWindows.show(stage, DiffusionLabApp.scene(ex));
    }

    @AfterEach
    void stop() {
        ex.close();
    }

    static void waitFor(String what, Callable<Boolean> condition) {
        waitFor(what, 30, condition);
    }

    /** Waits up to {@code seconds} (training on a busy 2-core machine can be several times slower). */
    static void waitFor(String what, int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    private void enterBinaryMode(FxRobot robot) {
        robot.clickOn("#toolbar-preset").clickOn("Heartbeat (binary)");
        assertEquals(binary, ex.mode());
        waitFor("the forward raster", () -> binary.forward.rowCount() == 64);
    }

    @Test
    void theHeartbeatShowsRastersThatFollowT(FxRobot robot) {
        enterBinaryMode(robot);
        assertEquals(ScheduleFamily.ERASURE, ex.schedule.family());
        assertEquals(2000, ex.schedule.steps());
        assertEquals(2000, ex.timeline.maxProperty().get());
        assertEquals(ModelSpec.Kind.BINOMIAL, ex.training.specProperty().get().kind());
        waitFor("reverse samples", () -> binary.reverse.rowCount() == 64);
        assertTrue(binary.forward.isVisible() && !points.forwardPlot.isVisible());
        float[] atZero = binary.forward.current().clone();
        robot.interact(() -> ex.timeline.setT(1500));
        assertFalse(Arrays.equals(atZero, binary.forward.current()), "the forward raster changes with t");
        waitFor("probabilities for t", () -> binary.probability.rowCount() == 64);
        assertTrue(robot.lookup("#row-count").queryAs(Label.class).getText().startsWith("64 sequences of 20 bits"));
        // with T = 2,000, → moves t by T/40 = 50 and Shift+→ by one step
        robot.type(KeyCode.RIGHT);
        assertEquals(1550, ex.timeline.t());
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        assertEquals(1551, ex.timeline.t());
        robot.type(KeyCode.LEFT);
        assertEquals(1501, ex.timeline.t());
    }

    @Test
    void clickingACellFlipsABitAndUndoRestoresIt(FxRobot robot) {
        enterBinaryMode(robot);
        PointSet before = binary.data.rows();
        Viewport v = binary.forward.viewport();
        // the cell of the top row, first shown column
        Point2D at = binary.forward.localToScreen(v.left() + v.width() / 40, v.top() + 2);
        robot.clickOn(at);
        PointSet after = binary.data.rows();
        assertNotEquals(before, after);
        int diff = 0;
        for (int i = 0; i < after.size(); i++) {
            for (int d = 0; d < after.dim(); d++) {
                if (after.get(i, d) != before.get(i, d)) {
                    diff++;
                }
            }
        }
        assertEquals(1, diff, "one bit flipped");
        assertEquals("edited", binary.data.sourceProperty().get());
        robot.clickOn("#binary-undo");
        assertArrayEquals(before.toArray(), binary.data.rows().toArray());
    }

    @Test
    void badSequenceFilesAreRefusedAndTheRowsKept(FxRobot robot) throws Exception {
        enterBinaryMode(robot);
        PointSet before = binary.data.rows();
        for (String content : new String[] {"0,1,2\n", "0,1\n0,1,1\n", ""}) {
            Path f = Files.createTempFile(dir, "seq", ".csv");
            Files.writeString(f, content);
            var done = new CompletableFuture<CompletableFuture<Boolean>>();
            robot.interact(() -> done.complete(binary.view().importFile(f)));
            assertFalse(done.get(10, TimeUnit.SECONDS).get(20, TimeUnit.SECONDS));
            WaitForAsyncUtils.waitForFxEvents();
            Label msg = robot.lookup("#binary-message").queryAs(Label.class);
            assertTrue(msg.isVisible() && msg.getText().startsWith("Not imported"), msg.getText());
            assertEquals(before, binary.data.rows());
        }
    }

    @Test
    void backToPointsRestoresThe2dSettings(FxRobot robot) {
        enterBinaryMode(robot);
        robot.clickOn("#toolbar-preset").clickOn("Two moons");
        assertEquals(points, ex.mode());
        assertEquals(ScheduleFamily.LOGSNR, ex.schedule.family());
        assertEquals(40, ex.schedule.steps());
        assertEquals(ModelSpec.Kind.PAPER, ex.training.specProperty().get().kind());
        waitFor("the moons", () -> points.forwardPlot.pointCount() == 5000);
        assertTrue(points.forwardPlot.isVisible() && !binary.forward.isVisible());
    }

    @Test
    void theBinomialHeadIsOfferedAndApplied(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ChoiceBox<Boolean> head = robot.lookup("#model-head").queryAs(ChoiceBox.class);
        assertTrue(head.isDisabled(), "the head is a binomial setting");
        enterBinaryMode(robot);
        assertTrue(ex.training.specProperty().get().cleanBitHead(), "clean-bit head by default");
        assertFalse(head.isDisabled());
        assertTrue(head.getValue());
        robot.interact(() -> head.setValue(false));
        robot.interact(() -> robot.lookup("#apply-model").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(ex.training.specProperty().get().cleanBitHead(), "kernel head applied");
        assertEquals(ModelSpec.Kind.BINOMIAL, ex.training.specProperty().get().kind());
    }

    /**
     * Training in the app raises K. With the kernel head (chosen in the Model section) K climbs
     * from L_null at once; the default clean-bit head first sits below L_null for about 5,000
     * steps (measured in this test: 9,074 steps, 136 s, K −2.79), too long for CI, and its
     * learning is covered by the engine's TrainerTest. Waiting for K above L_null + 2 is the
     * assertion.
     */
    @Test
    void trainingTheHeartbeatRaisesK(FxRobot robot) {
        enterBinaryMode(robot);
        @SuppressWarnings("unchecked")
        ChoiceBox<Boolean> head = robot.lookup("#model-head").queryAs(ChoiceBox.class);
        robot.interact(() -> head.setValue(false));
        robot.interact(() -> robot.lookup("#apply-model").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(ex.training.specProperty().get().cleanBitHead());
        robot.clickOn("#train-button");
        waitFor("held-out K above L_null + 2 bits", 180, () -> ex.training.heldoutKProperty().get() > -14.4386 + 2);
        robot.clickOn("#train-button");
        assertTrue(ex.training.heldoutKProperty().get() < -2.3219 + 0.05, "K cannot exceed the optimum");
    }
}
