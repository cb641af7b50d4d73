package lab.diffusion.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import lab.diffusion.app.explorer.Explorer;
import lab.diffusion.app.images.ImageMode;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.app.points.PointsMode;
import lab.diffusion.app.runs.CompareWindow;
import lab.diffusion.app.session.SessionController;
import lab.diffusion.app.window.MainWindow;
import lab.diffusion.engine.data.Preset;
import lab.diffusion.engine.schedule.Knots;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.session.Demos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The switch matrix: from every start state a lecture meets — a fresh start, each demo, a drawn
 * schedule, training running, an image folder still loading, a run comparison open — opening
 * each demo and a saved session (after t and the sample count were changed) leaves the window
 * exactly as a fresh start with that demo or session (mode, step, held-out K, T, family, sample
 * count, t, subtitles), and nothing throws.
 */
@ExtendWith(ApplicationExtension.class)
class SwitchMatrixUiTest {

    /** What a person sees after an open, compared with a fresh start that opened the same. */
    record Visible(String mode, long step, String heldout, int steps, ScheduleFamily family, int samples, int t, List<String> subtitles) {
    }

    private static Path dir;
    private static Thread.UncaughtExceptionHandler before;
    private static Path saved;
    private static Path folder;
    private final Map<String, Visible> reference = new LinkedHashMap<>();
    private final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    private Stage stage;
    private Explorer ex;
    private SessionController sessions;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        before = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> {
            e.printStackTrace(System.out);
            uncaught.add(e);
        });
        dir = Files.createTempDirectory("dlab-switch");
        fresh();
    }

    @AfterAll
    static void clean() throws IOException {
        fxRun(() -> Thread.currentThread().setUncaughtExceptionHandler(before));
        if (dir != null) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A new window, as when the app has just started. */
    private void fresh() {
        if (ex != null) {
            ex.close();
            sessions.close();
        }
        ex = new Explorer((title, text) -> true);
        try {
            sessions = new SessionController(ex.sessionHost(), Files.createTempDirectory(dir, "home"), ex.background());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        TestWindows.show(stage, DiffusionLabApp.scene(ex, sessions));
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void fxRun(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    private Visible visible() {
        return fx(() -> {
            List<String> subs = new ArrayList<>();
            for (PlotCanvas p : ex.shownPlots()) {
                subs.add(p.subtitle());
            }
            double h = ex.training.heldoutKProperty().get();
            return new Visible(ex.mode().id(), ex.training.stepProperty().get(), Double.isFinite(h) ? String.format("%.5f", h) : "–",
                    ex.schedule.steps(), ex.schedule.family(), ex.samplesProperty().get(), ex.timeline.t(), subs);
        });
    }

    /** True once the model shown has its samples, its held-out K and every plot its subtitle. */
    private static boolean complete(Visible v) {
        return !v.heldout().equals("–") && v.subtitles().stream().noneMatch(s -> s.isEmpty() || s.contains("sampling")
                || s.contains("loading"));
    }

    private static void waitUntil(String what, Supplier<Boolean> c) {
        long end = System.nanoTime() + 40_000_000_000L;
        while (!c.get()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
        }
    }

    private void open(String target) {
        CompletableFuture<Boolean> done = fx(() -> target.endsWith(".dlab") ? sessions.open(Path.of(target)) : sessions.openDemo(target));
        try {
            assertTrue(done.get(60, TimeUnit.SECONDS), target + " opened: " + fx(() -> ex.messages.message()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void openAndSettle(String target) {
        open(target);
        waitUntil(target + " shown with its results", () -> complete(visible()));
    }

    private List<String> targets() {
        List<String> t = new ArrayList<>();
        Demos.available().forEach(d -> t.add(d.name()));
        t.add(saved.toString());
        return t;
    }

    /** The start states, each set up from wherever the window is. */
    private Map<String, Runnable> starts() {
        Map<String, Runnable> s = new LinkedHashMap<>(); // (a fresh start is the reference row)
        for (Demos.Demo d : Demos.available()) {
            s.put("the " + d.name() + " demo", () -> openAndSettle(d.name()));
        }
        s.put("a drawn schedule", () -> fxRun(() -> {
            ex.select(ex.mode(PointsMode.class).dataChoices().get(Preset.SWISSROLL.ordinal()));
            Knots k = Knots.from(ex.schedule.schedule(), Knots.Space.LOG_BETA, 6);
            ex.schedules.request(k.withValue(2, k.value(2) + 0.8).toSchedule());
        }));
        s.put("training running", () -> {
            fxRun(ex.trainer::train);
            waitUntil("training", () -> fx(() -> ex.training.stepProperty().get() > 5));
        });
        s.put("an image folder loading", () -> fxRun(() -> ex.select(ex.mode(ImageMode.class).folder(folder))));
        s.put("a run comparison open", () -> {
            fxRun(() -> {
                ex.trainer.step();
                ex.trainer.step();
            });
            waitUntil("two steps", () -> fx(() -> ex.training.stepProperty().get() >= 2));
            fxRun(ex.trainer::reset);
            MainWindow w = (MainWindow) stage.getScene().getRoot();
            waitUntil("the run kept", () -> fx(() -> !ex.trainer.runs.list().isEmpty()));
            CompareWindow cw = fx(() -> {
                w.runsView().list().getSelectionModel().select(0);
                return w.runsView().compare();
            });
            assertTrue(fx(() -> cw.stage().isShowing()));
        });
        return s;
    }

    @TestFactory
    Stream<DynamicTest> fromEveryStartStateEveryOpenIsComplete() throws Exception {
        folder = Files.createDirectory(dir.resolve("pictures"));
        Random r = new Random(5);
        for (int i = 0; i < 300; i++) {
            BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    img.getRaster().setSample(x, y, 0, r.nextInt(256));
                }
            }
            ImageIO.write(img, "png", dir.resolve("pictures").resolve("p" + i + ".png").toFile());
        }
        // the saved session: the swiss roll demo at t = 7 with 1,500 samples
        openAndSettle("swissroll");
        fxRun(() -> {
            ex.timeline.setT(7);
            ex.setSampling(1500, 7);
        });
        saved = dir.resolve("saved.dlab");
        assertTrue(fx(() -> sessions.saveAs(saved)).get(60, TimeUnit.SECONDS));

        List<DynamicTest> tests = new ArrayList<>();
        for (String target : targets()) {
            tests.add(DynamicTest.dynamicTest("a fresh start opens " + name(target), () -> {
                fxRun(this::fresh);
                openAndSettle(target);
                reference.put(target, visible());
                assertTrue(uncaught.isEmpty(), "uncaught: " + uncaught);
            }));
        }
        for (Map.Entry<String, Runnable> s : starts().entrySet()) {
            for (String target : targets()) {
                tests.add(DynamicTest.dynamicTest("from " + s.getKey() + " open " + name(target), () -> {
                    s.getValue().run();
                    // a lecturer has scrubbed t and changed the sample count before moving on
                    fxRun(() -> {
                        ex.timeline.setT(ex.schedule.steps() / 2);
                        ex.setSampling(ex.mode().maxSamples() / 3, 7);
                    });
                    open(target);
                    Visible want = reference.get(target);
                    long end = System.nanoTime() + 40_000_000_000L;
                    Visible got = visible();
                    while (!got.equals(want) && System.nanoTime() < end) {
                        WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
                        got = visible();
                    }
                    if (!got.equals(want)) {
                        System.out.println("MISMATCH from " + s.getKey() + ", " + name(target) + "\n  got  " + got + "\n  want " + want);
                    }
                    assertTrue(got.equals(want), "from " + s.getKey() + ", " + name(target) + " shows\n" + got + "\ninstead of\n" + want);
                    assertTrue(uncaught.isEmpty(), "uncaught: " + uncaught);
                    uncaught.clear();
                }));
            }
        }
        return tests.stream();
    }

    private static String name(String target) {
        return target.endsWith(".dlab") ? "a saved session" : "the " + target + " demo";
    }
}
