package lab.diffusion.engine.sample;

import java.util.SplittableRandom;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.objective.BoundReport;
import lab.diffusion.engine.schedule.Schedule;

/**
 * The model's log-likelihood by importance sampling over forward trajectories (paper §2.3,
 * paper-math §9): for N trajectories x⁽¹⁾…x⁽ᵀ⁾ ~ q(·|x⁽⁰⁾),
 * log wₙ = log π(x⁽ᵀ⁾) + Σₜ [log p(x⁽ᵗ⁻¹⁾|x⁽ᵗ⁾) − log q(x⁽ᵗ⁾|x⁽ᵗ⁻¹⁾)] and
 * log p(x⁽⁰⁾) ≈ logsumexp(log wₙ) − log N. E[log w] is the Jensen bound; the estimate rises
 * toward log p as N grows. Model units, nats per point internally; results in bits.
 */
public final class ImportanceSampling {

    /** Rows (points × samples) processed at once. */
    static final int ROWS = 65_536;
    private static final double LN2 = Math.log(2);
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /**
     * @param logpBits  mean over points of the IS estimate of log p(x⁽⁰⁾), bits
     * @param jensenBits mean of log w (a Monte Carlo estimate of the bound), bits
     * @param perPoint  the estimate for each point, nats
     * @param stdErrBits standard error of {@code logpBits} over the points (its Monte Carlo noise), bits
     */
    public record Result(int points, int samples, double logpBits, double jensenBits, double[] perPoint, double stdErrBits) {
    }

    private ImportanceSampling() {
    }

    public static Result estimate(ReverseModel model, PointSet x0, int samples, long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("need at least one importance sample");
        }
        int dim = model.dim();
        if (x0.dim() != dim) {
            throw new IllegalArgumentException("points are " + x0.dim() + "D, the model " + dim + "D");
        }
        int n = x0.size();
        double[] logp = new double[n];
        double jensen = 0;
        int perChunk = Math.max(1, ROWS / samples);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int start = 0; start < n; start += perChunk) {
            int m = Math.min(perChunk, n - start);
            double[] logW = logWeights(model, x0, start, m, samples, rng.split());
            for (int i = 0; i < m; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int s = 0; s < samples; s++) {
                    max = Math.max(max, logW[i * samples + s]);
                    jensen += logW[i * samples + s];
                }
                double sum = 0;
                for (int s = 0; s < samples; s++) {
                    sum += Math.exp(logW[i * samples + s] - max);
                }
                logp[start + i] = max + Math.log(sum) - Math.log(samples);
            }
        }
        double mean = 0;
        for (double v : logp) {
            mean += v;
        }
        mean /= n;
        double se = BoundReport.standardError(logp) / LN2;
        return new Result(n, samples, mean / LN2, jensen / ((double) n * samples) / LN2, logp, se);
    }

    /** log w for m points × samples trajectories, row i·samples + s. */
    private static double[] logWeights(ReverseModel model, PointSet x0, int start, int m, int samples, SplittableRandom rng) {
        int dim = model.dim();
        Schedule sch = model.schedule();
        int steps = sch.steps();
        int rows = m * samples;
        float[] prev = new float[rows * dim];
        for (int i = 0; i < m; i++) {
            for (int s = 0; s < samples; s++) {
                x0.copyRow(start + i, prev, (i * samples + s) * dim);
            }
        }
        float[] cur = new float[rows * dim];
        float[] mean = new float[rows * dim];
        float[] var = new float[rows * dim];
        double[] logW = new double[rows];
        for (int t = 1; t <= steps; t++) {
            double a = Math.sqrt(1 - sch.beta(t));
            double sb = Math.sqrt(sch.beta(t));
            double logQ = -0.5 * (LOG_2PI + Math.log(sch.beta(t)));
            for (int r = 0; r < rows; r++) {
                double lq = 0;
                for (int d = 0; d < dim; d++) {
                    int k = r * dim + d;
                    double e = rng.nextGaussian();
                    cur[k] = (float) (a * prev[k] + sb * e);
                    double z = (cur[k] - a * prev[k]) / sb;
                    lq += logQ - 0.5 * z * z;
                }
                logW[r] -= lq;
            }
            final int tt = t;
            final float[] x = cur;
            Nd4jRuntime.run(() -> model.reverse(x, rows, tt, mean, var));
            for (int r = 0; r < rows; r++) {
                double lp = 0;
                for (int d = 0; d < dim; d++) {
                    int k = r * dim + d;
                    double v = var[k];
                    double diff = prev[k] - mean[k];
                    lp += -0.5 * (LOG_2PI + Math.log(v) + diff * diff / v);
                }
                logW[r] += lp;
            }
            float[] swap = prev;
            prev = cur;
            cur = swap;
        }
        for (int r = 0; r < rows; r++) {
            double lpi = 0;
            for (int d = 0; d < dim; d++) {
                double v = prev[r * dim + d];
                lpi += -0.5 * (LOG_2PI + v * v);
            }
            logW[r] += lpi;
        }
        return logW;
    }
}
