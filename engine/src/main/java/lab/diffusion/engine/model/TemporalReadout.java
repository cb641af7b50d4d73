package lab.diffusion.engine.model;

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

    /** Offset of row t in {@link #table()}. */
    int rowOffset(int t) {
        return t * basis;
    }

    /** The raw table, row t at t·J (row 0 unused). Not to be modified. */
    double[] table() {
        return g;
    }
}
