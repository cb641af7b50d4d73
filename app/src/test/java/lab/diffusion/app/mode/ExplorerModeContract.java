package lab.diffusion.app.mode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import lab.diffusion.app.FxThread;
import lab.diffusion.app.display.DisplayModel;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.app.plots.RenderLoop;
import lab.diffusion.app.schedule.ScheduleModel;
import lab.diffusion.app.ui.Background;
import lab.diffusion.app.ui.FileExport;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.live.LiveEngine;
import lab.diffusion.engine.live.LiveResults;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.schedule.Schedule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every kind of data the explorer shows must do, headless (no window; the FX thread and a
 * same-thread background executor): one subclass per mode. A new mode is a class plus a subclass
 * of this test.
 */
public abstract class ExplorerModeContract {

    /** The mode under test, made with {@code ctx}. */
    protected abstract ExplorerMode create(ModeContext ctx);

    /** A value a display sample of this mode may hold (0 for points, 1 for bits, a grey level for images). */
    protected abstract float sampleValue();

    @TempDir
    Path dir;

    private TestContext ctx;
    private ExplorerMode mode;

    @BeforeEach
    void make() {
        ctx = new TestContext();
        mode = FxThread.call(() -> {
            ExplorerMode m = create(ctx);
            ctx.shown = m;
            m.dataChoices().get(0).load().run(); // the same-thread executor loads at once
            return m;
        });
    }

    @AfterEach
    void close() {
        ctx.engine.close();
    }

    @Test
    void itsDefaultsFitItsLimits() {
        ModeSettings d = mode.defaults();
        assertFalse(mode.id().isBlank());
        assertFalse(mode.label().isBlank());
        assertTrue(d.schedule().steps() >= 2 && d.schedule().steps() <= d.maxSteps(), "T within the mode's limit");
        assertTrue(mode.modelKinds().contains(d.spec().kind()), "the default model is one the mode offers");
        assertTrue(d.samples() >= 1 && d.samples() <= mode.maxSamples());
        assertTrue(mode.samplesStep() >= 1);
        assertTrue(d.batch() >= 1);
        assertFalse(mode.dataChoices().isEmpty(), "a mode offers at least one data set");
        for (DataChoice c : mode.dataChoices()) {
            assertSame(mode, c.mode());
            assertFalse(c.id().isBlank() || c.label().isBlank());
        }
    }

    @Test
    void itShowsThreeDistinctPlotsAndADataView() {
        List<PlotCanvas> plots = mode.plots();
        assertEquals(3, plots.size());
        Set<String> ids = new HashSet<>();
        for (PlotCanvas p : plots) {
            assertNotNull(p.getId());
            ids.add(p.getId());
        }
        assertEquals(3, ids.size(), "plot ids: " + ids);
        assertNotNull(FxThread.call(mode::dataView));
        assertNotNull(mode.sections());
    }

    @Test
    void itsDataFitItsModelAndItsUnits() throws Exception {
        PointData pd = FxThread.call(mode::trainingData);
        assertNotNull(pd, "loaded data");
        assertEquals("", mode.problem());
        assertFalse(mode.isLoading());
        ModelSpec spec = mode.fitSpec(mode.defaults().spec(), pd, true);
        assertEquals(pd.dim(), spec.dim());
        assertTrue(mode.accepts(pd, spec), "a mode accepts its own data with its own model");
        KUnits u = mode.units();
        assertTrue(u.perUnit() >= 1);
        assertTrue(Double.isFinite(u.lnullBits()));
        assertFalse(u.unit().isBlank());
        assertTrue(mode.evaluationSeconds() > 0 && mode.evaluationExamples() > 0);
        assertFalse(mode.dataName().isBlank());
    }

    @Test
    void theForwardPlotFollowsTheScheduleAndT() {
        Schedule s = mode.defaults().schedule();
        int t = s.steps() / 2;
        String sub = FxThread.call(() -> {
            mode.recomputeForward(s);
            mode.recomputeEndpoint(s);
            mode.setT(t);
            mode.updateSubtitles(t, s);
            return mode.plots().get(0).subtitle();
        });
        assertTrue(sub.startsWith("t = " + t + " "), sub);
        assertFalse(Double.isNaN(ctx.schedule.endpointKlProperty().get()), "the endpoint readout is measured");
    }

    @Test
    void untilResultsArriveItSaysLoadingAndThenShowsSamplesOfItsOwnDimension() throws Exception {
        Schedule s = mode.defaults().schedule();
        PointData pd = FxThread.call(mode::trainingData);
        String loading = FxThread.call(() -> {
            mode.showLoading("loading the model…");
            mode.updateSubtitles(0, s);
            return mode.plots().get(1).subtitle();
        });
        assertTrue(loading.contains("loading the model"), loading);
        assertNull(mode.shownSamples());
        int n = 6;
        float[][] states = new float[s.steps() + 1][n * pd.dim()];
        for (float[] st : states) {
            Arrays.fill(st, sampleValue());
        }
        FxThread.run(() -> mode.onReverse(new LiveResults.Reverse(1, new float[][] {new float[n * (pd.dim() + 1)]}, n, 0)));
        assertNull(mode.shownSamples(), "samples of another dimension are not shown");
        String sub = FxThread.call(() -> {
            mode.onReverse(new LiveResults.Reverse(1, states, n, 5));
            mode.updateSubtitles(0, s);
            return mode.plots().get(1).subtitle();
        });
        assertEquals(pd.dim(), mode.shownSamples().dim());
        assertEquals(n, mode.shownSamples().size());
        assertTrue(sub.startsWith("t = 0"), sub);
        FileExport e = mode.samplesExport();
        assertNotNull(e);
        Path out = dir.resolve(e.fileName());
        e.writer().write(out);
        assertTrue(Files.size(out) > 0);
    }

    @Test
    void captionsSayWhatIsShownAtEveryT() {
        Schedule s = mode.defaults().schedule();
        for (int t : new int[] {0, 1, s.steps() / 2, s.steps()}) {
            String c = mode.caption(t, s, t % 2 == 0, 3.0);
            assertTrue(c.startsWith("t = "), c);
        }
    }

    @Test
    void aSessionsDataAreTrainedOnExactlyUntilEdited() throws Exception {
        PointData pd = FxThread.call(mode::trainingData);
        FxThread.run(() -> mode.showSession(pd));
        assertSame(pd, FxThread.call(mode::trainingData));
        FxThread.run(() -> {
            mode.undo();
            mode.redo();
        });
    }

    /** A mode's context without an explorer: same-thread background work, an idle engine. */
    static final class TestContext implements ModeContext {
        final Background background = Background.sameThread();
        final LiveEngine engine = new LiveEngine(Runnable::run, new CompletableFuture<>());
        final ScheduleModel schedule = new ScheduleModel();
        final DisplayModel display = new DisplayModel();
        final RenderLoop loop = new RenderLoop();
        ExplorerMode shown;
        int t;
        int changes;

        @Override
        public Background background() {
            return background;
        }

        @Override
        public LiveEngine engine() {
            return engine;
        }

        @Override
        public ScheduleModel schedule() {
            return schedule;
        }

        @Override
        public DisplayModel display() {
            return display;
        }

        @Override
        public RenderLoop renderLoop() {
            return loop;
        }

        @Override
        public int t() {
            return t;
        }

        @Override
        public void setT(int t) {
            this.t = t;
        }

        @Override
        public long dataSeed() {
            return 1;
        }

        @Override
        public boolean isShown(ExplorerMode m) {
            return m == shown;
        }

        @Override
        public void dataChanged(ExplorerMode m, boolean newModel) {
            changes++;
        }

        @Override
        public void subtitlesChanged() {
        }

        @Override
        public boolean select(DataChoice choice) {
            choice.load().run();
            return true;
        }

        @Override
        public void report(String problem) {
        }

        @Override
        public void inform(String news) {
        }
    }
}
