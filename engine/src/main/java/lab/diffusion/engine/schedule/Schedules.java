package lab.diffusion.engine.schedule;

/** Builds the schedules of paper-math §2. All constants in double precision. */
public final class Schedules {

    /** Largest β a Gaussian kernel uses where a family would give exactly 1 (keeps logit β finite). */
    public static final double MAX_GAUSSIAN_BETA = 1.0 - 1e-6;

    private Schedules() {
    }

    /** The schedule of the given family with T steps. */
    public static Schedule create(ScheduleFamily family, int steps) {
        if (steps < 2 || steps > Schedule.MAX_T) {
            throw new IllegalArgumentException("T must be between 2 and " + Schedule.MAX_T + ", got " + steps);
        }
        double[] b = switch (family) {
            case PAPER -> paper(steps);
            case ERASURE -> erasure(steps);
            case LINEAR -> linear(steps);
            case COSINE -> cosine(steps);
            case LOGSNR -> logSnr(steps);
            case CUSTOM, LEARNED -> throw new IllegalArgumentException("a " + family.label().toLowerCase()
                    + " schedule is built from knots or a starting schedule, not from T alone");
        };
        return Schedule.ofBetas(family, b);
    }

    /**
     * The released code's default: β_base(t) = 1/linspace(T, 2, T)[t] mapped into
     * [min_t, 1 − 1e-5] with min_t = 1e-6, plus 0.001 at t = 1.
     */
    static double[] paper(int steps) {
        double[] b = new double[steps];
        for (int i = 0; i < steps; i++) {
            double denom = steps + (2.0 - steps) * i / (steps - 1.0);
            double base = 1.0 / denom;
            double min = 1e-6 + (i == 0 ? 1e-3 : 0.0);
            b[i] = min + base * (1.0 - min - 1e-5);
        }
        return b;
    }

    /** βₜ = 1/(T−t+1), the last step capped just below 1 so the Gaussian logit stays finite. */
    static double[] erasure(int steps) {
        double[] b = new double[steps];
        for (int t = 1; t <= steps; t++) {
            b[t - 1] = Math.min(1.0 / (steps - t + 1), MAX_GAUSSIAN_BETA);
        }
        return b;
    }

    /** DDPM linear from 1e-4 to 0.02 at T = 1000; both ends scaled by 1000/T, capped at 0.999. */
    static double[] linear(int steps) {
        double scale = 1000.0 / steps;
        double lo = 1e-4 * scale;
        double hi = 0.02 * scale;
        double[] b = new double[steps];
        for (int i = 0; i < steps; i++) {
            double v = lo + (hi - lo) * i / (steps - 1.0);
            b[i] = Math.min(v, 0.999);
        }
        return b;
    }

    /** Cosine ᾱ of Nichol &amp; Dhariwal with s = 0.008, β capped at 0.999. */
    static double[] cosine(int steps) {
        double s = 0.008;
        double f0 = cosineF(0, steps, s);
        double[] b = new double[steps];
        double prev = 1.0;
        for (int t = 1; t <= steps; t++) {
            double ab = cosineF(t, steps, s) / f0;
            b[t - 1] = Math.min(1.0 - ab / prev, 0.999);
            prev = ab;
        }
        return b;
    }

    private static double cosineF(int t, int steps, double s) {
        double c = Math.cos(((double) t / steps + s) / (1.0 + s) * Math.PI / 2.0);
        return c * c;
    }

    /** ᾱₜ = σ(λₜ) with λ linear from logit(1−1e-5) at t = 1 to logit(0.005) at t = T. */
    static double[] logSnr(int steps) {
        double lambdaMax = logit(1.0 - 1e-5);
        double lambdaMin = logit(0.005);
        double[] b = new double[steps];
        double prevAlphaBar = 1.0;
        double prevOneMinus = 0.0;
        for (int t = 1; t <= steps; t++) {
            double lambda = lambdaMax + (lambdaMin - lambdaMax) * (t - 1) / (steps - 1.0);
            double oneMinus = sigmoid(-lambda);
            // βₜ = 1 − ᾱₜ/ᾱₜ₋₁ = ((1−ᾱₜ) − (1−ᾱₜ₋₁))/ᾱₜ₋₁, from the small complements for accuracy
            b[t - 1] = (oneMinus - prevOneMinus) / prevAlphaBar;
            prevAlphaBar = sigmoid(lambda);
            prevOneMinus = oneMinus;
        }
        return b;
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x) / (1.0 + Math.exp(x));
    }

    static double logit(double p) {
        return Math.log(p) - Math.log1p(-p);
    }
}
