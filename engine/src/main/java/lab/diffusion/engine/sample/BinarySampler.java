package lab.diffusion.engine.sample;

import java.util.SplittableRandom;
import lab.diffusion.engine.model.BinaryReverseModel;
import lab.diffusion.engine.nn.Nd4jRuntime;

/** Runs a learned binomial reverse process from x⁽ᵀ⁾ ~ Bernoulli(p̄)^D down to x⁽⁰⁾. */
public final class BinarySampler {

    private BinarySampler() {
    }

    /** n sequences (0/1 as floats); with keepAll every x⁽ᵗ⁾ is kept for the timeline. */
    public static Trajectory sample(BinaryReverseModel model, int n, long seed, boolean keepAll) {
        if (n < 1) {
            throw new IllegalArgumentException("number of samples must be at least 1, got " + n);
        }
        int dim = model.dim();
        int steps = model.schedule().steps();
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * dim];
        double p = model.baseRate();
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble() < p ? 1f : 0f;
        }
        float[][] states = new float[steps + 1][];
        states[steps] = x.clone();
        float[] prob = new float[x.length];
        for (int t = steps; t >= 1; t--) {
            final int step = t;
            final float[] cur = x;
            Nd4jRuntime.run(() -> model.reverse(cur, n, step, prob));
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextDouble() < prob[i] ? 1f : 0f;
            }
            if (keepAll || t == 1) {
                states[t - 1] = x.clone();
            }
        }
        return new Trajectory(dim, n, states);
    }
}
