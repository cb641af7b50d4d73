package lab.diffusion.engine.train;

import lab.diffusion.engine.nn.Optimizer;
import lab.diffusion.engine.nn.ParamBuffer;

/**
 * Keeps training from going off the rails, for every model: tells a diverged step (a loss or
 * gradient that is not finite, or a loss beyond {@link #LOSS_LIMIT}) from a good one, notices a
 * model that its own steps made far worse (the smoothed K estimate fallen more than
 * max(20 bits, |L_null|) below its best after {@link #WARM_UP} steps: a learning rate too large
 * for the model, with every number still finite), and keeps the last parameters and optimizer
 * state known to be good to go back to. Engine thread (its trainer's).
 */
final class DivergenceGuard {

    /** A loss beyond this many nats per example is treated as divergence. */
    static final double LOSS_LIMIT = 1e8;
    /** Steps before a fall of K counts (the first estimates are noisy). */
    static final long WARM_UP = 100;

    private final double marginBits;
    private double bestK = Double.NaN;
    private double[] params;
    private double[] state;
    private long step;
    private long iteration;
    private double savedK;

    /** @param lnullBits L_null of the model's data, bits per example (sets how far K may fall) */
    DivergenceGuard(double lnullBits) {
        this.marginBits = Math.max(20.0, Math.abs(lnullBits));
    }

    /**
     * Follows the smoothed K estimate (bits) after each step; true when, after the warm-up, it
     * has fallen more than the margin below its best so far.
     */
    boolean collapsed(long atStep, double kBits) {
        if (Double.isNaN(kBits)) {
            return false;
        }
        if (Double.isNaN(bestK) || kBits > bestK) {
            bestK = kBits;
        }
        return atStep >= WARM_UP && kBits < bestK - marginBits;
    }

    /** True when a state with this K estimate may be kept to go back to (not on its way down). */
    boolean healthy(double kBits) {
        return Double.isNaN(bestK) || Double.isNaN(kBits) || kBits >= bestK - marginBits / 2;
    }

    /** What a person reads about a fall of K from its best to {@code kBits}. */
    String fall(double kBits) {
        return String.format("its K estimate fell from %.1f to %.1f bits", bestK, kBits);
    }

    /** The K estimate when the good state was saved. */
    double savedK() {
        return savedK;
    }

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

    /** Remembers the current parameters, optimizer state, step and K estimate as good. */
    void save(ParamBuffer p, Optimizer o, long atStep, double kBits) {
        savedK = kBits;
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

    /** What a person reads about a step that diverged with {@code loss}. */
    static String lossProblem(double loss) {
        return Double.isFinite(loss) ? "the loss exploded (" + String.format("%.3g", loss) + " nats)"
                : "the loss or its gradient became " + (Double.isNaN(loss) ? "NaN" : "infinite");
    }

    /** What a person reads when training diverged at step {@code at} because of {@code what}. */
    static String message(long at, String what, long restoredStep, double learningRate) {
        return "Training diverged at step " + at + ": " + what + ". Restored the parameters from step " + restoredStep
                + "; try a smaller learning rate (now " + learningRate + ").";
    }
}
