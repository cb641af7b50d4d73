package lab.diffusion.engine.objective;

import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.model.GaussianTables;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.schedule.Schedule;

/**
 * Exact held-out K: every step t = 2..T for every held-out point (one forward sample x⁽ᵗ⁾ per
 * point and step), K = −Σₜ E[KL] + H_q(X⁽ᵀ⁾|X⁽⁰⁾) − H_q(X⁽¹⁾|X⁽⁰⁾) − H_p(X⁽ᵀ⁾). Sums in double.
 */
public final class BoundEvaluator {

    private BoundEvaluator() {
    }

    /** Evaluates K of the model on the held-out points (model units); ε drawn from the seed. */
    public static BoundReport evaluate(ReverseModel model, PointSet heldout, long seed) {
        return evaluate(model, heldout, seed, () -> false);
    }

    /**
     * As {@link #evaluate(ReverseModel, PointSet, long)}, abandoned between two steps t with a
     * {@link CancellationException} once {@code cancelled} says so.
     */
    public static BoundReport evaluate(ReverseModel model, PointSet heldout, long seed, BooleanSupplier cancelled) {
        return evaluate(model, heldout, seed, cancelled, t -> { });
    }

    /** As above, telling {@code progress} each step t as it is done. */
    public static BoundReport evaluate(ReverseModel model, PointSet heldout, long seed, BooleanSupplier cancelled,
                                       IntConsumer progress) {
        Schedule s = model.schedule();
        int steps = s.steps();
        int dim = model.dim();
        if (heldout.dim() != dim) {
            throw new IllegalArgumentException("held-out points are " + heldout.dim() + "D, the model is " + dim + "D");
        }
        int n = heldout.size();
        if (n == 0) {
            throw new IllegalArgumentException("no held-out points");
        }
        GaussianTables tab = new GaussianTables(s);
        float[] x0 = heldout.toArray();
        float[] xt = new float[x0.length];
        double[] muTilde = new double[x0.length];
        float[] mean = new float[x0.length];
        float[] var = new float[x0.length];
        double[] klPerT = new double[steps + 1];
        double[] varPerT = new double[steps + 1];
        double[] perPoint = new double[n];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int t = 2; t <= steps; t++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("the evaluation was no longer wanted");
            }
            double a = tab.sqrtAlphaBar[t];
            double sd = tab.sqrtOneMinusAlphaBar[t];
            for (int i = 0; i < x0.length; i++) {
                double x = a * x0[i] + sd * rng.nextGaussian();
                xt[i] = (float) x;
                muTilde[i] = tab.postX0[t] * x0[i] + tab.postXt[t] * xt[i];
            }
            final int step = t;
            Nd4jRuntime.run(() -> model.reverse(xt, n, step, mean, var));
            double pv = tab.postVar[t];
            double lpv = tab.logPostVar[t];
            double sum = 0.0;
            double vs = 0.0;
            for (int i = 0; i < x0.length; i++) {
                double v = var[i];
                double kl = GaussianTables.kl(muTilde[i], pv, lpv, mean[i], v, Math.log(v));
                sum += kl;
                perPoint[i / dim] += kl;
                vs += v;
            }
            klPerT[t] = sum / n;
            varPerT[t] = vs / x0.length;
            progress.accept(t);
        }
        double klTotal = 0.0;
        for (int t = 2; t <= steps; t++) {
            klTotal += klPerT[t];
        }
        double k = -klTotal + GaussianTables.entropyTerms(s, dim);
        varPerT[1] = s.beta(1); // the fixed last step
        return new BoundReport(n, dim, k, GaussianTables.nullLogLikelihood(dim), klPerT, varPerT,
                BoundReport.standardError(perPoint));
    }
}
