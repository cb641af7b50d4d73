package lab.diffusion.engine.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import lab.diffusion.engine.data.DataSources;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.data.Preset;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.nn.Optimizer;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import lab.diffusion.engine.session.Session;
import lab.diffusion.engine.train.TrainConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The live session without a window: every result arrives through its channels on a UI
 * executor that is either the engine thread itself (same-thread) or a queue the test drains.
 */
class LiveEngineTest {

    private static final PointData ROLL = DataSources.preset(Preset.SWISSROLL, 2000, 400, 1);
    private final List<LiveEngine> engines = new ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(LiveEngine::close);
    }

    private LiveEngine engine(Executor ui, CompletableFuture<?> gate) {
        LiveEngine e = new LiveEngine(ui, gate);
        engines.add(e);
        return e;
    }

    static LiveSetup setup(ModelSpec spec, int samples, double evalSeconds, double lr) {
        TrainConfig cfg = new TrainConfig(Optimizer.Kind.ADAM, lr, 128, 1, evalSeconds, 200);
        return new LiveSetup(ROLL, Schedules.create(ScheduleFamily.LOGSNR, 10), spec, cfg, 3, null, samples, 7);
    }

    static LiveSetup setup(int samples) {
        return setup(ModelSpec.paperDefault(2), samples, 5, 1e-3);
    }

    static <T> List<T> collect(Channel<T> c) {
        List<T> got = Collections.synchronizedList(new ArrayList<>());
        c.onValue(got::add);
        return got;
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(60, TimeUnit.SECONDS);
    }

    static void waitUntil(String what, BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void configureSendsAStepZeroSnapshotTheSamplesAndTheFieldOfTheNewGeneration() throws Exception {
        LiveEngine e = engine(Runnable::run, null);
        var progress = collect(e.channels().progress);
        var reverse = collect(e.channels().reverse);
        var drift = collect(e.channels().drift);
        long g = e.configure(setup(300), false);
        e.requestDrift(5, -2, 2, -2, 2, 8);
        LiveResults.State s = await(e.state());
        assertEquals(g, s.generation());
        assertEquals(2, s.dim());
        assertEquals(0, s.step());
        assertFalse(progress.isEmpty());
        assertEquals(0, progress.get(progress.size() - 1).snapshot().step());
        assertTrue(progress.stream().allMatch(p -> p.generation() == g));
        LiveResults.Reverse r = reverse.get(reverse.size() - 1);
        assertEquals(300, r.n());
        assertEquals(2, r.dim());
        assertEquals(11, r.states().length, "states t = 0..T");
        LiveResults.Drift d = drift.get(drift.size() - 1);
        assertEquals(5, d.field().t());
        assertEquals(8, d.field().nx());
        assertEquals(-2, d.field().x()[0], 1e-5, "positions in data units");
    }

    @Test
    void aDriftRequestOverATallRegionKeepsItsCellsSquare() throws Exception {
        LiveEngine e = engine(Runnable::run, null);
        var drift = collect(e.channels().drift);
        e.configure(setup(100), false);
        e.requestDrift(4, -2, 2, -3, 3, 9); // 4 wide, 6 tall: 9 columns, 13 rows
        await(e.state());
        var f = drift.get(drift.size() - 1).field();
        assertEquals(9, f.nx());
        assertEquals(13, f.ny());
        double cellX = (f.xMax() - f.xMin()) / (f.nx() - 1);
        double cellY = (f.yMax() - f.yMin()) / (f.ny() - 1);
        assertEquals(cellX, cellY, 1e-9, "square cells");
        assertEquals(-3, f.y()[0], 1e-5);
        assertEquals(3, f.y()[f.nx() * f.ny() - 1], 1e-5, "the grid reaches the top of the region");
    }

    @Test
    void pauseStopsTrainingInsideAChunkAndNoStepFollows() throws Exception {
        LiveEngine e = engine(Runnable::run, null);
        var status = collect(e.channels().status);
        e.configure(setup(200), false);
        e.train();
        waitUntil("some steps", () -> {
            try {
                return await(e.state()).step() > 30;
            } catch (Exception x) {
                throw new AssertionError(x);
            }
        });
        long t0 = System.nanoTime();
        e.pause();
        assertFalse(e.isTraining());
        waitUntil("the loop to end", () -> status.contains("Paused"));
        double secs = (System.nanoTime() - t0) / 1e9;
        long stopped = await(e.state()).step();
        Thread.sleep(300);
        assertEquals(stopped, await(e.state()).step(), "no steps after the pause");
        assertTrue(secs < 2, "the loop ended " + secs + " s after the pause");
    }

    @Test
    void twoDriftRequestsMadeWhileTheEngineIsBusyAreComputedOnce() throws Exception {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        LiveEngine e = engine(Runnable::run, gate);
        var drift = collect(e.channels().drift);
        e.configure(setup(100), false);
        e.requestDrift(3, -2, 2, -2, 2, 6);
        e.requestDrift(7, -2, 2, -2, 2, 6);
        gate.complete(null);
        await(e.state());
        assertEquals(1, drift.size(), "one field computed");
        assertEquals(7, drift.get(0).field().t(), "the newest request wins");
    }

    @Test
    void autoStopEndsTrainingWhenHeldOutKDoesNotImprove() throws Exception {
        LiveEngine e = engine(Runnable::run, null);
        var stopped = collect(e.channels().stopped);
        e.configure(setup(ModelSpec.paperDefault(2), 100, 0.1, 1e-9), false); // a learning rate that cannot improve K
        e.setAutoStop(0.6);
        e.train();
        waitUntil("the auto-stop", () -> !stopped.isEmpty());
        assertTrue(stopped.get(0).message().startsWith("Auto-stopped at step"), stopped.get(0).message());
        assertFalse(e.isTraining());
    }

    @Test
    void openingASessionRestoresItsStepAndWeightsAsANewGeneration() throws Exception {
        LiveEngine e = engine(Runnable::run, null);
        var progress = collect(e.channels().progress);
        e.configure(setup(100), false);
        for (int i = 0; i < 25; i++) {
            e.step();
        }
        CompletableFuture<Session> saved = new CompletableFuture<>();
        e.capture(saved::complete);
        Session s = await(saved);
        assertEquals(25, s.training().steps());
        long fresh = e.configure(setup(100), false);
        assertEquals(0, await(e.state()).step());
        await(e.open(s, setup(100)));
        LiveResults.State now = await(e.state());
        assertTrue(now.generation() > fresh);
        assertEquals(25, now.step());
        LiveResults.Progress last = progress.get(progress.size() - 1);
        assertEquals(now.generation(), last.generation());
        assertEquals(25, last.snapshot().step());
        assertTrue(Double.isFinite(last.snapshot().heldoutKBits()), "held-out K evaluated after opening");
        CompletableFuture<Session> again = new CompletableFuture<>();
        e.capture(again::complete);
        assertArrayEquals(s.params(), await(again).params(), 0.0);
    }

    @Test
    void resultsOfAReplacedModelAreNeverDelivered() throws Exception {
        ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
        LiveEngine e = engine(queue::add, null);
        var progress = collect(e.channels().progress);
        var reverse = collect(e.channels().reverse);
        e.configure(setup(100), false);
        await(e.state());
        assertFalse(queue.isEmpty(), "deliveries of the first model wait on the UI queue");
        long second = e.configure(setup(ModelSpec.ddpmDefault(2), 150, 5, 1e-3), false);
        drain(queue);
        assertTrue(progress.stream().allMatch(p -> p.generation() == second)
                && reverse.stream().allMatch(r -> r.generation() == second), "nothing of the replaced model reaches the UI");
        await(e.state());
        drain(queue);
        assertFalse(progress.isEmpty());
        assertTrue(progress.stream().allMatch(p -> p.generation() == second));
        assertEquals(150, reverse.get(reverse.size() - 1).n());
        assertNotNull(e.channels().progress.latest());
    }

    @Test
    void theSampleCountTravelsWithTheModelAndKeepingWeightsKeepsTheGeneration() throws Exception {
        LiveEngine e = engine(Runnable::run, null);
        var reverse = collect(e.channels().reverse);
        long g = e.configure(setup(200), false);
        e.setSampling(1500, 7);
        await(e.state());
        assertEquals(1500, reverse.get(reverse.size() - 1).n());
        // new data, same model: the weights, the generation and the chosen count stay
        assertEquals(g, e.configure(setup(200), true));
        await(e.state());
        assertEquals(1500, reverse.get(reverse.size() - 1).n());
        // a new model brings its own count
        long h = e.configure(setup(ModelSpec.ddpmDefault(2), 64, 5, 1e-3), false);
        assertTrue(h > g);
        await(e.state());
        assertEquals(64, reverse.get(reverse.size() - 1).n());
        assertTrue(reverse.stream().noneMatch(r -> r.generation() == h && r.n() != 64));
    }

    @Test
    void theWindowCanAskWhetherASetupKeepsTheModel() throws Exception {
        LiveEngine e = engine(Runnable::run, null);
        LiveSetup a = setup(100);
        assertFalse(e.keeps(a), "no model yet");
        e.configure(a, false);
        assertTrue(e.keeps(setup(300)), "other samples, same architecture and schedule");
        LiveSetup otherSchedule = new LiveSetup(a.data(), Schedules.create(ScheduleFamily.COSINE, 10), a.spec(), a.config(), 3, null,
                100, 7);
        assertFalse(e.keeps(otherSchedule));
        assertFalse(e.keeps(setup(ModelSpec.ddpmDefault(2), 100, 5, 1e-3)));
        long g = e.generation();
        assertTrue(e.configure(otherSchedule, true) > g, "keeping weights is refused for another schedule: a new generation");
    }

    private static void drain(ConcurrentLinkedQueue<Runnable> q) {
        Runnable r;
        while ((r = q.poll()) != null) {
            r.run();
        }
    }
}
