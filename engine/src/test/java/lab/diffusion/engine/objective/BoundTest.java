package lab.diffusion.engine.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.model.GaussianTables;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.model.Models;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BoundTest {

    @BeforeAll
    static void setUp() {
        Nd4jRuntime.configure();
    }

    static PointSet standardNormal(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] c = new float[2 * n];
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) r.nextGaussian();
        }
        return PointSet.wrap(c, 2);
    }

    /**
     * The untrained paper model (zero readout, code-form mean) is exactly the forward kernel
     * reversed, which on N(0, I) data is the true reverse process: K must equal L_null.
     */
    @ParameterizedTest
    @EnumSource(value = ScheduleFamily.class, names = {"LOGSNR", "PAPER", "COSINE"})
    void untrainedPaperModelOnStandardNormalDataHasKEqualToLnull(ScheduleFamily family) {
        Schedule s = Schedules.create(family, 40);
        ReverseModel m = Models.gaussian(ModelSpec.paperDefault(2), s, 1);
        int groups = 6;
        double[] k = new double[groups];
        double mean = 0;
        for (int g = 0; g < groups; g++) {
            k[g] = BoundEvaluator.evaluate(m, standardNormal(20_000, 100 + g), 200 + g).kBits();
            mean += k[g] / groups;
        }
        double var = 0;
        for (double v : k) {
            var += (v - mean) * (v - mean) / (groups - 1);
        }
        double standardError = Math.sqrt(var / groups);
        double lnull = GaussianTables.nullLogLikelihood(2) / Math.log(2);
        assertEquals(-4.0942, lnull, 5e-5);
        assertTrue(standardError < 0.01, "Monte-Carlo error too large to test anything: " + standardError);
        assertEquals(lnull, mean, 4 * standardError, family + ": K = " + mean + " ± " + standardError);
    }

    @Test
    void reportSatisfiesTheKMinusLnullIdentity() {
        Schedule s = Schedules.create(ScheduleFamily.LOGSNR, 40);
        ReverseModel m = Models.gaussian(ModelSpec.paperDefault(2), s, 1);
        BoundReport r = BoundEvaluator.evaluate(m, standardNormal(2000, 4), 5);
        double sumKl = 0;
        for (int t = 2; t <= 40; t++) {
            sumKl += r.klPerT()[t];
        }
        double identity = -sumKl + 0.5 * 2 * Math.log(s.oneMinusAlphaBar(40) / s.beta(1));
        assertEquals(identity / Math.log(2), r.kMinusLnullBits(), 1e-9);
        assertEquals(r.kBits() - r.lnullBits(), r.kMinusLnullBits(), 1e-12);
    }

    @Test
    void perStepKlIsNonNegativeAndZeroOutsideTheLearnedSteps() {
        Schedule s = Schedules.create(ScheduleFamily.LOGSNR, 20);
        ReverseModel m = Models.gaussian(ModelSpec.paperDefault(2), s, 1);
        BoundReport r = BoundEvaluator.evaluate(m, standardNormal(1000, 4), 5);
        assertEquals(0.0, r.klPerT()[0]);
        assertEquals(0.0, r.klPerT()[1]);
        for (int t = 2; t <= 20; t++) {
            assertTrue(r.klPerT()[t] >= 0, "KL at t=" + t);
        }
    }

    @Test
    void evaluationIsReproducibleForASeed() {
        Schedule s = Schedules.create(ScheduleFamily.LOGSNR, 40);
        ReverseModel m = Models.gaussian(ModelSpec.ddpmDefault(2), s, 1);
        PointSet p = standardNormal(500, 1);
        assertEquals(BoundEvaluator.evaluate(m, p, 3).kNats(), BoundEvaluator.evaluate(m, p, 3).kNats(), 0.0);
    }
}
