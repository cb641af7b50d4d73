package lab.diffusion.engine.process;

import java.util.SplittableRandom;
import lab.diffusion.engine.data.ImageData;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.schedule.Schedule;

/**
 * Forward trajectories of the first training images for the Forward grid: the Gaussian kernel
 * x⁽ᵗ⁾ = √(1−βₜ)·x⁽ᵗ⁻¹⁾ + √βₜ·ε in model units, shown in grey levels. Pure Java, any thread.
 */
public final class ImagePaths {

    private ImagePaths() {
    }

    /** states[t] holds the first {@code count} training images at step t (row-major grey levels), t = 0..T. */
    public static float[][] compute(PointData d, Schedule s, int count, long seed) {
        int px = d.dim();
        int n = Math.min(count, d.train().size());
        float[] x = new float[n * px];
        d.train().copyRows(0, n, x, 0);
        float[][] states = new float[s.steps() + 1][];
        states[0] = ImageData.toGrey(x, d.standardizer());
        SplittableRandom rng = new SplittableRandom(seed);
        for (int t = 1; t <= s.steps(); t++) {
            double a = Math.sqrt(1 - s.beta(t));
            double b = Math.sqrt(s.beta(t));
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (a * x[i] + b * rng.nextGaussian());
            }
            states[t] = ImageData.toGrey(x, d.standardizer());
        }
        return states;
    }
}
