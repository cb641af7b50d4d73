package lab.diffusion.engine.sample;

import java.util.SplittableRandom;
import lab.diffusion.engine.model.ReverseModel;

/** Runs the learned reverse process from x⁽ᵀ⁾ ~ N(0, I) down to x⁽⁰⁾. */
public final class Sampler {

    private Sampler() {
    }

    /**
     * Samples n full reverse trajectories.
     *
     * @param keepAll keep every intermediate state (for the timeline) or only x⁽ᵀ⁾ and x⁽⁰⁾
     */
    public static Trajectory sample(ReverseModel model, int n, long seed, boolean keepAll) {
        if (n < 1) {
            throw new IllegalArgumentException("number of samples must be at least 1, got " + n);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * model.dim()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return run(model, x, n, rng, keepAll);
    }

    /**
     * Runs the reverse process from given starting points x⁽ᵀ⁾ (row-major n × D), e.g. the end
     * of a forward path a person clicked.
     */
    public static Trajectory sampleFrom(ReverseModel model, float[] start, long seed, boolean keepAll) {
        int dim = model.dim();
        if (start.length == 0 || start.length % dim != 0) {
            throw new IllegalArgumentException("starting points must be n × " + dim);
        }
        return run(model, start.clone(), start.length / dim, new SplittableRandom(seed), keepAll);
    }

    private static Trajectory run(ReverseModel model, float[] x, int n, SplittableRandom rng, boolean keepAll) {
        return Conditioning.run(model, x, n, keepAll, (mean, var, next) -> {
            for (int i = 0; i < next.length; i++) {
                next[i] = (float) (mean[i] + Math.sqrt(var[i]) * rng.nextGaussian());
            }
        });
    }
}
