package lab.diffusion.engine.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import org.junit.jupiter.api.Test;

class IdealDriftTest {

    @Test
    void aSinglePointPullsTowardsItsPosteriorMean() {
        Schedule s = Schedules.create(ScheduleFamily.LOGSNR, 40);
        PointSet ref = PointSet.wrap(new float[] {0.5f, -1f}, 2);
        float[] at = {1.5f, 2f, -0.3f, 0.1f};
        float[] d = IdealDrift.at(ref, s, 25, at);
        for (int k = 0; k < 2; k++) {
            for (int c = 0; c < 2; c++) {
                double x0 = ref.get(0, c);
                double x = at[2 * k + c];
                assertEquals(s.posteriorCoefX0(25) * x0 + s.posteriorCoefXt(25) * x - x, d[2 * k + c], 1e-5);
            }
        }
    }

    @Test
    void standardNormalDataGivesTheKernelReversal() {
        // N(0, I) is stationary and the Gaussian AR(1) chain is reversible: E[x⁽ᵗ⁻¹⁾|x⁽ᵗ⁾] = √αₜ·x⁽ᵗ⁾
        Schedule s = Schedules.create(ScheduleFamily.LOGSNR, 40);
        SplittableRandom r = new SplittableRandom(1);
        float[] c = new float[2 * 40_000];
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) r.nextGaussian();
        }
        int t = 35;
        float[] at = {0.5f, -0.25f, 1f, 1f};
        float[] d = IdealDrift.at(PointSet.wrap(c, 2), s, t, at);
        for (int i = 0; i < at.length; i++) {
            assertEquals((Math.sqrt(1 - s.beta(t)) - 1) * at[i], d[i], 0.02);
        }
    }
}
