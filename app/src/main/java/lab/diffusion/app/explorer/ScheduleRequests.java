package lab.diffusion.app.explorer;

import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.live.LiveEngine;
import lab.diffusion.engine.live.LiveResults.PairResult;
import lab.diffusion.engine.live.LiveSetup;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;

/**
 * Schedule commands: a family and T, an exact schedule (drawn, loaded, learned), learning the
 * schedule with the model, comparing two schedules; each asks before it discards training. A
 * learned schedule's new β while it trains are shown without a new model. FX thread.
 */
public final class ScheduleRequests {

    private final Explorer ex;
    private final LiveEngine engine;
    /** True while a learned schedule's new β are shown (no new model). */
    private boolean learnedUpdate;

    ScheduleRequests(Explorer ex, LiveEngine engine) {
        this.ex = ex;
        this.engine = engine;
    }

    boolean isLearnedUpdate() {
        return learnedUpdate;
    }

    /** Applies a family and T; asks first when that discards training. False if not applied. */
    public boolean request(ScheduleFamily f, int steps) {
        if (f == ex.schedule.family() && steps == ex.schedule.steps()) {
            return true;
        }
        if (!ex.trainer.allowDiscard("Changing the schedule to " + f.label() + ", T = " + steps)) {
            return false;
        }
        ex.schedule.set(f, steps);
        return true;
    }

    /**
     * Applies an exact schedule (drawn, loaded from CSV, or a learned schedule's start); asks
     * first when that discards training. False if refused or invalid (the message says why).
     */
    public boolean request(Schedule s) {
        if (Arrays.equals(s.betas(), ex.schedule.schedule().betas()) && s.family() == ex.schedule.family()) {
            return true;
        }
        if (s.steps() > ex.schedule.maxStepsProperty().get()) {
            ex.messages.report("T = " + s.steps() + " is more than this kind of data allows (" + ex.schedule.maxStepsProperty().get() + ").");
            return false;
        }
        if (s.family() == ScheduleFamily.LEARNED) {
            ModelSpec sp = ex.training.specProperty().get();
            if (sp.kind() != ModelSpec.Kind.PAPER || sp.readout() == ModelSpec.Readout.EMBEDDING) {
                ex.messages.report("A learned schedule trains with the paper model and a bump or per-step readout (it ascends the bound K).");
                return false;
            }
        }
        if (!ex.trainer.allowDiscard("Changing the schedule")) {
            return false;
        }
        ex.schedule.setSchedule(s);
        return true;
    }

    /** Learns the schedule with the model, starting from the current one (paper §2.4.1). */
    public boolean learn() {
        return request(Schedule.ofBetas(ScheduleFamily.LEARNED, ex.schedule.schedule().betas()));
    }

    /** Shows a learned schedule as it is now while it trains (the model stays). */
    void showLearned(Schedule ls) {
        if (ex.schedule.family() == ScheduleFamily.LEARNED && ls.steps() == ex.schedule.steps()) {
            learnedUpdate = true;
            try {
                ex.schedule.setSchedule(ls);
            } finally {
                learnedUpdate = false;
            }
        }
    }

    /**
     * Trains the current model setup with the current schedule (A) and with {@code b}, fresh and
     * one after the other for {@code seconds} each, on the same data and seed. False (and the
     * message says why) when there are no data to train on.
     */
    public boolean compare(Schedule b, double seconds, Consumer<String> progress, BiConsumer<PairResult, PairResult> done) {
        PointData pd;
        try {
            pd = ex.mode().trainingData();
        } catch (DataException e) {
            ex.messages.report(e.getMessage());
            return false;
        }
        if (pd == null) {
            ex.messages.report("There are no data to train on yet.");
            return false;
        }
        ex.trainer.pause();
        LiveSetup a = ex.models.setup(pd).withEvaluation(0, 10);
        engine.trainPair(a, a.withSchedule(b), seconds, progress, done);
        return true;
    }
}
