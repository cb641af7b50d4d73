package lab.diffusion.engine.data;

/**
 * The global standardization of paper-math §1: subtract a mean, divide by one constant for all
 * dimensions. Keeps the constant so log p in data units is log p_model − D·ln(scale).
 */
public record Standardizer(double[] mean, double scale) {

    public Standardizer {
        mean = mean.clone();
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("the scale must be a positive finite number, got " + scale);
        }
        for (double m : mean) {
            if (!Double.isFinite(m)) {
                throw new IllegalArgumentException("the mean must be finite");
            }
        }
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    public int dim() {
        return mean.length;
    }

    /** Fits mean per dimension and s² = average per-dimension variance (total variance = D). */
    public static Standardizer fit(PointSet points) {
        int n = points.size();
        int dim = points.dim();
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 points to standardize, got " + n);
        }
        double[] mean = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                mean[d] += points.get(i, d);
            }
        }
        for (int d = 0; d < dim; d++) {
            mean[d] /= n;
        }
        double ss = 0;
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                double v = points.get(i, d) - mean[d];
                ss += v * v;
            }
        }
        double var = ss / ((double) (n - 1) * dim);
        if (!(var > 1e-24)) {
            throw new IllegalArgumentException("all points are identical; the data has no spread to standardize");
        }
        return new Standardizer(mean, Math.sqrt(var));
    }

    /** Data units → model units. */
    public PointSet apply(PointSet raw) {
        check(raw);
        float[] c = raw.toArray();
        int dim = raw.dim();
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) ((c[i] - mean[i % dim]) / scale);
        }
        return PointSet.wrap(c, dim);
    }

    /** Model units → data units. */
    public PointSet invert(PointSet model) {
        check(model);
        float[] c = model.toArray();
        int dim = model.dim();
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) (c[i] * scale + mean[i % dim]);
        }
        return PointSet.wrap(c, dim);
    }

    /** log p in data units = log p in model units − this (nats). */
    public double logDetNats() {
        return mean.length * Math.log(scale);
    }

    private void check(PointSet p) {
        if (p.dim() != mean.length) {
            throw new IllegalArgumentException("points are " + p.dim() + "D but the standardizer is " + mean.length + "D");
        }
    }
}
