package lab.diffusion.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.stage.Stage;
import lab.diffusion.app.explorer.Explorer;
import lab.diffusion.app.session.SessionController;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** "Discard training?" is asked only when trained steps would be lost: not after an open or a save. */
@ExtendWith(ApplicationExtension.class)
class ConfirmationUiTest {

    private final List<String> asked = new ArrayList<>();
    private Explorer ex;
    private SessionController sessions;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        ex = new Explorer((title, text) -> asked.add(text) || true);
        sessions = new SessionController(ex.sessionHost(), Files.createTempDirectory("dlab-home"), ex.background());
        TestWindows.show(stage, DiffusionLabApp.scene(ex, sessions));
    }

    @AfterEach
    void stop() {
        ex.close();
        FxThread.call(() -> {
            sessions.close();
            return null;
        });
    }

    private boolean allowDiscard(FxRobot robot) {
        boolean[] ok = new boolean[1];
        robot.interact(() -> ok[0] = ex.trainer.allowDiscard("Opening the demo"));
        return ok[0];
    }

    @Test
    void onlyStepsNoFileKeepsAreAskedAbout(FxRobot robot) throws Exception {
        BinaryModeUiTest.waitFor("a model", () -> ex.canTrainProperty().get());
        assertTrue(allowDiscard(robot));
        assertEquals(List.of(), asked, "a fresh model has nothing to lose");

        CompletableFuture<Boolean> opened = new CompletableFuture<>();
        robot.interact(() -> sessions.openDemo("swissroll").thenAccept(opened::complete));
        assertTrue(SessionUiTest.await(opened));
        long demoSteps = ex.training.stepProperty().get();
        assertTrue(demoSteps > 0);
        assertTrue(allowDiscard(robot));
        assertEquals(List.of(), asked, "an unmodified demo has nothing to lose");

        robot.interact(() -> ex.trainer.step());
        BinaryModeUiTest.waitFor("a step past the demo", () -> ex.training.stepProperty().get() > demoSteps);
        assertTrue(allowDiscard(robot));
        assertEquals(1, asked.size(), "a step beyond the demo is asked about");
        assertTrue(asked.get(0).contains("steps trained since"), asked.get(0));

        CompletableFuture<Boolean> saved = new CompletableFuture<>();
        robot.interact(() -> sessions.saveAs(dir.resolve("kept.dlab")).thenAccept(saved::complete));
        assertTrue(SessionUiTest.await(saved));
        assertTrue(allowDiscard(robot));
        assertEquals(1, asked.size(), "after saving nothing is lost");

        robot.interact(() -> ex.trainer.reset());
        BinaryModeUiTest.waitFor("a fresh model", () -> ex.training.stepProperty().get() == 0);
        robot.interact(() -> ex.trainer.step());
        BinaryModeUiTest.waitFor("a step of the new model", () -> ex.training.stepProperty().get() > 0);
        assertTrue(allowDiscard(robot));
        assertEquals(2, asked.size(), "the new model's steps are in no file");
    }
}
