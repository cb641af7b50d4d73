package lab.diffusion.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.diffusion.app.binary.BinaryMode;
import lab.diffusion.app.explorer.Explorer;
import lab.diffusion.app.images.ImageMode;
import lab.diffusion.app.mode.DataChoice;
import lab.diffusion.app.mode.ExplorerMode;
import lab.diffusion.app.points.PointsMode;
import lab.diffusion.app.ui.Background;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.live.LiveResults;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.schedule.Knots;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.session.Demos;
import lab.diffusion.engine.session.Session;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;

/**
 * Random sequences of what a person does — switch data, draw, erase, train, pause, reset,
 * change T or the family, drag a knot, open a demo, undo, move t, change the sample count —
 * run through the explorer without a window, with the invariants checked after every action:
 * the engine holds the newest model, its kind and dimension fit the data shown, the samples
 * shown have the data's dimension, the telemetry is the engine model's, and nothing threw.
 */
class ExplorerPropertyTest {

    enum Kind {
        SWITCH_DATA, DRAW, ERASE, TRAIN, STEP, PAUSE, RESET, CHANGE_T, EDIT_KNOT, OPEN_DEMO, UNDO, SET_T, SAMPLES
    }

    record Action(Kind kind, int param) {
        @Override
        public String toString() {
            return kind + "(" + param + ")";
        }
    }

    private final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    private Explorer ex;
    private Thread.UncaughtExceptionHandler before;

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Action> one = Combinators.combine(Arbitraries.of(Kind.values()), Arbitraries.integers().between(0, 999))
                .as(Action::new);
        return one.list().ofSize(20);
    }

    @Property(tries = 8, seed = "20261203")
    void everyActionLeavesAConsistentExplorer(@ForAll("actions") List<Action> actions) {
        run(actions);
    }

    /** The sequence: a drawn schedule, other demos, then the swiss roll with DDPM. */
    @Example
    void aDrawnScheduleThenDemosThenTheDdpmSwissRoll() {
        run(List.of(new Action(Kind.EDIT_KNOT, 3), new Action(Kind.OPEN_DEMO, 3), new Action(Kind.OPEN_DEMO, 4),
                new Action(Kind.OPEN_DEMO, 1), new Action(Kind.SWITCH_DATA, 0), new Action(Kind.EDIT_KNOT, 7),
                new Action(Kind.OPEN_DEMO, 2), new Action(Kind.OPEN_DEMO, 1)));
    }

    /** Digits, then the swiss roll: the digit model is never asked for the 2D sample count. */
    @Example
    void digitsThenTheSwissRoll() {
        run(List.of(new Action(Kind.OPEN_DEMO, 3), new Action(Kind.OPEN_DEMO, 0), new Action(Kind.OPEN_DEMO, 3),
                new Action(Kind.SAMPLES, 40), new Action(Kind.OPEN_DEMO, 0)));
    }

    private void run(List<Action> actions) {
        ex = FxThread.call(() -> {
            before = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
            return new Explorer((title, text) -> true, Background.sameThread(), null);
        });
        settle();
        List<Action> done = new ArrayList<>();
        for (Action a : actions) {
            done.add(a);
            FxThread.run(() -> apply(a));
            if (a.kind() == Kind.TRAIN) {
                sleep(200 + a.param() % 300); // the FX thread takes deliveries meanwhile
                FxThread.run(ex.trainer::pause);
            }
            settle();
            check(done);
        }
    }

    @AfterTry
    void close() {
        if (ex != null) {
            Explorer e = ex;
            FxThread.run(() -> {
                e.close();
                Thread.currentThread().setUncaughtExceptionHandler(before);
            });
            ex = null;
        }
    }

    private void apply(Action a) {
        ExplorerMode m = ex.mode();
        PointsMode points = ex.mode(PointsMode.class);
        int p = a.param();
        switch (a.kind()) {
            case SWITCH_DATA -> {
                List<DataChoice> all = new ArrayList<>();
                ex.modes().forEach(x -> all.addAll(x.dataChoices()));
                ex.select(all.get(p % all.size()));
            }
            case DRAW -> {
                if (m == points) {
                    points.data.beginStroke();
                    points.data.spray((p % 20) - 10, (p / 20 % 20) - 10, 2, 40);
                    points.data.endStroke();
                }
            }
            case ERASE -> {
                if (m == points) {
                    points.data.erase(0, 0, p % 3 == 0 ? 1000 : p % 12);
                }
            }
            case TRAIN -> ex.trainer.train(); // paused by run() after a while
            case STEP -> ex.trainer.step();
            case PAUSE -> ex.trainer.pause();
            case RESET -> ex.trainer.reset();
            case CHANGE_T -> {
                List<ScheduleFamily> fam = List.of(ScheduleFamily.standard());
                ex.schedules.request(fam.get(p % fam.size()), 2 + p % 50);
            }
            case EDIT_KNOT -> {
                Knots k = Knots.from(ex.schedule.schedule(), Knots.Space.LOG_BETA, 6);
                int i = 1 + p % (k.size() - 1);
                ex.schedules.request(k.withValue(i, k.value(i) + (p % 2 == 0 ? 0.5 : -0.5)).toSchedule());
            }
            case OPEN_DEMO -> {
                List<Demos.Demo> demos = Demos.available();
                try {
                    Session s = Demos.openDemo(demos.get(p % demos.size()).name());
                    ex.show(s);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
            case UNDO -> m.undo();
            case SET_T -> ex.timeline.setT(p % (ex.schedule.steps() + 1));
            case SAMPLES -> ex.setSampling(4 + p, 7);
        }
    }

    /** Waits until the engine has done what was asked and its results reached the explorer. */
    private void settle() {
        long end = System.nanoTime() + 60_000_000_000L;
        while (FxThread.call(() -> ex.mode().isLoading() && ex.mode().trainingData() == null) && System.nanoTime() < end) {
            sleep(20);
        }
        for (int i = 0; i < 3; i++) {
            FxThread.drain();
            await();
        }
    }

    private LiveResults.State await() {
        try {
            return FxThread.call(() -> ex.engine().state()).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void check(List<Action> done) {
        LiveResults.State s = await();
        FxThread.drain();
        String where = " after " + done;
        assertTrue(uncaught.isEmpty(), "uncaught on the FX thread: " + uncaught + where);
        FxThread.run(() -> {
            ExplorerMode m = ex.mode();
            assertEquals(ex.engine().generation(), s.generation(), "the engine holds the newest model" + where);
            ModelSpec spec = ex.training.specProperty().get();
            assertEquals(spec.describe(), s.model(), "the model shown is the engine's" + where);
            assertTrue(m.modelKinds().contains(spec.kind()), "a " + spec.kind() + " model in " + m.id() + where);
            boolean binary = m instanceof BinaryMode;
            assertEquals(binary, spec.kind() == ModelSpec.Kind.BINOMIAL, "binomial models for sequences only" + where);
            assertEquals(m instanceof ImageMode, spec.dim() > 64, "image-sized models for images only" + where);
            PointData pd;
            try {
                pd = m.trainingData();
            } catch (Exception e) {
                pd = null; // too few points: the model stays as it was
            }
            if (pd != null && m.problem().isEmpty()) {
                assertEquals(pd.dim(), s.dim(), "the model's dimension is the data's" + where);
            }
            PointSet shown = m.shownSamples();
            if (shown != null) {
                assertEquals(s.dim(), shown.dim(), "samples have the data's dimension" + where);
                assertTrue(shown.size() <= m.maxSamples(), "no more samples than the mode shows" + where);
            }
            assertEquals(s.step(), ex.training.stepProperty().get(), "the telemetry is the engine model's" + where);
            assertTrue(ex.timeline.t() <= ex.schedule.steps(), "t within 0..T" + where);
            assertEquals(ex.schedule.steps(), ex.timeline.maxProperty().get(), "the timeline spans the schedule" + where);
        });
    }
}
