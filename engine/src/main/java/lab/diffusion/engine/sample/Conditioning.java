package lab.diffusion.engine.sample;

import java.util.SplittableRandom;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.nn.Nd4jRuntime;

/**
 * Sampling from a learned model multiplied by a second distribution r (paper §2.5,
 * paper-math §7), with r applied at every reverse step. All inputs and outputs are in model
 * units. Every method returns n samples; with keepAll the whole trajectory is kept.
 */
public final class Conditioning {

    /** A region of the 2D plane (model units) that samples are conditioned to lie in. */
    @FunctionalInterface
    public interface Region {
        boolean contains(float x, float y);
    }

    /** Tries per point and step of the rejection sampler before it gives up on the region. */
    static final int REGION_TRIES = 256;

    private Conditioning() {
    }

    /**
     * Inpainting: r is a delta on the known coordinates. x⁽ᵀ⁾ starts with the known values on
     * known coordinates and N(0, 1) elsewhere; at every step the known coordinates are set to
     * their observed values (variance 0) and only the hole is sampled.
     *
     * @param known observed values (D, model units); only read where {@code hole} is false
     * @param hole  true for the coordinates to fill
     */
    public static Trajectory inpaint(ReverseModel model, float[] known, boolean[] hole, int n, long seed, boolean keepAll) {
        int dim = model.dim();
        check(dim, known.length, n);
        if (hole.length != dim) {
            throw new IllegalArgumentException("the mask has " + hole.length + " entries, the model " + dim);
        }
        float[] k = new float[n * dim];
        boolean[] h = new boolean[n * dim];
        for (int i = 0; i < n; i++) {
            System.arraycopy(known, 0, k, i * dim, dim);
            System.arraycopy(hole, 0, h, i * dim, dim);
        }
        return inpaintRows(model, k, h, n, seed, keepAll);
    }

    /**
     * Inpainting with a known image and a mask per row (row-major n × D), e.g. several images
     * with several samples each in one run.
     */
    public static Trajectory inpaintRows(ReverseModel model, float[] known, boolean[] hole, int n, long seed, boolean keepAll) {
        int dim = model.dim();
        if (n < 1 || known.length != n * dim || hole.length != n * dim) {
            throw new IllegalArgumentException("known values and mask must both be n × " + dim);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * dim];
        for (int k = 0; k < x.length; k++) {
            x[k] = hole[k] ? (float) rng.nextGaussian() : known[k];
        }
        return run(model, x, n, keepAll, (mean, var, next) -> {
            for (int k = 0; k < next.length; k++) {
                next[k] = hole[k] ? (float) (mean[k] + Math.sqrt(var[k]) * rng.nextGaussian()) : known[k];
            }
        });
    }

    /**
     * Denoising: r(x) = N(y; x, s²I) for an observation y = x + noise. Each reverse step
     * N(μ, σ²) is multiplied by it in closed form: σ'² = (σ⁻² + s⁻²)⁻¹, μ' = σ'²(μ/σ² + y/s²);
     * x⁽ᵀ⁾ starts from π·r.
     *
     * @param noiseVariance s² in model units (1/SNR for unit-variance data)
     */
    public static Trajectory denoise(ReverseModel model, float[] y, double noiseVariance, int n, long seed, boolean keepAll) {
        int dim = model.dim();
        check(dim, y.length, n);
        if (!(noiseVariance > 0) || !Double.isFinite(noiseVariance)) {
            throw new IllegalArgumentException("the noise variance must be positive, got " + noiseVariance);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double inv = 1.0 / noiseVariance;
        float[] x = new float[n * dim];
        double v0 = 1.0 / (1.0 + inv);
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                x[i * dim + d] = (float) (v0 * y[d] * inv + Math.sqrt(v0) * rng.nextGaussian());
            }
        }
        return run(model, x, n, keepAll, (mean, var, next) -> {
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < dim; d++) {
                    int k = i * dim + d;
                    double v = 1.0 / (1.0 / var[k] + inv);
                    double m = v * (mean[k] / var[k] + y[d] * inv);
                    next[k] = (float) (m + Math.sqrt(v) * rng.nextGaussian());
                }
            }
        });
    }

    /**
     * 2D points conditioned on a region of the plane: r is the region's indicator, applied at
     * every step, so each step samples N(μ, σ²) restricted to the region (by rejection). A point
     * whose step finds no sample in the region after {@value #REGION_TRIES} tries keeps the
     * unrestricted sample; the returned trajectory counts them in {@link RegionResult#escaped()}.
     */
    public static RegionResult inRegion(ReverseModel model, Region region, int n, long seed, boolean keepAll) {
        if (model.dim() != 2) {
            throw new IllegalArgumentException("region conditioning is for 2D points, the model is " + model.dim() + "D");
        }
        if (n < 1) {
            throw new IllegalArgumentException("number of samples must be at least 1, got " + n);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[2 * n];
        long[] escaped = {0};
        for (int i = 0; i < n; i++) {
            float px = 0;
            float py = 0;
            boolean in = false;
            for (int k = 0; k < REGION_TRIES * 16 && !in; k++) {
                px = (float) rng.nextGaussian();
                py = (float) rng.nextGaussian();
                in = region.contains(px, py);
            }
            if (!in) {
                throw new IllegalArgumentException("the region is empty or too far from N(0, I) to start from");
            }
            x[2 * i] = px;
            x[2 * i + 1] = py;
        }
        Trajectory tr = run(model, x, n, keepAll, (mean, var, next) -> {
            for (int i = 0; i < n; i++) {
                double sx = Math.sqrt(var[2 * i]);
                double sy = Math.sqrt(var[2 * i + 1]);
                float px = 0;
                float py = 0;
                boolean in = false;
                for (int k = 0; k < REGION_TRIES && !in; k++) {
                    px = (float) (mean[2 * i] + sx * rng.nextGaussian());
                    py = (float) (mean[2 * i + 1] + sy * rng.nextGaussian());
                    in = region.contains(px, py);
                }
                if (!in) {
                    escaped[0]++;
                }
                next[2 * i] = px;
                next[2 * i + 1] = py;
            }
        });
        return new RegionResult(tr, escaped[0]);
    }

    /** Region-conditioned samples and the number of point-steps that could not stay in the region. */
    public record RegionResult(Trajectory trajectory, long escaped) {
    }

    @FunctionalInterface
    interface Step {
        /** Writes x⁽ᵗ⁻¹⁾ into next from the model's mean and variance of p(x⁽ᵗ⁻¹⁾|x⁽ᵗ⁾). */
        void apply(float[] mean, float[] var, float[] next);
    }

    private static void check(int dim, int given, int n) {
        if (given != dim) {
            throw new IllegalArgumentException("the observation has " + given + " values, the model " + dim);
        }
        if (n < 1) {
            throw new IllegalArgumentException("number of samples must be at least 1, got " + n);
        }
    }

    /** Runs the reverse process from x⁽ᵀ⁾ = x, each step drawn by {@code step} from the model's mean and variance. */
    static Trajectory run(ReverseModel model, float[] x, int n, boolean keepAll, Step step) {
        int dim = model.dim();
        int steps = model.schedule().steps();
        float[][] states = new float[steps + 1][];
        states[steps] = x.clone();
        float[] mean = new float[x.length];
        float[] var = new float[x.length];
        for (int t = steps; t >= 1; t--) {
            final int tt = t;
            final float[] cur = x;
            Nd4jRuntime.run(() -> model.reverse(cur, n, tt, mean, var));
            step.apply(mean, var, x);
            if (keepAll || t == 1) {
                states[t - 1] = x.clone();
            }
        }
        return new Trajectory(dim, n, states);
    }
}
