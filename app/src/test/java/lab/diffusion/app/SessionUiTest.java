package lab.diffusion.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import lab.diffusion.app.explorer.Explorer;
import lab.diffusion.app.plots.ReversePlot;
import lab.diffusion.app.session.SessionController;
import lab.diffusion.app.window.MainWindow;
import lab.diffusion.engine.io.GifWriter;
import lab.diffusion.engine.session.Demos;
import lab.diffusion.engine.session.Session;
import lab.diffusion.engine.session.SessionFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sessions and exports from the window: save, reset, reopen; autosave and recovery; a GIF of the reverse process. */
@ExtendWith(ApplicationExtension.class)
class SessionUiTest {

    private Explorer ex;
    private MainWindow window;
    private SessionController sessions;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        ex = new Explorer((title, text) -> true);
        sessions = new SessionController(ex.sessionHost(), Files.createTempDirectory("dlab-home"), ex.background());
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

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(60, TimeUnit.SECONDS);
    }

    private void trainABit(FxRobot robot) {
        BinaryModeUiTest.waitFor("a model", () -> ex.canTrainProperty().get());
        robot.clickOn("#train-button");
        BinaryModeUiTest.waitFor("some training and a held-out K", () -> ex.training.stepProperty().get() > 600
                && Double.isFinite(ex.training.heldoutKProperty().get()));
        robot.clickOn("#train-button");
        BinaryModeUiTest.waitFor("training to pause", () -> ex.training.stepsPerSecondProperty().get() == 0);
    }

    @Test
    void saveResetAndReopenRestoresTheModelExactly(FxRobot robot) throws Exception {
        trainABit(robot);
        robot.interact(() -> ex.timeline.setT(17));
        Path f = dir.resolve("mine.dlab");
        CompletableFuture<Boolean> saved = new CompletableFuture<>();
        robot.interact(() -> sessions.saveAs(f).thenAccept(saved::complete));
        assertTrue(await(saved));
        Session onDisk = SessionFile.read(f);
        long steps = onDisk.training().steps();
        assertTrue(steps > 600);
        assertEquals("17", onDisk.view().get("t"));
        int historyPoints = ex.training.curveProperty().get().size();

        robot.clickOn("#reset-button");
        BinaryModeUiTest.waitFor("a fresh model", () -> ex.training.stepProperty().get() == 0);
        robot.interact(() -> ex.timeline.setT(3));

        CompletableFuture<Boolean> opened = new CompletableFuture<>();
        robot.interact(() -> sessions.open(f).thenAccept(opened::complete));
        assertTrue(await(opened));
        BinaryModeUiTest.waitFor("the saved step count", () -> ex.training.stepProperty().get() == steps);
        assertEquals(17, ex.timeline.t());
        assertTrue(ex.training.curveProperty().get().size() >= historyPoints, "the K history came back");
        // the engine's model is the saved one, bit for bit
        CompletableFuture<Session> now = new CompletableFuture<>();
        robot.interact(() -> ex.engine().capture(now::complete));
        Session s = await(now);
        assertArrayEquals(onDisk.params(), s.params(), 0.0);
        assertArrayEquals(onDisk.training().optimizerState(), s.training().optimizerState(), 0.0);
        assertEquals(onDisk.data().train(), s.data().train());
        assertArrayEquals(onDisk.schedule().betas(), s.schedule().betas(), 0.0);
        assertEquals(f, sessions.currentProperty().get());
        assertEquals(f.toAbsolutePath(), sessions.recent().get(0));
    }

    @Test
    void aDamagedFileChangesNothingAndSaysWhy(FxRobot robot) throws Exception {
        trainABit(robot);
        long steps = ex.training.stepProperty().get();
        Path bad = dir.resolve("bad.dlab");
        Files.writeString(bad, "not a session");
        CompletableFuture<Boolean> opened = new CompletableFuture<>();
        robot.interact(() -> sessions.open(bad).thenAccept(opened::complete));
        assertFalse(await(opened));
        assertTrue(ex.messages.messageProperty().get().startsWith("Not opened:"), ex.messages.messageProperty().get());
        assertEquals(steps, ex.training.stepProperty().get());
        // saving into a folder that does not exist fails and says so
        CompletableFuture<Boolean> saved = new CompletableFuture<>();
        robot.interact(() -> sessions.saveAs(dir.resolve("no/such/folder/x.dlab")).thenAccept(saved::complete));
        assertFalse(await(saved));
        assertTrue(ex.messages.messageProperty().get().startsWith("Not saved:"), ex.messages.messageProperty().get());
    }

    @Test
    void aSlowOpenShowsOpeningWithACancelThatKeepsTheCurrentSession(FxRobot robot) throws Exception {
        Path file = dir.resolve("slow.dlab");
        SessionFile.write(file, Demos.openDemo("swissroll")); // 141,456 steps: an open would show them
        BinaryModeUiTest.waitFor("a model", () -> ex.canTrainProperty().get());
        long steps = ex.training.stepProperty().get();
        CountDownLatch disk = new CountDownLatch(1);
        for (int i = 0; i < 2; i++) { // a slow disk: the read waits for the background threads
            ex.background().run(() -> {
                try {
                    disk.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        CompletableFuture<Boolean> opened = new CompletableFuture<>();
        robot.interact(() -> sessions.open(file).thenAccept(opened::complete));
        BinaryModeUiTest.waitFor("Opening… to appear", () -> robot.lookup("#opening-bar").query().isVisible());
        assertEquals("Opening slow.dlab…", robot.lookup("#opening-label").queryLabeled().getText());
        robot.clickOn("#opening-cancel");
        disk.countDown();
        assertFalse(await(opened));
        robot.interact(() -> { });
        assertEquals("Opening slow.dlab was cancelled; the current session is unchanged.", ex.messages.messageProperty().get());
        assertFalse(robot.lookup("#opening-bar").query().isVisible());
        assertEquals(steps, ex.training.stepProperty().get());
        assertNull(sessions.currentProperty().get());
    }

    @Test
    void autosaveWritesARecoveryFileThatOpens(FxRobot robot) throws Exception {
        assertFalse(FxThread.call(sessions::start), "a fresh home has nothing to recover");
        trainABit(robot);
        CompletableFuture<Boolean> saved = new CompletableFuture<>();
        robot.interact(() -> sessions.autosave().thenAccept(saved::complete));
        assertTrue(await(saved));
        assertTrue(Files.exists(sessions.recoveryFile()));
        Session s = SessionFile.read(sessions.recoveryFile());
        assertTrue(s.training().steps() > 600);
        // a second controller on the same home sees an unclean end (the running marker is still there)
        SessionController next = new SessionController(ex.sessionHost(), sessions.recoveryFile().getParent(), ex.background());
        assertTrue(FxThread.call(() -> {
            boolean offered = next.start();
            next.close();
            return offered;
        }), "the next start offers the autosave");
        CompletableFuture<Void> down = new CompletableFuture<>();
        robot.interact(() -> sessions.shutdown().thenAccept(down::complete));
        await(down);
        SessionController clean = new SessionController(ex.sessionHost(), sessions.recoveryFile().getParent(), ex.background());
        assertFalse(FxThread.call(() -> {
            boolean offered = clean.start();
            clean.close();
            return offered;
        }), "after a clean end nothing is offered");
    }

    @Test
    void aResetRunIsKeptInTheHistoryAndComparedWithTheCurrentModel(FxRobot robot) throws Exception {
        trainABit(robot);
        assertEquals(0, ex.trainer.runs.list().size());
        robot.clickOn("#reset-button");
        BinaryModeUiTest.waitFor("the run in the history", () -> ex.trainer.runs.list().size() == 1 && ex.trainer.runs.model(ex.trainer.runs.list().get(0)) != null);
        var run = ex.trainer.runs.list().get(0);
        assertEquals("Run 1", run.name());
        assertTrue(run.curve().size() > 5 && run.thumbnailPng().length > 100, "curve and picture kept");
        assertTrue(run.settings().contains("paper μ,Σ model"), run.settings());
        robot.interact(() -> window.runsView().list().getSelectionModel().select(0));
        robot.interact(() -> window.runsView().compare());
        BinaryModeUiTest.waitFor("the comparison window", () -> robot.listTargetWindows().stream()
                .anyMatch(x -> x instanceof Stage st && st.getTitle() != null && st.getTitle().startsWith("Compare runs")));
        var plots = robot.lookup("#reverse-plot").queryAll();
        assertTrue(plots.size() >= 3, "the main reverse plot and two in the comparison: " + plots.size());
        BinaryModeUiTest.waitFor("samples of the earlier run", () -> plots.stream().filter(p -> p.getScene() != window.getScene())
                .allMatch(p -> ((ReversePlot) p).pointCount() == 2000));
        // and the run history goes into the saved session
        Path f = dir.resolve("runs.dlab");
        CompletableFuture<Boolean> saved = new CompletableFuture<>();
        robot.interact(() -> sessions.saveAs(f).thenAccept(saved::complete));
        assertTrue(await(saved));
        assertEquals(1, SessionFile.read(f).runs().size());
    }

    @Test
    void autoStopEndsTrainingWhenHeldOutKStalls(FxRobot robot) {
        BinaryModeUiTest.waitFor("a model", () -> ex.canTrainProperty().get());
        robot.interact(() -> {
            ex.training.autoStopSecondsProperty().set(1);
            ex.training.autoStopProperty().set(true);
            ex.trainer.setLearningRate(1e-9); // held-out K cannot improve
        });
        robot.clickOn("#train-button");
        BinaryModeUiTest.waitFor("the auto-stop", () -> !ex.training.runningProperty().get());
        assertTrue(ex.messages.messageProperty().get().startsWith("Auto-stopped"), ex.messages.messageProperty().get());
    }

    @Test
    void reverseProcessGifHasOneFramePerStep(FxRobot robot) throws Exception {
        trainABit(robot);
        Path gif = dir.resolve("reverse.gif");
        long t0 = System.nanoTime();
        robot.interact(() -> window.startAnimationExport(1, gif, false, 600, 80));
        BinaryModeUiTest.waitFor("the export", () -> window.runningExport() != null || Files.exists(gif));
        Double secs = window.runningExport() == null ? 0.0 : window.runningExport().result().get(60, TimeUnit.SECONDS);
        assertNotNull(secs);
        BinaryModeUiTest.waitFor("the file", () -> Files.exists(gif));
        assertEquals(ex.schedule.steps() + 1, GifWriter.frameCount(gif));
        System.out.printf("GIF of %d frames at 600×600 in %.2f s%n", ex.schedule.steps() + 1, (System.nanoTime() - t0) / 1e9);
    }
}
