package lab.diffusion.engine.process;

import java.util.SplittableRandom;
import lab.diffusion.engine.data.PointSet;

/** Forward trajectories of the shown sequences through binomial diffusion, each row with its own noise stream. */
public final class BinaryPaths {

    private BinaryPaths() {
    }

    /** states[t] holds all rows at step t (row-major 0/1), t = 0..T. */
    public static float[][] compute(PointSet rows, BinomialProcess q, long seed) {
        int n = rows.size();
        int bits = rows.dim();
        int steps = q.schedule().steps();
        float[][] states = new float[steps + 1][n * bits];
        states[0] = rows.toArray();
        double[] keep = new double[steps + 1];
        double[] flip = new double[steps + 1];
        for (int t = 1; t <= steps; t++) {
            keep[t] = q.kernel(t, 1);
            flip[t] = q.kernel(t, 0);
        }
        for (int i = 0; i < n; i++) {
            SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
            for (int d = 0; d < bits; d++) {
                boolean x = states[0][i * bits + d] > 0.5f;
                for (int t = 1; t <= steps; t++) {
                    x = r.nextDouble() < (x ? keep[t] : flip[t]);
                    states[t][i * bits + d] = x ? 1f : 0f;
                }
            }
        }
        return states;
    }
}
