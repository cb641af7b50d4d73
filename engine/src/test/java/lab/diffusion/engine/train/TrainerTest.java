package lab.diffusion.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import lab.diffusion.engine.data.BinaryData;
import lab.diffusion.engine.data.DataSources;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.data.Preset;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.model.Models;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.nn.Optimizer;
import lab.diffusion.engine.objective.BoundEvaluator;
import lab.diffusion.engine.objective.Bounds;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrainerTest {

    @BeforeAll
    static void setUp() {
        Nd4jRuntime.configure();
    }

    /** Held-out K of {@link #heartbeatTrainingRaisesHeldOutK()} as measured (bits per sequence). */
    static final double MEASURED_HEARTBEAT_K_3000 = -4.63;

    static PointData swissRoll() {
        return DataSources.preset(Preset.SWISSROLL, 20_000, 2_000, 1);
    }

    /** End-to-end: 4,000 fixed-seed steps of the paper model raise held-out K (measured: −4.16 → −3.48 bits). */
    @Test
    void swissRollTrainingRaisesHeldOutK() {
        PointData data = swissRoll();
        ReverseModel m = Models.gaussian(ModelSpec.paperDefault(2), Schedules.create(ScheduleFamily.LOGSNR, 40), 1);
        double before = BoundEvaluator.evaluate(m, data.heldout(), 5).kBits();
        Trainer tr = new Trainer(m, data, TrainConfig.defaults().withEvaluation(0, 10));
        TrainingSnapshot s = tr.run(4000, Double.MAX_VALUE, null);
        double after = BoundEvaluator.evaluate(m, data.heldout(), 5).kBits();
        assertEquals(4000, s.step());
        assertEquals(TrainingStatus.STOPPED, s.status());
        assertTrue(after - before >= 0.5, "K rose only from " + before + " to " + after);
        assertTrue(after > -3.6, "K after 4000 steps: " + after);
    }

    /**
     * End-to-end for binary data: fixed-seed binomial training on the heartbeat (T = 100 to stay
     * fast) lifts held-out K towards the optimum −2.32 bits per sequence (measured with the
     * clean-bit head: −37.8 untrained, −4.63 after 3,000 steps; the kernel head reached −8.87).
     */
    @Test
    void heartbeatTrainingRaisesHeldOutK() {
        PointData data = BinaryData.heartbeatData(4000, 500, 3);
        var spec = ModelSpec.binomialDefault(BinaryData.HEARTBEAT_BITS, 0.2, 10);
        var m = Models.create(spec, Schedules.create(ScheduleFamily.ERASURE, 100), 1);
        double before = Bounds.evaluate(m, data.heldout(), 5).kBits();
        Trainer tr = new Trainer(m, data, TrainConfig.defaults().withEvaluation(0, 10));
        TrainingSnapshot s = tr.run(3000, Double.MAX_VALUE, null);
        double after = Bounds.evaluate(m, data.heldout(), 5).kBits();
        assertEquals(TrainingStatus.STOPPED, s.status());
        assertTrue(before < -14.4386 + 0.05, "the untrained model is no better than L_null: " + before);
        assertTrue(after > MEASURED_HEARTBEAT_K_3000 - 0.5, "K after 3000 steps: " + after + " (from " + before + ")");
        assertTrue(after < -2.3219 + 0.05, "K cannot exceed the data's optimum: " + after);
    }

    /**
     * A learned schedule's offsets take steps of the schedule rate × the learning rate (Adam's
     * steps are at most about lr each), while the network's weights take full steps.
     */
    @Test
    void aLearnedScheduleMovesAtItsOwnRate() {
        PointData data = swissRoll();
        var base = Schedules.create(ScheduleFamily.LOGSNR, 40);
        var learned = Schedule.ofBetas(ScheduleFamily.LEARNED, base.betas());
        for (double rate : new double[] {1.0, 0.1}) {
            var m = Models.create(ModelSpec.paperDefault(2), learned, 1);
            int[] range = m.scheduleParameterRange();
            assertEquals(39, range[1] - range[0]);
            double[] before = m.parameters().master().clone();
            Trainer tr = new Trainer(m, data, TrainConfig.defaults().withEvaluation(0, 10).withScheduleRate(rate));
            assertEquals(rate, tr.scheduleRate());
            int steps = 20;
            tr.run(steps, Double.MAX_VALUE, null);
            double[] after = m.parameters().master();
            double schedMove = 0;
            double netMove = 0;
            for (int i = 0; i < after.length; i++) {
                double d = Math.abs(after[i] - before[i]);
                if (i >= range[0] && i < range[1]) {
                    schedMove = Math.max(schedMove, d);
                } else {
                    netMove = Math.max(netMove, d);
                }
            }
            // Adam moves a parameter by at most lr·(1 − β₁)/√(1 − β₂) ≈ 3.2·lr per step, usually about lr
            assertTrue(schedMove <= rate * 1e-3 * 3.2 * steps, "schedule moved " + schedMove + " at rate " + rate);
            assertTrue(schedMove >= rate * 1e-3 * 0.5 * steps, "schedule barely moved: " + schedMove + " at rate " + rate);
            assertTrue(netMove >= 1e-3 * 0.5 * steps, "network moved " + netMove);
        }
        assertEquals(TrainConfig.DEFAULT_SCHEDULE_RATE, TrainConfig.defaults().scheduleRate());
    }

    /** The averaged weights are the moving average of the weights after each step, as defined, computed independently here. */
    @Test
    void averagedWeightsFollowTheirDefinition() {
        PointData data = swissRoll();
        ReverseModel m = Models.gaussian(ModelSpec.paperDefault(2), Schedules.create(ScheduleFamily.LOGSNR, 20), 2);
        Trainer tr = new Trainer(m, data, TrainConfig.defaults().withEvaluation(0, 10).withAveraging(0.95));
        double[] a = m.parameters().master().clone();
        for (int n = 0; n < 40; n++) {
            assertTrue(tr.step1());
            double d = Math.min(0.95, (1.0 + n) / (10.0 + n));
            double[] w = m.parameters().master();
            for (int i = 0; i < a.length; i++) {
                a[i] = d * a[i] + (1 - d) * w[i];
            }
        }
        assertArrayEquals(a, tr.averagedWeights(), 1e-15);
        double[] lastWeights = m.parameters().master().clone();
        assertTrue(tr.useAveragedWeights());
        assertArrayEquals(a, m.parameters().master(), 0.0);
        assertFalse(Arrays.equals(lastWeights, a), "averaging changed the weights");
        Trainer plain = new Trainer(m, data, TrainConfig.defaults().withEvaluation(0, 10));
        assertEquals(null, plain.averagedWeights());
        assertFalse(plain.useAveragedWeights());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> TrainConfig.defaults().withAveraging(0.5));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> TrainConfig.defaults().withAveraging(1.0));
    }

    /**
     * With averaging on, held-out K is that of the averaged weights (what the CLI saves), and the
     * weights being trained are back bit for bit afterwards, so training goes on undisturbed.
     */
    @Test
    void heldoutKOfAnAveragingTrainerIsTheAveragedModels() {
        PointData data = swissRoll();
        ReverseModel m = Models.gaussian(ModelSpec.paperDefault(2), Schedules.create(ScheduleFamily.LOGSNR, 20), 2);
        Trainer tr = new Trainer(m, data, TrainConfig.defaults().withEvaluation(0, 200).withAveraging(0.95));
        for (int n = 0; n < 60; n++) {
            assertTrue(tr.step1());
        }
        double[] trained = m.parameters().master().clone();
        float[] trainedNative = m.parameters().toFloats();
        double averagedK = tr.evaluateHeldout();
        assertArrayEquals(trained, m.parameters().master(), 0.0);
        assertArrayEquals(trainedNative, m.parameters().toFloats(), 0f);
        assertEquals(averagedK, tr.snapshot().heldoutKBits(), 0.0);
        // the same evaluation (same seed and held-out subset) by a plain trainer on the averaged and on the last weights
        Trainer plain = new Trainer(m, data, TrainConfig.defaults().withEvaluation(0, 200));
        double lastK = plain.evaluateHeldout();
        m.parameters().setAll(tr.averagedWeights());
        assertEquals(averagedK, plain.evaluateHeldout(), 1e-12);
        assertNotEquals(lastK, averagedK, "the last and the averaged weights are different models");
    }

    @Test
    void aHeldOutEvaluationNoLongerWantedStopsBetweenStepsAndRecordsNothing() {
        PointData data = swissRoll();
        ReverseModel m = Models.gaussian(ModelSpec.paperDefault(2), Schedules.create(ScheduleFamily.LOGSNR, 40), 1);
        Trainer tr = new Trainer(m, data, TrainConfig.defaults().withEvaluation(0, 200));
        int[] asked = {0};
        assertThrows(CancellationException.class, () -> tr.evaluateHeldout(() -> ++asked[0] > 5));
        assertEquals(6, asked[0], "asked before each step t until told to stop");
        assertTrue(Double.isNaN(tr.snapshot().heldoutKBits()), "nothing recorded");
        double k = tr.evaluateHeldout(() -> false);
        assertEquals(k, tr.evaluateHeldout(), 0.0, "an evaluation that runs to the end is the plain one");
        int[] binaryAsked = {0};
        var hb = BinaryData.heartbeatData(200, 50, 3);
        var bm = Models.create(ModelSpec.binomialDefault(20, 0.2, 10), Schedules.create(ScheduleFamily.ERASURE, 30), 2);
        assertThrows(CancellationException.class, () -> Bounds.evaluate(bm, hb.heldout(), 3, () -> ++binaryAsked[0] > 2));
        assertEquals(3, binaryAsked[0]);
    }

    @Test
    void ddpmTrainingAlsoRaisesK() {
        PointData data = swissRoll();
        ReverseModel m = Models.gaussian(ModelSpec.ddpmDefault(2), Schedules.create(ScheduleFamily.LOGSNR, 40), 1);
        Trainer tr = new Trainer(m, data, TrainConfig.defaults().withEvaluation(0, 10));
        tr.run(300, Double.MAX_VALUE, null);
        double early = BoundEvaluator.evaluate(m, data.heldout(), 5).kBits();
        tr.run(2700, Double.MAX_VALUE, null);
        double later = BoundEvaluator.evaluate(m, data.heldout(), 5).kBits();
        assertTrue(later - early > 0.3, "DDPM K from " + early + " to " + later);
    }

    @Test
    void sameSeedGivesTheSameWeights() {
        PointData data = swissRoll();
        double[][] w = new double[2][];
        for (int k = 0; k < 2; k++) {
            ReverseModel m = Models.gaussian(ModelSpec.paperDefault(2), Schedules.create(ScheduleFamily.LOGSNR, 40), 1);
            new Trainer(m, data, TrainConfig.defaults().withEvaluation(0, 10)).run(50, Double.MAX_VALUE, null);
            w[k] = m.parameters().master();
        }
        assertArrayEquals(w[0], w[1], 0.0);
    }

    @Test
    void nonFiniteLossStopsRestoresAndReports() {
        PointData data = swissRoll();
        ReverseModel m = Models.gaussian(ModelSpec.paperDefault(2), Schedules.create(ScheduleFamily.LOGSNR, 40), 1);
        Trainer tr = new Trainer(m, data, TrainConfig.defaults().withEvaluation(0, 10));
        tr.run(250, Double.MAX_VALUE, null); // checkpoint at step 200
        double[] atStep250 = m.parameters().master().clone();
        // corrupt one weight the way an overflow would
        double[] p = m.parameters().master();
        p[0] = Double.NaN;
        m.parameters().setAll(p);
        List<TrainingSnapshot> seen = new ArrayList<>();
        tr.addListener(seen::add);
        TrainingSnapshot s = tr.run(100, Double.MAX_VALUE, null);
        assertEquals(TrainingStatus.DIVERGED, s.status());
        assertTrue(s.message().contains("diverged at step 251"), s.message());
        assertTrue(s.message().contains("Restored the parameters from step 200"), s.message());
        assertEquals(200, s.step());
        for (double v : m.parameters().master()) {
            assertTrue(Double.isFinite(v));
        }
        assertFalse(Arrays.equals(atStep250, m.parameters().master()), "restored the step-200 checkpoint, not step 250");
        assertEquals(TrainingStatus.DIVERGED, seen.get(seen.size() - 1).status());
        // the trainer can continue after the restore
        TrainingSnapshot again = tr.run(10, Double.MAX_VALUE, null);
        assertEquals(TrainingStatus.STOPPED, again.status());
        assertEquals(210, again.step());
    }

    @Test
    void theLargestLearningRateDivergesCleanlyAndTheRangeIsOneForAll() {
        PointData data = swissRoll();
        ReverseModel m = Models.gaussian(ModelSpec.paperDefault(2), Schedules.create(ScheduleFamily.LOGSNR, 40), 1);
        Trainer tr = new Trainer(m, data, TrainConfig.defaults().withLearningRate(Optimizer.MAX_LEARNING_RATE).withEvaluation(0, 10));
        TrainingSnapshot s = tr.run(3000, Double.MAX_VALUE, null);
        assertEquals(TrainingStatus.DIVERGED, s.status());
        for (double v : m.parameters().master()) {
            assertTrue(Double.isFinite(v));
        }
        assertTrue(s.message().contains("smaller learning rate"), s.message());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.defaults().withLearningRate(10));
        assertEquals("learning rate must be in (0, 1], got 10.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tr.setLearningRate(1.5));
    }

    @Test
    void aModelThatItsOwnStepsMakeFarWorseIsCaughtForEveryKindAndRolledBack() {
        PointData data = swissRoll();
        // DDPM at the largest rate stays finite but its K collapses: caught by the fall of K, not by NaN
        ReverseModel m = Models.gaussian(ModelSpec.ddpmDefault(2), Schedules.create(ScheduleFamily.COSINE, 40), 1);
        Trainer tr = new Trainer(m, data, TrainConfig.defaults().withLearningRate(1.0).withEvaluation(0, 10));
        TrainingSnapshot s = tr.run(2000, Double.MAX_VALUE, null);
        assertEquals(TrainingStatus.DIVERGED, s.status(), s.message());
        assertTrue(s.message().contains("its K estimate fell from"), s.message());
        assertTrue(s.step() < DivergenceGuard.WARM_UP, "rolled back to a state before the fall: step " + s.step());
        assertTrue(Double.isNaN(s.kMinusLnullBits()) || s.kMinusLnullBits() > -40,
                "the K of the restored state, not of the collapse: " + s.kMinusLnullBits());
        // the same model at the default rate trains without a false alarm
        ReverseModel ok = Models.gaussian(ModelSpec.ddpmDefault(2), Schedules.create(ScheduleFamily.COSINE, 40), 1);
        TrainingSnapshot fine = new Trainer(ok, data, TrainConfig.defaults().withEvaluation(0, 10)).run(2000, Double.MAX_VALUE, null);
        assertEquals(TrainingStatus.STOPPED, fine.status(), fine.message());
    }

    @Test
    void listenersGetBoundedSnapshotsAndSettingsApplyWithoutReset() {
        PointData data = swissRoll();
        ReverseModel m = Models.gaussian(ModelSpec.paperDefault(2), Schedules.create(ScheduleFamily.LOGSNR, 40), 1);
        Trainer tr = new Trainer(m, data, TrainConfig.defaults().withEvaluation(0.3, 200));
        List<TrainingSnapshot> seen = new ArrayList<>();
        tr.addListener(seen::add);
        tr.run(Long.MAX_VALUE, 1.0, null);
        assertTrue(seen.size() >= 5 && seen.size() <= 33, "snapshots in 1 s: " + seen.size());
        TrainingSnapshot last = seen.get(seen.size() - 1);
        assertTrue(last.stepsPerSecond() > 0);
        assertFalse(Double.isNaN(last.heldoutKBits()), "held-out K evaluated during the run");
        long steps = tr.step();
        tr.setLearningRate(3e-4);
        tr.setBatchSize(128);
        TrainingSnapshot s = tr.run(20, Double.MAX_VALUE, null);
        assertEquals(steps + 20, s.step());
        assertEquals(3e-4, s.learningRate());
        assertEquals(128, s.batchSize());
        assertTrue(tr.history().curve().size() > 0);
    }
}
