package lab.diffusion.engine.metrics;

import lab.diffusion.engine.data.PointSet;

/**
 * Unbiased MMD² with an RBF kernel k(x, y) = exp(−|x − y|²/(2h²)), in float64:
 * mean over i≠j of k(xᵢ,xⱼ) + mean over i≠j of k(yᵢ,yⱼ) − 2·mean over i,j of k(xᵢ,yⱼ).
 */
public final class Mmd {

    public static final double DEFAULT_BANDWIDTH = 0.1;

    private Mmd() {
    }

    public static double unbiasedSquared(PointSet x, PointSet y, double bandwidth) {
        if (x.dim() != y.dim()) {
            throw new IllegalArgumentException("point sets have different dimensions");
        }
        if (x.size() < 2 || y.size() < 2) {
            throw new IllegalArgumentException("each set needs at least 2 points");
        }
        if (!(bandwidth > 0)) {
            throw new IllegalArgumentException("bandwidth must be positive");
        }
        double[] a = toDouble(x);
        double[] b = toDouble(y);
        int dim = x.dim();
        double gamma = 1.0 / (2.0 * bandwidth * bandwidth);
        double kxx = within(a, x.size(), dim, gamma);
        double kyy = within(b, y.size(), dim, gamma);
        double kxy = 0.0;
        for (int i = 0; i < x.size(); i++) {
            for (int j = 0; j < y.size(); j++) {
                kxy += Math.exp(-gamma * dist2(a, i, b, j, dim));
            }
        }
        kxy /= (double) x.size() * y.size();
        return kxx + kyy - 2.0 * kxy;
    }

    private static double within(double[] a, int n, int dim, double gamma) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                s += Math.exp(-gamma * dist2(a, i, a, j, dim));
            }
        }
        return 2.0 * s / ((double) n * (n - 1));
    }

    private static double dist2(double[] a, int i, double[] b, int j, int dim) {
        double s = 0.0;
        for (int d = 0; d < dim; d++) {
            double v = a[i * dim + d] - b[j * dim + d];
            s += v * v;
        }
        return s;
    }

    private static double[] toDouble(PointSet p) {
        double[] out = new double[p.size() * p.dim()];
        for (int i = 0; i < p.size(); i++) {
            for (int d = 0; d < p.dim(); d++) {
                out[i * p.dim() + d] = p.get(i, d);
            }
        }
        return out;
    }
}
