package lab.diffusion.engine.process;

import java.util.SplittableRandom;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.data.Standardizer;
import lab.diffusion.engine.schedule.Schedule;

/**
 * Forward trajectories of the shown points for the Forward plot, in data units: each point
 * runs through the kernel N(√(1−βₜ)x, βₜI) in model units with its own noise stream (seeded by
 * its index), so existing points keep their paths when more are drawn. Pure Java, no ND4J.
 */
public final class ForwardPaths {

    private ForwardPaths() {
    }

    /** states[t] holds all points at step t (row-major, data units), t = 0..T. */
    public static float[][] compute(PointSet points, Standardizer st, Schedule s, long seed) {
        int n = points.size();
        int steps = s.steps();
        float[][] states = new float[steps + 1][2 * n];
        double[] m = st.mean();
        double sc = st.scale();
        double[] a = new double[steps + 1];
        double[] b = new double[steps + 1];
        for (int t = 1; t <= steps; t++) {
            a[t] = Math.sqrt(1.0 - s.beta(t));
            b[t] = Math.sqrt(s.beta(t));
        }
        for (int i = 0; i < n; i++) {
            SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
            double x = (points.get(i, 0) - m[0]) / sc;
            double y = (points.get(i, 1) - m[1]) / sc;
            states[0][2 * i] = points.get(i, 0);
            states[0][2 * i + 1] = points.get(i, 1);
            for (int t = 1; t <= steps; t++) {
                x = a[t] * x + b[t] * r.nextGaussian();
                y = a[t] * y + b[t] * r.nextGaussian();
                states[t][2 * i] = (float) (x * sc + m[0]);
                states[t][2 * i + 1] = (float) (y * sc + m[1]);
            }
        }
        return states;
    }

    /** The path of point i through all steps (row-major, t = 0..T). */
    public static float[] path(float[][] states, int i) {
        float[] p = new float[2 * states.length];
        for (int t = 0; t < states.length; t++) {
            p[2 * t] = states[t][2 * i];
            p[2 * t + 1] = states[t][2 * i + 1];
        }
        return p;
    }
}
