package lab.diffusion.engine.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GaussianForwardTest {

    /**
     * Independent route: q(x⁽ᵗ⁻¹⁾|x⁽ᵗ⁾,x⁽⁰⁾) ∝ q(x⁽ᵗ⁻¹⁾|x⁽⁰⁾)·q(x⁽ᵗ⁾|x⁽ᵗ⁻¹⁾), a product of two
     * Gaussians in x⁽ᵗ⁻¹⁾: precision adds, mean is the precision-weighted average.
     */
    @ParameterizedTest
    @EnumSource(value = ScheduleFamily.class, mode = EnumSource.Mode.EXCLUDE, names = {"CUSTOM", "LEARNED"})
    void posteriorIsTheProductOfTwoGaussians(ScheduleFamily family) {
        Schedule s = Schedules.create(family, 40);
        GaussianForward q = new GaussianForward(s);
        for (int t = 2; t <= 40; t++) {
            double prevMeanCoef = Math.sqrt(s.alphaBar(t - 1));
            double prevVar = 1 - s.alphaBar(t - 1);
            double kernelCoef = Math.sqrt(1 - s.beta(t));
            double kernelVar = s.beta(t);
            double precision = 1 / prevVar + kernelCoef * kernelCoef / kernelVar;
            double var = 1 / precision;
            double x0 = 0.8;
            double xt = -1.3;
            double mean = var * (prevMeanCoef * x0 / prevVar + kernelCoef * xt / kernelVar);
            assertEquals(var, q.posteriorVariance(t), 1e-12 * Math.max(1, var) + 1e-15, family + " t=" + t);
            assertEquals(mean, q.posteriorMean(x0, xt, t), 1e-9, family + " t=" + t);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ScheduleFamily.class, mode = EnumSource.Mode.EXCLUDE, names = {"CUSTOM", "LEARNED"})
    void repeatedKernelStepsHaveTheClosedFormMarginal(ScheduleFamily family) {
        Schedule s = Schedules.create(family, 20);
        GaussianForward q = new GaussianForward(s);
        int n = 200_000;
        float[] x0 = new float[n];
        Arrays.fill(x0, 1.5f);
        float[][] traj = q.trajectory(x0, new SplittableRandom(5));
        for (int t : new int[] {1, 10, 20}) {
            double m = 0;
            double v = 0;
            for (float x : traj[t]) {
                m += x;
            }
            m /= n;
            for (float x : traj[t]) {
                v += (x - m) * (x - m);
            }
            v /= n - 1;
            double sdMean = Math.sqrt((1 - s.alphaBar(t)) / n);
            assertEquals(Math.sqrt(s.alphaBar(t)) * 1.5, m, 5 * sdMean + 1e-6, family + " mean t=" + t);
            assertEquals(1 - s.alphaBar(t), v, 5 * (1 - s.alphaBar(t)) * Math.sqrt(2.0 / n) + 1e-6, family + " var t=" + t);
        }
    }
}
