package lab.diffusion.engine.metrics;

import java.util.Arrays;
import lab.diffusion.engine.data.PointSet;

/**
 * Sliced 2-Wasserstein distance between two equal-size 2D point sets in float64: the root mean
 * over 128 fixed directions θₖ = π(k+½)/128 of the squared 1D W₂ between sorted projections.
 */
public final class SlicedWasserstein {

    public static final int DIRECTIONS = 128;

    private SlicedWasserstein() {
    }

    public static double distance(PointSet a, PointSet b) {
        if (a.dim() != 2 || b.dim() != 2) {
            throw new IllegalArgumentException("sliced Wasserstein is defined here for 2D points");
        }
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("sets must have equal size (" + a.size() + " vs " + b.size() + ")");
        }
        int n = a.size();
        if (n == 0) {
            throw new IllegalArgumentException("empty point sets");
        }
        double[] pa = new double[n];
        double[] pb = new double[n];
        double total = 0.0;
        for (int k = 0; k < DIRECTIONS; k++) {
            double th = Math.PI * (k + 0.5) / DIRECTIONS;
            double c = Math.cos(th);
            double s = Math.sin(th);
            for (int i = 0; i < n; i++) {
                pa[i] = c * a.get(i, 0) + s * a.get(i, 1);
                pb[i] = c * b.get(i, 0) + s * b.get(i, 1);
            }
            Arrays.sort(pa);
            Arrays.sort(pb);
            double w = 0.0;
            for (int i = 0; i < n; i++) {
                double d = pa[i] - pb[i];
                w += d * d;
            }
            total += w / n;
        }
        return Math.sqrt(total / DIRECTIONS);
    }
}
