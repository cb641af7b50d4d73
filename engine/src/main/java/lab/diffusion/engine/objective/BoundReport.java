package lab.diffusion.engine.objective;

/**
 * The bound K on held-out data (paper-math §4), per sample, in model units.
 *
 * @param samples  number of held-out points
 * @param dim      data dimension D
 * @param kNats    K in nats per sample
 * @param lnullNats L_null, the log-likelihood under N(0, I), nats per sample
 * @param klPerT   E[KL] at each step in nats per sample, index t (0 and 1 are zero)
 * @param reverseVariancePerT the learned reverse variance f_Σ averaged over the held-out x⁽ᵗ⁾ and
 *                 coordinates at each step (Gaussian models; empty otherwise), to set against the
 *                 entropy bounds β̃ₜ and βₜ (paper §2.6)
 * @param standardErrorNats the standard error of K from the spread of the per-point values
 *                 (sd / √samples), or NaN when unknown
 */
public record BoundReport(int samples, int dim, double kNats, double lnullNats, double[] klPerT, double[] reverseVariancePerT,
                          double standardErrorNats) {

    private static final double LN2 = Math.log(2.0);

    public BoundReport {
        klPerT = klPerT.clone();
        reverseVariancePerT = reverseVariancePerT == null ? new double[0] : reverseVariancePerT.clone();
    }

    /** Without a standard error. */
    public BoundReport(int samples, int dim, double kNats, double lnullNats, double[] klPerT, double[] reverseVariancePerT) {
        this(samples, dim, kNats, lnullNats, klPerT, reverseVariancePerT, Double.NaN);
    }

    /** Without reverse variances (binomial models). */
    public BoundReport(int samples, int dim, double kNats, double lnullNats, double[] klPerT) {
        this(samples, dim, kNats, lnullNats, klPerT, null);
    }

    /** The standard error of K in bits (NaN when unknown). */
    public double standardErrorBits() {
        return standardErrorNats / LN2;
    }

    /** sd / √n of per-point values, in the values' unit (NaN for fewer than two). */
    public static double standardError(double[] perPoint) {
        int n = perPoint.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double v : perPoint) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : perPoint) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (n - 1) / n);
    }

    @Override
    public double[] reverseVariancePerT() {
        return reverseVariancePerT.clone();
    }

    @Override
    public double[] klPerT() {
        return klPerT.clone();
    }

    public double kBits() {
        return kNats / LN2;
    }

    public double lnullBits() {
        return lnullNats / LN2;
    }

    /** K − L_null in bits: how much better than a unit Gaussian. */
    public double kMinusLnullBits() {
        return (kNats - lnullNats) / LN2;
    }

    /** E[KL] at step t in bits per sample. */
    public double klBits(int t) {
        return klPerT[t] / LN2;
    }
}
