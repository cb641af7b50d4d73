package lab.diffusion.engine.data;


/**
 * The exact density of the swiss roll preset (paper-math §4): θ ~ U[1.5π, 4.5π],
 * p = (θ cos θ, θ sin θ) + σ·N(0, I₂), so p(x) = (1/3π) ∫ N(x; c(θ), σ²I) dθ, integrated by the
 * trapezoid rule on a grid fine enough that each step moves the curve by a fifth of σ. Its
 * average log density over the preset's own points is the ceiling for any model's K. Any thread.
 */
public final class SwissRollDensity {

    /** Grid points over the angle: the curve moves at most 4.5π·3π/GRID ≈ 0.04 (σ/6) per step. */
    static final int GRID = 3000;

    private SwissRollDensity() {
    }

    /** log p(x) in nats per sample, x in data units (not standardized). */
    public static double logDensity(double x, double y) {
        double lo = 1.5 * Math.PI;
        double span = 3.0 * Math.PI;
        double h = span / (GRID - 1);
        double s2 = Preset.SWISSROLL_NOISE * Preset.SWISSROLL_NOISE;
        double[] logs = new double[GRID];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < GRID; i++) {
            double th = lo + i * h;
            double dx = x - th * Math.cos(th);
            double dy = y - th * Math.sin(th);
            logs[i] = -(dx * dx + dy * dy) / (2 * s2);
            max = Math.max(max, logs[i]);
        }
        double sum = 0;
        for (int i = 0; i < GRID; i++) {
            double w = i == 0 || i == GRID - 1 ? 0.5 : 1.0;
            sum += w * Math.exp(logs[i] - max);
        }
        return max + Math.log(sum * h / span) - Math.log(2 * Math.PI * s2);
    }

    /**
     * The mean log density of n of the preset's points drawn with {@code seed}, in bits per sample
     * in standardized units (as K is reported), with its Monte-Carlo standard error.
     *
     * @return {mean, standard error}
     */
    public static double[] meanLogLikelihoodBits(int n, long seed) {
        PointSet p = Preset.SWISSROLL.generate(n, seed);
        double logScale = 2 * Math.log(Preset.SWISSROLL_SCALE); // density in standardized units: × s²
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double v = (logDensity(p.get(i, 0), p.get(i, 1)) + logScale) / Math.log(2);
            sum += v;
            sq += v * v;
        }
        double mean = sum / n;
        double var = (sq / n - mean * mean) * n / (n - 1.0);
        return new double[] {mean, Math.sqrt(var / n)};
    }
}
