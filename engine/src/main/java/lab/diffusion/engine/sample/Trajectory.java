package lab.diffusion.engine.sample;

/**
 * A set of reverse (or forward) trajectories: states[t] holds x⁽ᵗ⁾ for all n points, row-major
 * n × dim, for t = 0..T. When intermediate states were not kept only t = 0 and t = T are present.
 */
public final class Trajectory {

    /**
     * The largest sample a working model can draw, in standardized units: the data have unit
     * scale and the reverse chain starts from N(0, I), so a sample beyond it says the model is broken.
     */
    public static final float MAX_SAMPLE = 1e6f;

    /** What a person reads when {@link #samplesInRange()} is false. */
    public static final String NON_FINITE = "the model's samples are NaN, infinite or beyond ±10⁶ standard deviations:"
            + " its weights are out of range (a diverged or damaged model)";

    private final int dim;
    private final int n;
    private final float[][] states;

    Trajectory(int dim, int n, float[][] states) {
        this.dim = dim;
        this.n = n;
        this.states = states;
    }

    public int dim() {
        return dim;
    }

    public int size() {
        return n;
    }

    public int steps() {
        return states.length - 1;
    }

    /** True if x⁽ᵗ⁾ was kept. */
    public boolean has(int t) {
        return states[t] != null;
    }

    /** A copy of x⁽ᵗ⁾ (row-major). */
    public float[] state(int t) {
        if (states[t] == null) {
            throw new IllegalStateException("x(" + t + ") was not kept; sample with keepAll = true");
        }
        return states[t].clone();
    }

    /** The samples x⁽⁰⁾. */
    public float[] samples() {
        return state(0);
    }

    /** True when every sample x⁽⁰⁾ is a finite number within ±{@link #MAX_SAMPLE}. */
    public boolean samplesInRange() {
        for (float v : states[0]) {
            if (!(Math.abs(v) <= MAX_SAMPLE)) {
                return false;
            }
        }
        return true;
    }
}
