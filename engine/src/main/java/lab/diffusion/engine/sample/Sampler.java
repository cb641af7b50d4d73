package lab.diffusion.engine.sample;

import java.util.SplittableRandom;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.nn.Nd4jRuntime;

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
        int dim = model.dim();
        int steps = model.schedule().steps();
        float[][] states = new float[steps + 1][];
        states[steps] = x.clone();
        float[] mean = new float[x.length];
        float[] var = new float[x.length];
        for (int t = steps; t >= 1; t--) {
            final int step = t;
            final float[] cur = x;
            Nd4jRuntime.run(() -> model.reverse(cur, n, step, mean, var));
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (mean[i] + Math.sqrt(var[i]) * rng.nextGaussian());
            }
            if (keepAll || t == 1) {
                states[t - 1] = x.clone();
            }
        }
        return new Trajectory(dim, n, states);
    }
}
