package lab.diffusion.engine.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.model.Models;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConditioningTest {

    static ReverseModel model;

    @BeforeAll
    static void setUp() {
        Nd4jRuntime.configure();
        model = Models.gaussian(ModelSpec.imageDefault(16, 32), Schedules.create(ScheduleFamily.LOGSNR, 30), 1);
        // give the untrained model some structure so the test does not pass by accident of zeros
        SplittableRandom r = new SplittableRandom(3);
        double[] p = model.parameters().master();
        for (int i = 0; i < p.length; i++) {
            p[i] = 0.05 * r.nextGaussian();
        }
        model.parameters().pushMaster();
    }

    static float[] observation() {
        float[] y = new float[16];
        for (int d = 0; d < 16; d++) {
            y[d] = (float) Math.sin(d);
        }
        return y;
    }

    @Test
    void clampedPixelsStayExactlyObservedThroughTheTrajectory() {
        float[] known = observation();
        boolean[] hole = new boolean[16];
        for (int d = 0; d < 8; d++) {
            hole[d] = true;
        }
        Trajectory tr = Conditioning.inpaint(model, known, hole, 6, 4, true);
        boolean holeMoved = false;
        for (int t = 0; t <= 30; t++) {
            float[] x = tr.state(t);
            for (int i = 0; i < 6; i++) {
                for (int d = 0; d < 16; d++) {
                    if (!hole[d]) {
                        assertEquals(known[d], x[i * 16 + d], 0.0f, "t = " + t);
                    } else if (t < 30 && x[i * 16 + d] != tr.state(t + 1)[i * 16 + d]) {
                        holeMoved = true;
                    }
                }
            }
        }
        assertTrue(holeMoved, "the hole must be sampled");
        // different samples differ in the hole
        float[] x0 = tr.samples();
        assertTrue(x0[0] != x0[16], "posterior samples should differ");
    }

    @Test
    void anAllKnownMaskReturnsTheInput() {
        float[] known = observation();
        Trajectory tr = Conditioning.inpaint(model, known, new boolean[16], 3, 4, false);
        float[] x0 = tr.samples();
        for (int i = 0; i < 3; i++) {
            for (int d = 0; d < 16; d++) {
                assertEquals(known[d], x0[i * 16 + d], 0.0f);
            }
        }
    }

    @Test
    void denoisingAtVeryHighSnrReturnsTheObservation() {
        float[] y = observation();
        Trajectory tr = Conditioning.denoise(model, y, 1e-8, 4, 5, false);
        float[] x0 = tr.samples();
        double worst = 0;
        for (int i = 0; i < 4; i++) {
            for (int d = 0; d < 16; d++) {
                worst = Math.max(worst, Math.abs(x0[i * 16 + d] - y[d]));
            }
        }
        assertTrue(worst < 1e-3, "largest difference from the observation " + worst);
        // and at low SNR the samples are pulled away from it (the model matters)
        float[] loose = Conditioning.denoise(model, y, 100.0, 4, 5, false).samples();
        double far = 0;
        for (int d = 0; d < 16; d++) {
            far = Math.max(far, Math.abs(loose[d] - y[d]));
        }
        assertTrue(far > 0.1, "low SNR should not copy the observation: " + far);
    }

    @Test
    void denoisingOneStepIsTheProductOfTwoGaussians() {
        // a one-step check of the closed form against an independent computation of N(μ,σ²)·N(y,s²)
        double mu = 0.3;
        double v = 0.5;
        double y = -1.0;
        double s2 = 0.25;
        double vp = 1 / (1 / v + 1 / s2);
        double mp = vp * (mu / v + y / s2);
        // product of densities ∝ exp(−(x−μ)²/2v − (x−y)²/2s²): its maximum and curvature
        double best = Double.NaN;
        double bestLog = Double.NEGATIVE_INFINITY;
        for (double x = -3; x <= 3; x += 1e-5) {
            double l = -(x - mu) * (x - mu) / (2 * v) - (x - y) * (x - y) / (2 * s2);
            if (l > bestLog) {
                bestLog = l;
                best = x;
            }
        }
        assertEquals(mp, best, 1e-4);
        assertEquals(1 / vp, 1 / v + 1 / s2, 1e-12);
    }

    @Test
    void twoDimensionalRegionConditioningKeepsSamplesInside() {
        ReverseModel m2 = Models.gaussian(ModelSpec.paperDefault(2), Schedules.create(ScheduleFamily.LOGSNR, 40), 1);
        Conditioning.RegionResult r = Conditioning.inRegion(m2, (x, y) -> x > 0.5f, 200, 3, false);
        float[] x0 = r.trajectory().samples();
        int inside = 0;
        for (int i = 0; i < 200; i++) {
            inside += x0[2 * i] > 0.5f ? 1 : 0;
        }
        assertEquals(200, inside, "escaped steps: " + r.escaped());
        // one coordinate fixed (x = 0.5) through inpainting in 2D
        float[] fixed = Conditioning.inpaint(m2, new float[] {0.5f, 0f}, new boolean[] {false, true}, 50, 3, false)
                .samples();
        for (int i = 0; i < 50; i++) {
            assertEquals(0.5f, fixed[2 * i], 0.0f);
        }
    }
}
