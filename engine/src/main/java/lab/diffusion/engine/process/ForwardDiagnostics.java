package lab.diffusion.engine.process;

import java.util.SplittableRandom;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.schedule.Schedule;

/**
 * How far the forward process's end point x⁽ᵀ⁾ is from N(0, I): a Monte-Carlo estimate of
 * KL(q(x⁽ᵀ⁾) ‖ N(0, I)) where q(x⁽ᵀ⁾) is the Gaussian mixture Σᵢ N(√ᾱ_T x⁽⁰⁾ᵢ, (1−ᾱ_T)I)/n over
 * the data points (model units). (A Gaussian fitted to x⁽ᵀ⁾ cannot tell: for unit-variance data
 * its covariance is the identity whatever the schedule.)
 */
public final class ForwardDiagnostics {

    /** Above this KL (nats) a schedule is said not to reach noise. */
    public static final double NOT_NOISE_NATS = 0.05;
    /** Data points used as mixture centres (a random subset if there are more). */
    public static final int CENTRES = 2000;

    private ForwardDiagnostics() {
    }

    /**
     * E over x⁽ᵀ⁾ ~ q of [log q(x⁽ᵀ⁾) − log N(x⁽ᵀ⁾; 0, I)], nats, from {@code samples} draws.
     */
    public static double endpointKl(PointSet data, Schedule s, int samples, long seed) {
        int n = data.size();
        int dim = data.dim();
        if (n < 1) {
            return Double.NaN;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int m = Math.min(n, CENTRES);
        double[] centres = new double[m * dim];
        double a = Math.sqrt(s.alphaBar(s.steps()));
        double var = s.oneMinusAlphaBar(s.steps());
        for (int k = 0; k < m; k++) {
            int i = n <= CENTRES ? k : rng.nextInt(n);
            for (int d = 0; d < dim; d++) {
                centres[k * dim + d] = a * data.get(i, d);
            }
        }
        double sd = Math.sqrt(var);
        double logNorm = -0.5 * dim * Math.log(var);
        double[] x = new double[dim];
        double[] lw = new double[m];
        double sum = 0;
        for (int j = 0; j < samples; j++) {
            int c = rng.nextInt(m);
            double r2 = 0;
            for (int d = 0; d < dim; d++) {
                x[d] = centres[c * dim + d] + sd * rng.nextGaussian();
                r2 += x[d] * x[d];
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < m; k++) {
                double q = 0;
                for (int d = 0; d < dim; d++) {
                    double v = x[d] - centres[k * dim + d];
                    q += v * v;
                }
                lw[k] = -0.5 * q / var;
                max = Math.max(max, lw[k]);
            }
            double se = 0;
            for (int k = 0; k < m; k++) {
                se += Math.exp(lw[k] - max);
            }
            double logQ = max + Math.log(se / m) + logNorm; // (2π)^(−D/2) cancels against the prior's
            double logPi = -0.5 * r2;
            sum += logQ - logPi;
        }
        return sum / samples;
    }

    /**
     * For binary data: E over x⁽ᵀ⁾ ~ q of [log q(x⁽ᵀ⁾) − log π(x⁽ᵀ⁾)] in nats, with q(x⁽ᵀ⁾) the
     * mixture Σᵢ ∏_d Bernoulli(m_T(x⁽⁰⁾ᵢ_d))/n and π = Bernoulli(p̄)^D.
     */
    public static double binaryEndpointKl(PointSet data, Schedule s, double baseRate, int samples, long seed) {
        int n = data.size();
        int dim = data.dim();
        if (n < 1) {
            return Double.NaN;
        }
        BinomialProcess q = new BinomialProcess(s, baseRate);
        int steps = s.steps();
        double[] log1 = {Math.log1p(-q.marginal(steps, 0)), Math.log(q.marginal(steps, 0))};
        double[] log0 = {Math.log1p(-q.marginal(steps, 1)), Math.log(q.marginal(steps, 1))};
        SplittableRandom rng = new SplittableRandom(seed);
        int m = Math.min(n, CENTRES);
        int[] centres = new int[m * dim];
        for (int k = 0; k < m; k++) {
            int i = n <= CENTRES ? k : rng.nextInt(n);
            for (int d = 0; d < dim; d++) {
                centres[k * dim + d] = data.get(i, d) > 0.5f ? 1 : 0;
            }
        }
        double lp1 = Math.log(baseRate);
        double lp0 = Math.log1p(-baseRate);
        int[] x = new int[dim];
        double[] lw = new double[m];
        double sum = 0;
        for (int j = 0; j < samples; j++) {
            int c = rng.nextInt(m);
            double logPi = 0;
            for (int d = 0; d < dim; d++) {
                x[d] = rng.nextDouble() < q.marginal(steps, centres[c * dim + d]) ? 1 : 0;
                logPi += x[d] == 1 ? lp1 : lp0;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < m; k++) {
                double l = 0;
                for (int d = 0; d < dim; d++) {
                    // log Bernoulli(x_d; m_T(x0_d)): tables indexed by x0 (log0 for x0 = 1, log1 for x0 = 0)
                    double[] table = centres[k * dim + d] == 1 ? log0 : log1;
                    l += table[x[d]];
                }
                lw[k] = l;
                max = Math.max(max, l);
            }
            double se = 0;
            for (int k = 0; k < m; k++) {
                se += Math.exp(lw[k] - max);
            }
            sum += max + Math.log(se / m) - logPi;
        }
        return sum / samples;
    }

    /**
     * For high-dimensional data (images): the KL from N(0, I) of the diagonal Gaussian fitted to
     * q(x⁽ᵀ⁾), per dimension N(√ᾱ_T·m_d, ᾱ_T·v_d + 1 − ᾱ_T) with m_d, v_d the data's mean and
     * variance, summed over dimensions (nats). Exact when the data are Gaussian with diagonal
     * covariance; it ignores correlations, which a mixture estimate in 784 dimensions cannot see either.
     */
    public static double diagonalGaussianEndpointKl(PointSet data, Schedule s) {
        int n = data.size();
        int dim = data.dim();
        if (n < 2) {
            return Double.NaN;
        }
        double ab = s.alphaBar(s.steps());
        double total = 0;
        for (int d = 0; d < dim; d++) {
            double m = 0;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                m += data.get(i, d);
            }
            m /= n;
            for (int i = 0; i < n; i++) {
                double v = data.get(i, d) - m;
                ss += v * v;
            }
            double mean = Math.sqrt(ab) * m;
            double var = ab * ss / (n - 1) + (1 - ab);
            total += 0.5 * (var + mean * mean - 1 - Math.log(var));
        }
        return total;
    }
}
