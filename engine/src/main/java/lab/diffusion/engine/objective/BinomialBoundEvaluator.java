package lab.diffusion.engine.objective;

import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.model.BinaryReverseModel;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.process.BinomialProcess;

/**
 * Held-out K of a binomial model: every step t = 2..T for every held-out sequence (one forward
 * sample x⁽ᵗ⁾ per sequence and step), K = −Σₜ E[KL] + H_q(X⁽ᵀ⁾|X⁽⁰⁾) − H_q(X⁽¹⁾|X⁽⁰⁾) − H_p(X⁽ᵀ⁾)
 * with the entropies exact per sequence. Nats per sequence; sums in double.
 */
public final class BinomialBoundEvaluator {

    private BinomialBoundEvaluator() {
    }

    public static BoundReport evaluate(BinaryReverseModel model, PointSet heldout, long seed) {
        return evaluate(model, heldout, seed, () -> false);
    }

    /** As {@link #evaluate(BinaryReverseModel, PointSet, long)}, abandoned between two steps once {@code cancelled} says so. */
    public static BoundReport evaluate(BinaryReverseModel model, PointSet heldout, long seed, BooleanSupplier cancelled) {
        return evaluate(model, heldout, seed, cancelled, t -> { });
    }

    /** As above, telling {@code progress} each step t as it is done. */
    public static BoundReport evaluate(BinaryReverseModel model, PointSet heldout, long seed, BooleanSupplier cancelled,
                                       IntConsumer progress) {
        int dim = model.dim();
        if (heldout.dim() != dim) {
            throw new IllegalArgumentException("held-out sequences have " + heldout.dim() + " bits, the model " + dim);
        }
        int n = heldout.size();
        if (n == 0) {
            throw new IllegalArgumentException("no held-out sequences");
        }
        int steps = model.schedule().steps();
        BinomialProcess q = new BinomialProcess(model.schedule(), model.baseRate());
        int[] x0 = new int[n * dim];
        double entropy = 0.0;
        double[] perPoint = new double[n];
        for (int i = 0; i < n; i++) {
            int ones = 0;
            for (int d = 0; d < dim; d++) {
                x0[i * dim + d] = heldout.get(i, d) > 0.5f ? 1 : 0;
                ones += x0[i * dim + d];
            }
            perPoint[i] = q.entropyTerms(ones, dim - ones);
            entropy += perPoint[i];
        }
        entropy /= n;
        float[] xt = new float[n * dim];
        double[] u = new double[n * dim];
        float[] prob = new float[n * dim];
        double[] klPerT = new double[steps + 1];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int t = 2; t <= steps; t++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("the evaluation was no longer wanted");
            }
            for (int k = 0; k < x0.length; k++) {
                int x = rng.nextDouble() < q.marginal(t, x0[k]) ? 1 : 0;
                xt[k] = x;
                u[k] = q.posterior(t, x, x0[k]);
            }
            final int step = t;
            Nd4jRuntime.run(() -> model.reverse(xt, n, step, prob));
            double sum = 0.0;
            for (int k = 0; k < x0.length; k++) {
                double v = Math.min(Math.max(prob[k], 1e-12), 1 - 1e-12);
                double kl = BinomialProcess.kl(u[k], v);
                sum += kl;
                perPoint[k / dim] -= kl;
            }
            klPerT[t] = sum / n;
            progress.accept(t);
        }
        double klTotal = 0.0;
        for (int t = 2; t <= steps; t++) {
            klTotal += klPerT[t];
        }
        return new BoundReport(n, dim, -klTotal + entropy, q.nullLogLikelihood(dim), klPerT, null,
                BoundReport.standardError(perPoint));
    }
}
