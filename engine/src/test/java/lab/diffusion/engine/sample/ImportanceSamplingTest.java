package lab.diffusion.engine.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import lab.diffusion.engine.data.DataSources;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.data.Preset;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.model.Models;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.objective.BoundEvaluator;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import lab.diffusion.engine.train.TrainConfig;
import lab.diffusion.engine.train.Trainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class ImportanceSamplingTest {

    @BeforeAll
    static void setUp() {
        Nd4jRuntime.configure();
    }

    /**
     * The untrained paper model (zero readout, code-form mean) is the forward kernel, the exact
     * reverse of the stationary chain started at N(0, I): every importance weight equals
     * N(x⁽⁰⁾; 0, I), so the estimate is the analytic log-density of each point for any N.
     */
    @Test
    void aModelEqualToTheForwardKernelGivesTheAnalyticDensityOfUnitGaussianData() {
        ReverseModel m = Models.gaussian(ModelSpec.paperDefault(2), Schedules.create(ScheduleFamily.LOGSNR, 20), DataType.DOUBLE, 1);
        SplittableRandom r = new SplittableRandom(5);
        float[] x = new float[2 * 50];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        PointSet pts = PointSet.wrap(x, 2);
        ImportanceSampling.Result res = ImportanceSampling.estimate(m, pts, 7, 3);
        double meanExact = 0;
        for (int i = 0; i < 50; i++) {
            double a = x[2 * i];
            double b = x[2 * i + 1];
            double exact = -Math.log(2 * Math.PI) - 0.5 * (a * a + b * b);
            assertEquals(exact, res.perPoint()[i], 1e-4, "point " + i);
            meanExact += exact / 50;
        }
        assertEquals(meanExact / Math.log(2), res.logpBits(), 1e-4);
        assertEquals(res.logpBits(), res.jensenBits(), 1e-4, "constant weights: the bound is tight");
    }

    /** On a trained model the estimate lies above the bound and rises with more samples. */
    @Test
    void theEstimateLiesAboveKAndRisesWithSamples() {
        PointData data = DataSources.preset(Preset.SWISSROLL, 20_000, 1000, 1);
        ReverseModel m = Models.gaussian(ModelSpec.paperDefault(2), Schedules.create(ScheduleFamily.LOGSNR, 40), 1);
        new Trainer(m, data, TrainConfig.defaults().withEvaluation(0, 10)).run(2500, Double.MAX_VALUE, null);
        double k = BoundEvaluator.evaluate(m, data.heldout(), 5).kBits();
        ImportanceSampling.Result one = ImportanceSampling.estimate(m, data.heldout(), 1, 9);
        double is1 = one.logpBits();
        double is20 = ImportanceSampling.estimate(m, data.heldout(), 20, 9).logpBits();
        // one sample is a Monte Carlo estimate of the bound: within four standard errors of K (K's own noise is smaller)
        assertEquals(k, is1, 4 * one.stdErrBits() + 0.02, "one sample estimates the bound (standard error " + one.stdErrBits() + ")");
        assertTrue(is20 > k + 0.05, "IS with 20 samples " + is20 + " above K " + k);
        assertTrue(is20 > is1, "more samples: " + is1 + " → " + is20);
    }
}
