package lab.diffusion.engine.schedule;

import java.util.Arrays;

/**
 * A drawn schedule: knots (tₖ, vₖ) over t = 1..T in one of three spaces — log β, ᾱ or the
 * log-SNR λ = logit ᾱ — interpolated with monotone cubic Hermite splines (Fritsch–Carlson,
 * so monotone knots give a monotone curve without overshoot) and turned into β₁…β_T.
 * In the ᾱ and log-SNR spaces knot values must decrease with t (noise only grows).
 */
public final class Knots {

    /** The space the knots live in. */
    public enum Space {
        LOG_BETA("log β"), ALPHA_BAR("ᾱ"), LOG_SNR("log-SNR");

        private final String label;

        Space(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The value of a schedule at t in this space. */
        public double of(Schedule s, int t) {
            return switch (this) {
                case LOG_BETA -> Math.log(s.beta(t));
                case ALPHA_BAR -> s.alphaBar(t);
                case LOG_SNR -> Math.log(s.alphaBar(t)) - Math.log(s.oneMinusAlphaBar(t));
            };
        }
    }

    /** Smallest and largest β a drawn schedule may have. */
    public static final double MIN_BETA = 1e-8;
    public static final double MAX_BETA = 0.999;

    private final Space space;
    private final int steps;
    private final double[] t;
    private final double[] v;

    /** Knots at steps t (strictly increasing within 1..T, first 1 and last T) with values v in the space. */
    public Knots(Space space, int steps, double[] t, double[] v) {
        if (t.length != v.length || t.length < 2) {
            throw new IllegalArgumentException("need at least two knots with one value each");
        }
        if (steps < 2 || steps > Schedule.MAX_T) {
            throw new IllegalArgumentException("T must be between 2 and " + Schedule.MAX_T);
        }
        for (int i = 0; i < t.length; i++) {
            if (!Double.isFinite(v[i]) || !Double.isFinite(t[i]) || (i > 0 && !(t[i] > t[i - 1]))) {
                throw new IllegalArgumentException("knot steps must increase and values be finite");
            }
        }
        if (t[0] != 1 || t[t.length - 1] != steps) {
            throw new IllegalArgumentException("the first knot must be at t = 1 and the last at t = T");
        }
        this.space = space;
        this.steps = steps;
        this.t = t.clone();
        this.v = v.clone();
    }

    /** {@code count} knots evenly spread over 1..T sampling a schedule in a space. */
    public static Knots from(Schedule s, Space space, int count) {
        int k = Math.max(2, Math.min(count, s.steps()));
        double[] t = new double[k];
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            int step = (int) Math.round(1 + (s.steps() - 1) * (double) i / (k - 1));
            t[i] = step;
        }
        for (int i = 1; i < k; i++) {
            if (t[i] <= t[i - 1]) {
                t[i] = t[i - 1] + 1;
            }
        }
        for (int i = 0; i < k; i++) {
            v[i] = space.of(s, (int) t[i]);
        }
        return new Knots(space, s.steps(), t, v);
    }

    public Space space() {
        return space;
    }

    public int steps() {
        return steps;
    }

    public int size() {
        return t.length;
    }

    public double t(int i) {
        return t[i];
    }

    public double value(int i) {
        return v[i];
    }

    /**
     * The same knots with knot i moved to value {@code value}, kept between its neighbours in the
     * ᾱ and log-SNR spaces (which must decrease) and within the range a β allows.
     */
    public Knots withValue(int i, double value) {
        double x = value;
        if (space != Space.LOG_BETA) {
            double hi = i > 0 ? v[i - 1] : Double.POSITIVE_INFINITY;
            double lo = i < v.length - 1 ? v[i + 1] : Double.NEGATIVE_INFINITY;
            double eps = space == Space.ALPHA_BAR ? 1e-9 : 1e-6;
            x = Math.max(lo + eps, Math.min(hi - eps, x));
            if (space == Space.ALPHA_BAR) {
                x = Math.max(1e-9, Math.min(1 - 1e-9, x));
            }
        } else {
            x = Math.max(Math.log(MIN_BETA), Math.min(Math.log(MAX_BETA), x));
        }
        double[] nv = v.clone();
        nv[i] = x;
        return new Knots(space, steps, t, nv);
    }

    /** The interpolated value at every t = 1..T (index t; index 0 unused). */
    public double[] curve() {
        double[] m = slopes();
        double[] out = new double[steps + 1];
        int seg = 0;
        for (int s = 1; s <= steps; s++) {
            while (seg < t.length - 2 && s > t[seg + 1]) {
                seg++;
            }
            double h = t[seg + 1] - t[seg];
            double u = (s - t[seg]) / h;
            double h00 = (1 + 2 * u) * (1 - u) * (1 - u);
            double h10 = u * (1 - u) * (1 - u);
            double h01 = u * u * (3 - 2 * u);
            double h11 = u * u * (u - 1);
            out[s] = h00 * v[seg] + h10 * h * m[seg] + h01 * v[seg + 1] + h11 * h * m[seg + 1];
        }
        return out;
    }

    /** Fritsch–Carlson slopes: zero at local extrema and flat pieces, limited to keep monotone pieces monotone. */
    private double[] slopes() {
        int n = t.length;
        double[] d = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            d[i] = (v[i + 1] - v[i]) / (t[i + 1] - t[i]);
        }
        double[] m = new double[n];
        m[0] = d[0];
        m[n - 1] = d[n - 2];
        for (int i = 1; i < n - 1; i++) {
            m[i] = d[i - 1] * d[i] <= 0 ? 0 : (d[i - 1] + d[i]) / 2;
        }
        for (int i = 0; i < n - 1; i++) {
            if (d[i] == 0) {
                m[i] = 0;
                m[i + 1] = 0;
                continue;
            }
            double a = m[i] / d[i];
            double b = m[i + 1] / d[i];
            double r = a * a + b * b;
            if (r > 9) {
                double tau = 3 / Math.sqrt(r);
                m[i] = tau * a * d[i];
                m[i + 1] = tau * b * d[i];
            }
        }
        return m;
    }

    /** The schedule these knots draw (β clamped to [1e-8, 0.999]). */
    public Schedule toSchedule() {
        double[] c = curve();
        double[] betas = new double[steps];
        double prevBar = 1;
        for (int s = 1; s <= steps; s++) {
            double b;
            if (space == Space.LOG_BETA) {
                b = Math.exp(c[s]);
            } else {
                double bar = space == Space.ALPHA_BAR ? c[s] : 1 / (1 + Math.exp(-c[s]));
                bar = Math.max(1e-12, Math.min(prevBar, bar));
                b = 1 - bar / prevBar;
            }
            b = Math.max(MIN_BETA, Math.min(MAX_BETA, b));
            betas[s - 1] = b;
            prevBar *= 1 - b;
        }
        return Schedule.ofBetas(ScheduleFamily.CUSTOM, betas);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Knots k && k.space == space && k.steps == steps && Arrays.equals(k.t, t) && Arrays.equals(k.v, v);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(v) * 31 + Arrays.hashCode(t);
    }
}
