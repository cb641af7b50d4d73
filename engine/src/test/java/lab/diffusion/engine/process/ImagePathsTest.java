package lab.diffusion.engine.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.diffusion.engine.data.DeadLeaves;
import lab.diffusion.engine.data.ImageData;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import org.junit.jupiter.api.Test;

class ImagePathsTest {

    @Test
    void theChainStartsAtTheImagesAndHasTheClosedFormMarginal() {
        PointData d = ImageData.of(ImageData.DEADLEAVES, DeadLeaves.generate(60, 16, 3), DeadLeaves.generate(10, 16, 4), 5);
        Schedule s = Schedules.create(ScheduleFamily.COSINE, 50);
        float[][] st = ImagePaths.compute(d, s, 40, 11);
        assertEquals(51, st.length);
        float[] x0 = new float[40 * d.dim()];
        d.train().copyRows(0, 40, x0, 0);
        assertArrayEquals(ImageData.toGrey(x0, d.standardizer()), st[0], 0f);
        // q(x⁽ᵗ⁾ | x⁽⁰⁾) = N(√ᾱₜ x⁽⁰⁾, (1 − ᾱₜ) I) in model units; grey levels clip at 0 and 255, so only unclipped pixels count
        int t = 6;
        double ab = s.alphaBar(t);
        float[] xt = ImageData.toModel(st[t], d.standardizer());
        float[] z0 = ImageData.toModel(st[0], d.standardizer());
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int i = 0; i < xt.length; i++) {
            if (st[t][i] > 0 && st[t][i] < 255) {
                double r = xt[i] - Math.sqrt(ab) * z0[i];
                sum += r;
                sq += r * r;
                n++;
            }
        }
        assertTrue(n > 0.9 * xt.length, "most pixels unclipped: " + n);
        double mean = sum / n;
        double var = sq / n - mean * mean;
        assertEquals(0, mean, 0.01);
        assertEquals(1 - ab, var, 0.06 * (1 - ab));
    }
}
