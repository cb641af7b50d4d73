package lab.diffusion.engine.train;

import lab.diffusion.engine.nn.Optimizer;
import lab.diffusion.engine.nn.ParamBuffer;

/**
 * Keeps training from going off the rails: tells a diverged step (a loss or gradient that is not
 * finite, or a loss beyond {@link #LOSS_LIMIT}) from a good one, and keeps the last parameters
 * and optimizer state known to be good to go back to. Engine thread (its trainer's).
 */
final class DivergenceGuard {

    /** A loss beyond this many nats per example is treated as divergence. */
    static final double LOSS_LIMIT = 1e8;

    private double[] params;
    private double[] state;
    private long step;
    private long iteration;

    /** True when the step with this loss and gradient must not be applied. */
    static boolean diverged(double loss, double[] grad) {
        return !Double.isFinite(loss) || Math.abs(loss) > LOSS_LIMIT || !allFinite(grad);
    }

    /** v·0 is 0 for finite v and NaN otherwise; four sums break the dependency chain of one. */
    static boolean allFinite(double[] a) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int n = a.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * 0.0;
            s1 += a[i + 1] * 0.0;
            s2 += a[i + 2] * 0.0;
            s3 += a[i + 3] * 0.0;
        }
        for (; i < n; i++) {
            s0 += a[i] * 0.0;
        }
        return s0 + s1 + s2 + s3 == 0.0;
    }

    /** Remembers the current parameters, optimizer state and step as good. */
    void save(ParamBuffer p, Optimizer o, long atStep) {
        params = p.master().clone();
        state = o.state();
        step = atStep;
        iteration = o.iteration();
    }

    /** Puts the good parameters and optimizer state back; returns the step they are from. */
    long restore(ParamBuffer p, Optimizer o) {
        p.setAll(params);
        o.restore(state, iteration);
        return step;
    }

    /** What a person reads when the step after {@code at - 1} diverged with {@code loss}. */
    static String message(long at, double loss, long restoredStep, double learningRate) {
        String what = Double.isFinite(loss) ? "the loss exploded (" + String.format("%.3g", loss) + " nats)"
                : "the loss or its gradient became " + (Double.isNaN(loss) ? "NaN" : "infinite");
        return "Training diverged at step " + at + ": " + what + ". Restored the parameters from step " + restoredStep
                + "; try a smaller learning rate (now " + learningRate + ").";
    }
}
