package lab.diffusion.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import lab.diffusion.engine.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the recovery file is due, and that the interval chosen outlives the app (no toolkit needed). */
class AutosaveTest {

    @TempDir
    Path home;

    private double trained;

    private final SessionHost host = new SessionHost() {
        @Override
        public boolean show(Session s) {
            return true;
        }

        @Override
        public void capture(Consumer<Session> done) {
            done.accept(null);
        }

        @Override
        public void rememberView() {
        }

        @Override
        public CompletableFuture<Session> captureFromAnyThread() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public long step() {
            return 1;
        }

        @Override
        public void markKept(long step) {
        }

        @Override
        public double trainingSeconds() {
            return trained;
        }

        @Override
        public void report(String problem) {
        }

        @Override
        public void inform(String news) {
        }
    };

    @Test
    void theFirstMinuteOfTrainingIsSavedThenEveryInterval() {
        Autosave a = new Autosave(home, host, () -> { });
        trained = 30;
        assertFalse(a.due(), "half a minute of training is not yet worth a save");
        trained = 61;
        assertTrue(a.due(), "a minute of training that was never saved is");
        a.saved();
        assertFalse(a.due(), "after a save the next one waits an interval");
    }

    @Test
    void offMeansNeverAndTheChoiceOutlivesTheApp() {
        Autosave a = new Autosave(home, host, () -> { });
        a.minutesProperty().set(0);
        trained = 3600;
        assertFalse(a.due(), "autosave turned off never saves");
        assertEquals(0, new Autosave(home, host, () -> { }).minutesProperty().get(), "the next start keeps the choice");
        a.minutesProperty().set(10);
        assertEquals(10, new Autosave(home, host, () -> { }).minutesProperty().get());
    }

    @Test
    void anUnreadableOrStrangeSettingIsTheDefault() throws Exception {
        Files.writeString(home.resolve("settings.properties"), "autosave.minutes=7\n");
        assertEquals(Autosave.DEFAULT_MINUTES, new Autosave(home, host, () -> { }).minutesProperty().get());
        Files.writeString(home.resolve("settings.properties"), "autosave.minutes=\u0000\u00ff\n");
        assertEquals(Autosave.DEFAULT_MINUTES, new Autosave(home, host, () -> { }).minutesProperty().get());
    }
}
