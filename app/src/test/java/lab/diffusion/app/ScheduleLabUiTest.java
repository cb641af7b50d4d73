package lab.diffusion.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import lab.diffusion.app.explorer.Explorer;
import lab.diffusion.app.plots.KnotPlot;
import lab.diffusion.app.points.PointsMode;
import lab.diffusion.app.window.MainWindow;
import lab.diffusion.engine.schedule.ScheduleCsv;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schedule lab from the window: drawing knots, learning the schedule, comparing two, IS log p. */
@ExtendWith(ApplicationExtension.class)
class ScheduleLabUiTest {

    private Explorer ex;
    private PointsMode points;
    private MainWindow window;

    @TempDir
    Path dir;

    private final List<String> asked = new ArrayList<>();

    @Start
    void start(Stage stage) {
        ex = new Explorer((title, text) -> asked.add(text) || true);
        points = ex.mode(PointsMode.class);
        window = TestWindows.show(stage, DiffusionLabApp.scene(ex));
    }

    @AfterEach
    void stop() {
        ex.close();
    }

    @Test
    void draggingAKnotDrawsACustomScheduleAndMovesTheForwardPlot(FxRobot robot) throws Exception {
        BinaryModeUiTest.waitFor("the forward plot", () -> points.forwardPlot.pointCount() == 5000);
        BinaryModeUiTest.waitFor("a model", () -> ex.canTrainProperty().get());
        robot.interact(() -> ex.trainer.step());
        BinaryModeUiTest.waitFor("a trained step to lose", () -> ex.training.stepProperty().get() > 0);
        double[] beforeBetas = ex.schedule.schedule().betas();
        robot.interact(() -> ex.timeline.setT(25));
        String header = window.scheduleView().chart().subtitle();
        assertTrue(header.startsWith("t = 25:"), "the schedule header follows the timeline: " + header);
        float[] before = points.forwardPlot.currentPositions().clone();
        var editor = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> window.openScheduleEditor()).get();
        KnotPlot plot = editor.plot();
        BinaryModeUiTest.waitFor("the knots on screen", () -> plot.viewport() != null);
        double[] p = plot.knotPosition(2);
        Point2D from = plot.localToScreen(p[0], p[1]);
        robot.moveTo(from).press(MouseButton.PRIMARY);
        assertEquals(1, asked.size(), "asked when the knot is grabbed, before the drag: " + asked);
        robot.moveTo(from.add(0, -30)).moveTo(from.add(0, -60)).release(MouseButton.PRIMARY);
        assertEquals(1, asked.size(), "and not again during the drag: " + asked);
        assertEquals(ScheduleFamily.CUSTOM, ex.schedule.family());
        assertFalse(Arrays.equals(beforeBetas, ex.schedule.schedule().betas()), "the schedule changed");
        BinaryModeUiTest.waitFor("the forward plot to follow", () -> !Arrays.equals(before, points.forwardPlot.currentPositions()));
        assertTrue(ex.schedule.readoutProperty().get().contains("KL"), ex.schedule.readoutProperty().get());
        robot.type(KeyCode.ESCAPE);
        assertFalse(editor.stage().isShowing(), "Esc closes the editor");
    }

    @Test
    void aScheduleSavedAsCsvLoadsBackAndABadFileIsRefused(FxRobot robot) throws Exception {
        Path f = dir.resolve("s.csv");
        ScheduleCsv.write(f, Schedules.create(ScheduleFamily.COSINE, 30));
        robot.interact(() -> window.scheduleView().loadCsv(f, ex.schedules::request));
        BinaryModeUiTest.waitFor("the loaded schedule", () -> ex.schedule.steps() == 30);
        assertEquals(ScheduleFamily.CUSTOM, ex.schedule.family());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "t,beta\n1,0.1\n2,nope\n");
        robot.interact(() -> window.scheduleView().loadCsv(bad, ex.schedules::request));
        assertEquals(30, ex.schedule.steps(), "a bad file changes nothing");
        assertTrue(robot.lookup("#schedule-message").queryAs(Label.class).getText().startsWith("Not loaded"));
    }

    @Test
    void aLearnedScheduleMovesWhileTraining(FxRobot robot) {
        BinaryModeUiTest.waitFor("a model", () -> ex.canTrainProperty().get());
        double[] start = ex.schedule.schedule().betas();
        robot.clickOn("#family-choice").clickOn("Learned");
        assertEquals(ScheduleFamily.LEARNED, ex.schedule.family());
        robot.clickOn("#train-button");
        BinaryModeUiTest.waitFor("the schedule to move", () -> {
            double[] now = ex.schedule.schedule().betas();
            double diff = 0;
            for (int i = 1; i < now.length; i++) {
                diff = Math.max(diff, Math.abs(Math.log(now[i] / start[i])));
            }
            return diff > 1e-3 && ex.training.stepProperty().get() > 200;
        });
        robot.clickOn("#train-button");
        double[] now = ex.schedule.schedule().betas();
        assertEquals(start[0], now[0], 0.0, "β₁ stays fixed");
        double prevBar = 1;
        for (double b : now) {
            assertTrue(b > 0 && b < 1);
            assertTrue(prevBar * (1 - b) < prevBar, "ᾱ decreases");
            prevBar *= 1 - b;
        }
    }

    @Test
    void twoSchedulesAreComparedAndTrained(FxRobot robot) throws Exception {
        BinaryModeUiTest.waitFor("a model", () -> ex.canTrainProperty().get());
        var cmp = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> window.openScheduleCompare()).get();
        robot.interact(() -> {
            var spinner = (Spinner<Integer>) cmp.stage().getScene().lookup("#compare-seconds");
            spinner.getValueFactory().setValue(5);
        });
        robot.interact(() -> ((Button) cmp.stage().getScene().lookup("#compare-train")).fire());
        try {
            BinaryModeUiTest.waitFor("both trained", () -> ((Label) cmp.stage().getScene().lookup("#compare-result")).getText()
                    .startsWith("After 5 s each"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the window says: "
                    + ((Label) cmp.stage().getScene().lookup("#compare-result")).getText() + "; app: " + ex.messages.messageProperty().get());
        }
        String text = ((Label) cmp.stage().getScene().lookup("#compare-result")).getText();
        assertTrue(text.contains("with A (Log-SNR linear, T = 40)") && text.contains("with B (Cosine, T = 40)"), text);
        assertTrue(cmp.chart().pointCount() > 3);
        robot.interact(() -> cmp.stage().close());
    }

    @Test
    void theImportanceSampledLogLikelihoodIsShown(FxRobot robot) {
        BinaryModeUiTest.waitFor("a model", () -> ex.canTrainProperty().get());
        robot.clickOn("#is-button");
        BinaryModeUiTest.waitFor("the estimate", () -> robot.lookup("#is-readout").queryAs(Label.class).getText().contains("N = 100"));
        String t = robot.lookup("#is-readout").queryAs(Label.class).getText();
        assertTrue(t.contains("true −0.946") || t.contains("true -0.946"), t);
        assertNotEquals("–", t);
    }
}
