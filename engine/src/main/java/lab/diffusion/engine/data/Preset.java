package lab.diffusion.engine.data;

import lab.diffusion.engine.Named;
import java.util.SplittableRandom;

/** The 2D preset distributions. Points are generated in data units; see {@link #standardizer()}. */
public enum Preset implements Named {
    SWISSROLL("swissroll", "Swiss roll"),
    MOONS("moons", "Two moons"),
    GAUSSIANS8("gaussians8", "8 Gaussians"),
    RINGS("rings", "Concentric rings"),
    CHECKERBOARD("checkerboard", "Checkerboard"),
    SPIRAL("spiral", "Two-arm spiral"),
    SMILEY("smiley", "Smiley");

    /** Exact population mean of the swiss roll (paper-math §4). */
    public static final double[] SWISSROLL_MEAN = {2.0, 2.0 / (3.0 * Math.PI)};
    /** Exact population scale of the swiss roll, √((9.75π² − |m|²)/2 + 0.25²). */
    public static final double SWISSROLL_SCALE = Math.sqrt(
            (9.75 * Math.PI * Math.PI - (4.0 + 4.0 / (9.0 * Math.PI * Math.PI))) / 2.0 + 0.0625);
    /**
     * The swiss roll's true log-likelihood in bits per sample, standardized units: the ceiling for
     * K (paper-math §4; {@link SwissRollDensity} computes it, its test checks this figure).
     */
    public static final double SWISSROLL_LOGLIK_BITS = -0.946;
    /** Standard deviation of the swiss roll's Gaussian noise (data units). */
    public static final double SWISSROLL_NOISE = 0.25;

    private final String id;
    private final String label;
    private volatile Standardizer standardizer;

    Preset(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @Override
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Finds a preset by id, or null. */
    public static Preset find(String text) {
        try {
            return Named.parse(Preset.class, text, "preset");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static String ids() {
        return Named.ids(Preset.class);
    }

    /** n points in data units, reproducible from the seed. */
    public PointSet generate(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one point, got " + n);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] c = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double[] p = point(rng);
            c[2 * i] = (float) p[0];
            c[2 * i + 1] = (float) p[1];
        }
        return PointSet.wrap(c, 2);
    }

    /**
     * The standardization used for this preset, independent of how many points are drawn: the
     * swiss roll's exact population constants, for the others a fit to 200,000 points with seed 0.
     */
    public Standardizer standardizer() {
        Standardizer s = standardizer;
        if (s == null) {
            s = this == SWISSROLL
                    ? new Standardizer(SWISSROLL_MEAN, SWISSROLL_SCALE)
                    : Standardizer.fit(generate(200_000, 0L));
            standardizer = s;
        }
        return s;
    }

    private double[] point(SplittableRandom r) {
        return switch (this) {
            case SWISSROLL -> {
                double theta = 1.5 * Math.PI + 3.0 * Math.PI * r.nextDouble();
                yield new double[] {
                    theta * Math.cos(theta) + SWISSROLL_NOISE * r.nextGaussian(),
                    theta * Math.sin(theta) + SWISSROLL_NOISE * r.nextGaussian()};
            }
            case MOONS -> {
                double a = Math.PI * r.nextDouble();
                boolean upper = r.nextBoolean();
                double x = upper ? Math.cos(a) : 1.0 - Math.cos(a);
                double y = upper ? Math.sin(a) : 0.5 - Math.sin(a);
                yield new double[] {x + 0.08 * r.nextGaussian(), y + 0.08 * r.nextGaussian()};
            }
            case GAUSSIANS8 -> {
                double a = Math.PI / 4.0 * r.nextInt(8);
                yield new double[] {2.0 * Math.cos(a) + 0.1 * r.nextGaussian(), 2.0 * Math.sin(a) + 0.1 * r.nextGaussian()};
            }
            case RINGS -> {
                // radii 1, 2, 3 with probability proportional to circumference: even density along the rings
                double u = 6.0 * r.nextDouble();
                double radius = u < 1.0 ? 1.0 : u < 3.0 ? 2.0 : 3.0;
                double a = 2.0 * Math.PI * r.nextDouble();
                yield new double[] {radius * Math.cos(a) + 0.06 * r.nextGaussian(), radius * Math.sin(a) + 0.06 * r.nextGaussian()};
            }
            case CHECKERBOARD -> {
                // 4×4 board on [−2, 2]²; the 8 squares with (col + row) even are filled
                int cell = r.nextInt(8);
                int row = cell / 2;
                int col = 2 * (cell % 2) + (row % 2);
                yield new double[] {-2.0 + col + r.nextDouble(), -2.0 + row + r.nextDouble()};
            }
            case SMILEY -> {
                // face outline (half the points), two eyes, a smiling mouth
                double u = r.nextDouble();
                double x;
                double y;
                if (u < 0.5) {
                    double a = 2 * Math.PI * r.nextDouble();
                    x = 2.0 * Math.cos(a);
                    y = 2.0 * Math.sin(a);
                } else if (u < 0.7) {
                    double a = 2 * Math.PI * r.nextDouble();
                    double rad = 0.22 * Math.sqrt(r.nextDouble());
                    x = (u < 0.6 ? -0.7 : 0.7) + rad * Math.cos(a);
                    y = 0.65 + rad * Math.sin(a);
                } else {
                    double a = Math.PI * (1.2 + 0.6 * r.nextDouble());
                    x = 1.1 * Math.cos(a);
                    y = 0.1 + 1.1 * Math.sin(a);
                }
                yield new double[] {x + 0.05 * r.nextGaussian(), y + 0.05 * r.nextGaussian()};
            }
            case SPIRAL -> {
                double s = Math.sqrt(r.nextDouble());
                double a = 0.5 * Math.PI + 3.0 * Math.PI * s;
                double radius = a;
                double sign = r.nextBoolean() ? 1.0 : -1.0;
                yield new double[] {
                    sign * radius * Math.cos(a) + 0.2 * r.nextGaussian(),
                    sign * radius * Math.sin(a) + 0.2 * r.nextGaussian()};
            }
        };
    }
}
