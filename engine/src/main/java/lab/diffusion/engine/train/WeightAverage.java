package lab.diffusion.engine.train;

/**
 * An exponential moving average of a trainer's weights: a ← d·a + (1 − d)·w with
 * d = min(decay, (1 + n)/(10 + n)) after n steps, so early weights (far from where training
 * goes) are forgotten quickly. Engine thread (its trainer's).
 */
final class WeightAverage {

    private final double[] averaged;
    private final double decay;
    /** Steps averaged so far (the average's warm-up). */
    private long steps;

    WeightAverage(double[] start, double decay) {
        this.averaged = start.clone();
        this.decay = decay;
    }

    /** Takes the weights after one more step into the average. */
    void add(double[] w) {
        double d = Math.min(decay, (1.0 + steps) / (10.0 + steps));
        steps++;
        for (int i = 0; i < averaged.length; i++) {
            averaged[i] = d * averaged[i] + (1.0 - d) * w[i];
        }
    }

    /** The average now (not a copy: read it, do not keep it). */
    double[] values() {
        return averaged;
    }
}
