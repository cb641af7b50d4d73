package lab.diffusion.engine.sample;

import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.schedule.Schedule;

/**
 * The reverse drift an ideal model would learn for a data distribution given by a reference
 * sample x⁽⁰⁾ᵢ (model units): E[x⁽ᵗ⁻¹⁾|x⁽ᵗ⁾] = c₀·E[x⁽⁰⁾|x⁽ᵗ⁾] + cₜ·x⁽ᵗ⁾ with posterior weights
 * wᵢ ∝ N(x⁽ᵗ⁾; √ᾱₜ x⁽⁰⁾ᵢ, (1−ᾱₜ)I). Exact for the empirical distribution of the sample; with
 * a few thousand points of a known preset it is the true posterior drift to plotting accuracy.
 */
public final class IdealDrift {

    private IdealDrift() {
    }

    /**
     * Drift E[x⁽ᵗ⁻¹⁾|x⁽ᵗ⁾] − x⁽ᵗ⁾ at the given 2D points (row-major), t in 2..T.
     *
     * @return row-major drift vectors
     */
    public static float[] at(PointSet reference, Schedule s, int t, float[] points) {
        if (t < 2 || t > s.steps()) {
            throw new IllegalArgumentException("the ideal drift is defined for t in 2.." + s.steps());
        }
        int n = reference.size();
        float[] ref = reference.toArray();
        double a = Math.sqrt(s.alphaBar(t));
        double inv2v = 1.0 / (2.0 * s.oneMinusAlphaBar(t));
        double c0 = s.posteriorCoefX0(t);
        double ct = s.posteriorCoefXt(t);
        int m = points.length / 2;
        float[] out = new float[points.length];
        double[] logw = new double[n];
        for (int k = 0; k < m; k++) {
            double x = points[2 * k];
            double y = points[2 * k + 1];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double dx = x - a * ref[2 * i];
                double dy = y - a * ref[2 * i + 1];
                double lw = -(dx * dx + dy * dy) * inv2v;
                logw[i] = lw;
                max = Math.max(max, lw);
            }
            double sw = 0;
            double ex = 0;
            double ey = 0;
            for (int i = 0; i < n; i++) {
                double w = Math.exp(logw[i] - max);
                sw += w;
                ex += w * ref[2 * i];
                ey += w * ref[2 * i + 1];
            }
            out[2 * k] = (float) (c0 * ex / sw + ct * x - x);
            out[2 * k + 1] = (float) (c0 * ey / sw + ct * y - y);
        }
        return out;
    }
}
