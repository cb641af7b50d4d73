package lab.diffusion.engine.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.model.Models;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SamplerTest {

    @BeforeAll
    static void setUp() {
        Nd4jRuntime.configure();
    }

    @Test
    void untrainedPaperModelSamplesTheEquilibrium() {
        // the untrained model is the forward kernel, whose reversal keeps N(0, I) invariant
        Schedule s = Schedules.create(ScheduleFamily.LOGSNR, 40);
        ReverseModel m = Models.gaussian(ModelSpec.paperDefault(2), s, 1);
        int n = 50_000;
        Trajectory tr = Sampler.sample(m, n, 3, true);
        for (int t : new int[] {0, 20, 40}) {
            float[] x = tr.state(t);
            double mean = 0;
            double sq = 0;
            for (float v : x) {
                mean += v;
                sq += v * v;
            }
            mean /= x.length;
            sq /= x.length;
            assertEquals(0.0, mean, 5 * Math.sqrt(1.0 / x.length), "mean at t=" + t);
            assertEquals(1.0, sq, 5 * Math.sqrt(2.0 / x.length), "second moment at t=" + t);
        }
        assertEquals(40, tr.steps());
        assertEquals(n, tr.size());
    }

    @Test
    void onlyEndpointsAreKeptUnlessAsked() {
        Schedule s = Schedules.create(ScheduleFamily.LOGSNR, 10);
        ReverseModel m = Models.gaussian(ModelSpec.ddpmDefault(2), s, 1);
        Trajectory tr = Sampler.sample(m, 100, 3, false);
        assertTrue(tr.has(0));
        assertTrue(tr.has(10));
        assertFalse(tr.has(5));
        assertThrows(IllegalStateException.class, () -> tr.state(5));
        // same seed, same samples
        assertEquals(Arrays.toString(tr.samples()), Arrays.toString(Sampler.sample(m, 100, 3, false).samples()));
    }

    @Test
    void driftOfTheUntrainedModelIsTheKernelDrift() {
        Schedule s = Schedules.create(ScheduleFamily.LOGSNR, 40);
        ReverseModel m = Models.gaussian(ModelSpec.paperDefault(2), s, 1);
        int t = 30;
        DriftField f = DriftField.compute(m, t, -2, 2, -1, 1, 5, 3);
        double c = Math.sqrt(1 - s.beta(t)) - 1;
        for (int k = 0; k < 15; k++) {
            assertEquals(c * f.x()[k], f.dx()[k], 1e-6);
            assertEquals(c * f.y()[k], f.dy()[k], 1e-6);
            assertEquals(s.beta(t), f.varX()[k], 1e-6 * s.beta(t));
        }
        assertEquals(-2f, f.x()[0]);
        assertEquals(2f, f.x()[4]);
        assertEquals(1f, f.y()[14]);
        assertEquals(s.posteriorVariance(t), f.postVar(), 0);
    }
}
