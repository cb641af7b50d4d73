package lab.diffusion.engine.model;

import java.util.Arrays;

/**
 * The paper's temporal readout weights gⱼ(t) for t = 1..T: J normalized Gaussian bumps
 * (τₜ = −1 + 2(t−1)/(T−1), centres −1 + 2j/(J−1), width 1/(J−1)) or one-hot per step (J = T).
 */
public final class TemporalReadout {

    private final int steps;
    private final int basis;
    private final double[] g;

    private TemporalReadout(int steps, int basis, double[] g) {
        this.steps = steps;
        this.basis = basis;
        this.g = g;
    }

    /** J normalized Gaussian bumps over T steps. */
    public static TemporalReadout bumps(int steps, int bumps) {
        double[] g = new double[(steps + 1) * bumps];
        double width = 1.0 / (bumps - 1);
        for (int t = 1; t <= steps; t++) {
            double tau = -1.0 + 2.0 * (t - 1) / (steps - 1.0);
            double sum = 0;
            for (int j = 0; j < bumps; j++) {
                double c = -1.0 + 2.0 * j / (bumps - 1.0);
                double e = Math.exp(-(tau - c) * (tau - c) / (2 * width * width));
                g[t * bumps + j] = e;
                sum += e;
            }
            for (int j = 0; j < bumps; j++) {
                g[t * bumps + j] /= sum;
            }
        }
        return new TemporalReadout(steps, bumps, g);
    }

    /** One readout per step: gⱼ(t) = [j = t−1]. */
    public static TemporalReadout perStep(int steps) {
        double[] g = new double[(steps + 1) * steps];
        for (int t = 1; t <= steps; t++) {
            g[t * steps + (t - 1)] = 1.0;
        }
        return new TemporalReadout(steps, steps, g);
    }

    /** Number of basis functions J. */
    public int basis() {
        return basis;
    }

    public int steps() {
        return steps;
    }

    /** gⱼ(t). */
    public double weight(int t, int j) {
        return g[t * basis + j];
    }

    /**
     * Mixes network outputs into readouts: z[r·B + b] = Σⱼ gⱼ(t_b)·y[(r·J + j)·B + b] for
     * r &lt; R (column-major B × R·J in, B × R out).
     */
    public void mix(double[] y, int batch, int readouts, int[] t, double[] z) {
        Arrays.fill(z, 0, readouts * batch, 0.0);
        for (int r = 0; r < readouts; r++) {
            int zo = r * batch;
            for (int j = 0; j < basis; j++) {
                int col = (r * basis + j) * batch;
                for (int b = 0; b < batch; b++) {
                    z[zo + b] += g[t[b] * basis + j] * y[col + b];
                }
            }
        }
    }

    /** The transpose of {@link #mix}: dy[(r·J + j)·B + b] = gⱼ(t_b)·dz[r·B + b]. */
    public void spread(double[] dz, int batch, int readouts, int[] t, double[] dy) {
        for (int r = 0; r < readouts; r++) {
            for (int j = 0; j < basis; j++) {
                int col = (r * basis + j) * batch;
                for (int b = 0; b < batch; b++) {
                    dy[col + b] = g[t[b] * basis + j] * dz[r * batch + b];
                }
            }
        }
    }
}
