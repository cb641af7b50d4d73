package lab.diffusion.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.diffusion.engine.session.Session;
import lab.diffusion.engine.session.SessionFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (logout, shutdown, {@code kill}) ends the app like its close button: the training so
 * far is autosaved and the running marker cleared, so the next start — maybe in front of a
 * class — does not ask to restore a crash. Runs the real app in a headless JVM of its own.
 */
class ExternalExitTest {

    @TempDir
    Path home;

    @Test
    void aTermSignalIsACleanCloseWithTheTrainingSaved() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx1g", "-Djava.awt.headless=true",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Dtestfx.headless=true", "-Ddlab.home=" + home, "-Ddlab.train=true", Launcher.class.getName()));
        Process app = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(home.resolve("out.log").toFile()).start();
        try {
            Path running = home.resolve("running");
            long end = System.nanoTime() + 60_000_000_000L;
            while (!Files.exists(running) && app.isAlive() && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(running), "the app started: " + Files.readString(home.resolve("out.log")));
            Thread.sleep(6000); // the engine loads and trains for a few seconds
            app.destroy(); // SIGTERM
            assertTrue(app.waitFor(30, TimeUnit.SECONDS), "the app ended");
        } finally {
            app.destroyForcibly();
        }
        assertFalse(Files.exists(home.resolve("running")), "a clean end: " + Files.readString(home.resolve("out.log")));
        Session s = SessionFile.read(home.resolve("recovery.dlab"));
        assertTrue(s.training().steps() > 0, "the training was autosaved");
        try (var left = Files.list(home)) {
            assertEquals(0, left.filter(p -> p.getFileName().toString().endsWith(".tmp")).count(), "no temporary file left");
        }
    }
}
