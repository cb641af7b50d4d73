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
 */
public record BoundReport(int samples, int dim, double kNats, double lnullNats, double[] klPerT, double[] reverseVariancePerT) {

    private static final double LN2 = Math.log(2.0);

    public BoundReport {
        klPerT = klPerT.clone();
        reverseVariancePerT = reverseVariancePerT == null ? new double[0] : reverseVariancePerT.clone();
    }

    /** Without reverse variances (binomial models). */
    public BoundReport(int samples, int dim, double kNats, double lnullNats, double[] klPerT) {
        this(samples, dim, kNats, lnullNats, klPerT, null);
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
