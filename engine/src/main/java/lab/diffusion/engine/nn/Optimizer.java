package lab.diffusion.engine.nn;

import java.util.Arrays;
import lab.diffusion.engine.Named;

/**
 * A first-order optimizer on a flat double parameter vector. State is kept in double precision
 * on the heap; {@link #state()} and {@link #restore(double[], long)} let sessions save it.
 */
public abstract sealed class Optimizer permits Optimizer.Adam, Optimizer.RmsProp {

    /** The optimizers offered. */
    public enum Kind implements Named {
        ADAM("adam"),
        RMSPROP("rmsprop");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        public static Kind parse(String text) {
            return Named.parse(Kind.class, text, "optimizer");
        }
    }

    protected final int size;
    protected double learningRate;
    protected long iteration;
    /** Per-parameter factor on the learning rate, or null when every parameter uses it as is. */
    protected double[] rateScale;

    private Optimizer(int size, double learningRate) {
        this.size = size;
        setLearningRate(learningRate);
    }

    public static Optimizer create(Kind kind, int size, double learningRate) {
        return switch (kind) {
            case ADAM -> new Adam(size, learningRate);
            case RMSPROP -> new RmsProp(size, learningRate);
        };
    }

    public abstract Kind kind();

    public double learningRate() {
        return learningRate;
    }

    /** Changes the learning rate; state is kept, so this never resets training. */
    public final void setLearningRate(double lr) {
        checkLearningRate(lr);
        this.learningRate = lr;
    }

    /**
     * The largest learning rate accepted anywhere (command line, app, sessions): Adam and RMSprop
     * move each weight by about the learning rate per step, so beyond 1 nothing trains.
     */
    public static final double MAX_LEARNING_RATE = 1.0;

    /** Refuses a learning rate outside (0, {@link #MAX_LEARNING_RATE}] with a message that says the range. */
    public static void checkLearningRate(double lr) {
        if (!(lr > 0) || !(lr <= MAX_LEARNING_RATE)) {
            throw new IllegalArgumentException("learning rate must be in (0, 1], got " + lr);
        }
    }

    /**
     * Parameters from {@code from} (inclusive) to {@code to} (exclusive) take steps of
     * {@code factor} × the learning rate (the learned schedule's offsets use a smaller one).
     */
    public final void setRateFactor(int from, int to, double factor) {
        if (from < 0 || to > size || from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") is outside 0.." + size);
        }
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("rate factor must be positive, got " + factor);
        }
        if (rateScale == null) {
            rateScale = new double[size];
            Arrays.fill(rateScale, 1.0);
        }
        Arrays.fill(rateScale, from, to, factor);
    }

    /** The learning-rate factor of parameter i. */
    public final double rateFactor(int i) {
        return rateScale == null ? 1.0 : rateScale[i];
    }

    /** Steps taken so far. */
    public long iteration() {
        return iteration;
    }

    /** params ← params − update(grad). */
    public abstract void step(double[] params, double[] grad);

    /** The optimizer state (moments), for saving. */
    public abstract double[] state();

    /** Restores state saved by {@link #state()} and the step counter. */
    public abstract void restore(double[] state, long iteration);

    /** Adam (Kingma &amp; Ba) with β₁ = 0.9, β₂ = 0.999, ε = 1e-8 and bias correction. */
    public static final class Adam extends Optimizer {
        private static final double B1 = 0.9;
        private static final double B2 = 0.999;
        private static final double EPS = 1e-8;
        private final double[] m;
        private final double[] v;

        Adam(int size, double lr) {
            super(size, lr);
            m = new double[size];
            v = new double[size];
        }

        @Override
        public Kind kind() {
            return Kind.ADAM;
        }

        @Override
        public void step(double[] params, double[] grad) {
            iteration++;
            double c1 = 1.0 - Math.pow(B1, iteration);
            double c2 = 1.0 - Math.pow(B2, iteration);
            double stepSize = learningRate * Math.sqrt(c2) / c1;
            double eps = EPS * Math.sqrt(c2);
            double[] scale = rateScale;
            for (int i = 0; i < size; i++) {
                double g = grad[i];
                double mi = B1 * m[i] + (1.0 - B1) * g;
                double vi = B2 * v[i] + (1.0 - B2) * g * g;
                m[i] = mi;
                v[i] = vi;
                double f = scale == null ? 1.0 : scale[i];
                params[i] -= f * stepSize * mi / (Math.sqrt(vi) + eps);
            }
        }

        @Override
        public double[] state() {
            double[] s = new double[2 * size];
            System.arraycopy(m, 0, s, 0, size);
            System.arraycopy(v, 0, s, size, size);
            return s;
        }

        @Override
        public void restore(double[] state, long it) {
            if (state.length != 2 * size) {
                throw new IllegalArgumentException("Adam state has " + state.length + " values, expected " + 2 * size);
            }
            System.arraycopy(state, 0, m, 0, size);
            System.arraycopy(state, size, v, 0, size);
            iteration = it;
        }
    }

    /** RMSprop with decay 0.9 and ε = 1e-8. */
    public static final class RmsProp extends Optimizer {
        private static final double DECAY = 0.9;
        private static final double EPS = 1e-8;
        private final double[] v;

        RmsProp(int size, double lr) {
            super(size, lr);
            v = new double[size];
        }

        @Override
        public Kind kind() {
            return Kind.RMSPROP;
        }

        @Override
        public void step(double[] params, double[] grad) {
            iteration++;
            double[] scale = rateScale;
            for (int i = 0; i < size; i++) {
                double g = grad[i];
                double vi = DECAY * v[i] + (1.0 - DECAY) * g * g;
                v[i] = vi;
                double f = scale == null ? 1.0 : scale[i];
                params[i] -= f * learningRate * g / (Math.sqrt(vi) + EPS);
            }
        }

        @Override
        public double[] state() {
            return v.clone();
        }

        @Override
        public void restore(double[] state, long it) {
            if (state.length != size) {
                throw new IllegalArgumentException("RMSprop state has " + state.length + " values, expected " + size);
            }
            System.arraycopy(state, 0, v, 0, size);
            iteration = it;
        }
    }
}
