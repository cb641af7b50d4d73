package lab.diffusion.engine.live;

import java.util.Arrays;
import lab.diffusion.engine.data.ImageData;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.data.Standardizer;
import lab.diffusion.engine.sample.DriftField;
import lab.diffusion.engine.sample.Trajectory;

/**
 * Conversions between the model's units (standardized) and what a person sees: data units for
 * 2D points, 0/1 for sequences, grey levels for images; the arrow scale of a drift field; and
 * how many display samples fit in memory. Pure functions, any thread.
 */
public final class DisplayUnits {

    /** Most display samples whatever their size. */
    public static final int MAX_SAMPLES = 5000;
    /** Floats the kept display trajectories may take (64 M floats = 256 MB). */
    public static final long TRAJECTORY_BUDGET_FLOATS = 64L << 20;

    private DisplayUnits() {
    }

    /**
     * {@code wanted} clamped to what a display trajectory of {@code dim} values per sample over
     * {@code steps} steps may hold: at most {@link #MAX_SAMPLES}, and all states t = 0..T within
     * {@link #TRAJECTORY_BUDGET_FLOATS}.
     */
    public static int maxSamples(int wanted, int dim, int steps) {
        long perSample = (long) dim * (steps + 1);
        long fit = Math.max(1, TRAJECTORY_BUDGET_FLOATS / Math.max(1, perSample));
        return (int) Math.max(1, Math.min(Math.min(wanted, MAX_SAMPLES), fit));
    }

    /** Every state of a trajectory in display units: data units for points, grey levels for images; sequences as they are. */
    public static float[][] states(Trajectory tr, PointData data, boolean binary) {
        float[][] states = new float[tr.steps() + 1][];
        Standardizer st = data.standardizer();
        for (int t = 0; t <= tr.steps(); t++) {
            float[] x = tr.state(t);
            states[t] = binary ? x : data.isImages() ? ImageData.toGrey(x, st) : st.invert(PointSet.wrap(x, data.dim())).toArray();
        }
        return states;
    }

    /** A 2D point from data units to model units. */
    public static float[] toModel(Standardizer st, double x, double y) {
        double[] m = st.mean();
        double s = st.scale();
        return new float[] {(float) ((x - m[0]) / s), (float) ((y - m[1]) / s)};
    }

    /** A 2D path (x, y pairs) from model units to data units. */
    public static float[] pathToData(Standardizer st, float[] modelPath) {
        double[] m = st.mean();
        double s = st.scale();
        float[] out = new float[modelPath.length];
        for (int i = 0; i < modelPath.length; i += 2) {
            out[i] = (float) (modelPath[i] * s + m[0]);
            out[i + 1] = (float) (modelPath[i + 1] * s + m[1]);
        }
        return out;
    }

    /** A drift field computed in model units, with positions and arrows in data units (variances stay in model units). */
    public static DriftField fieldToData(DriftField mf, Standardizer st, double xMin, double xMax, double yMin, double yMax) {
        double[] m = st.mean();
        double s = st.scale();
        int n = mf.nx() * mf.ny();
        float[] x = new float[n];
        float[] y = new float[n];
        float[] dx = new float[n];
        float[] dy = new float[n];
        for (int k = 0; k < n; k++) {
            x[k] = (float) (mf.x()[k] * s + m[0]);
            y[k] = (float) (mf.y()[k] * s + m[1]);
            dx[k] = (float) (mf.dx()[k] * s);
            dy[k] = (float) (mf.dy()[k] * s);
        }
        return new DriftField(mf.t(), mf.nx(), mf.ny(), xMin, xMax, yMin, yMax, x, y, dx, dy, mf.varX(), mf.varY(),
                mf.postVar(), mf.beta());
    }

    /**
     * The factor that makes the 95th-percentile arrow of a field (data units) 0.9 of a grid cell
     * long, so the arrows are readable whatever their size (1 when every arrow has length 0).
     */
    public static double arrowScale(DriftField f) {
        int n = f.dx().length;
        double[] len = new double[n];
        for (int k = 0; k < n; k++) {
            len[k] = Math.hypot(f.dx()[k], f.dy()[k]);
        }
        Arrays.sort(len);
        double typical = len[(int) (0.95 * (n - 1))];
        double cell = (f.xMax() - f.xMin()) / (f.nx() - 1);
        return typical > 0 ? 0.9 * cell / typical : 1.0;
    }
}
