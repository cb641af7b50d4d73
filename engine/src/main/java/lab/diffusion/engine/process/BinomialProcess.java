package lab.diffusion.engine.process;

import lab.diffusion.engine.schedule.Schedule;

/**
 * Binomial diffusion of binary data (paper-math §6), one bit at a time: the kernel keeps a bit
 * with probability 1−βₜ and otherwise redraws it from Bernoulli(p̄). With surviving signal
 * γₜ = ∏_{s≤t}(1−βₛ) (= ᾱₜ; (T−t)/T for constant erasure) the marginal is
 * mₜ = q(x⁽ᵗ⁾=1|x⁽⁰⁾) = γₜ x⁽⁰⁾ + (1−γₜ) p̄.
 */
public final class BinomialProcess {

    private final Schedule schedule;
    private final double pBar;

    public BinomialProcess(Schedule schedule, double baseRate) {
        if (!(baseRate > 0 && baseRate < 1)) {
            throw new IllegalArgumentException("the base rate p̄ must be strictly between 0 and 1, got " + baseRate);
        }
        this.schedule = schedule;
        this.pBar = baseRate;
    }

    public Schedule schedule() {
        return schedule;
    }

    public double baseRate() {
        return pBar;
    }

    /** q(x⁽ᵗ⁾=1|x⁽ᵗ⁻¹⁾): x(1−βₜ) + p̄βₜ. */
    public double kernel(int t, int previous) {
        double b = schedule.beta(t);
        return previous * (1.0 - b) + pBar * b;
    }

    /** mₜ = q(x⁽ᵗ⁾=1|x⁽⁰⁾), t ≥ 0. */
    public double marginal(int t, int x0) {
        double g = schedule.alphaBar(t);
        return g * x0 + (1.0 - g) * pBar;
    }

    /**
     * q(x⁽ᵗ⁻¹⁾=1|x⁽ᵗ⁾, x⁽⁰⁾) for t ≥ 2, with a = 1−βₜ+p̄βₜ and b = p̄βₜ:
     * x⁽ᵗ⁾ = 1: a·m/(a·m + b(1−m)); x⁽ᵗ⁾ = 0: (1−a)m/((1−a)m + (1−b)(1−m)), m = mₜ₋₁.
     */
    public double posterior(int t, int xt, int x0) {
        double beta = schedule.beta(t);
        double a = 1.0 - beta + pBar * beta;
        double b = pBar * beta;
        double m = marginal(t - 1, x0);
        if (xt == 1) {
            return a * m / (a * m + b * (1.0 - m));
        }
        return (1.0 - a) * m / ((1.0 - a) * m + (1.0 - b) * (1.0 - m));
    }

    /** Binary entropy in nats. */
    public static double entropy(double p) {
        if (p <= 0 || p >= 1) {
            return 0.0;
        }
        return -(p * Math.log(p) + (1 - p) * Math.log1p(-p));
    }

    /** KL(Bernoulli(u) ‖ Bernoulli(v)) in nats. */
    public static double kl(double u, double v) {
        double s = 0.0;
        if (u > 0) {
            s += u * Math.log(u / v);
        }
        if (u < 1) {
            s += (1 - u) * Math.log((1 - u) / (1 - v));
        }
        return s;
    }

    /**
     * H_q(X⁽ᵀ⁾|x⁽⁰⁾) − H_q(X⁽¹⁾|x⁽⁰⁾) − H_p(X⁽ᵀ⁾) in nats for a sequence with the given numbers
     * of ones and zeros (the bound's entropy terms, paper-math §4).
     */
    public double entropyTerms(int ones, int zeros) {
        int steps = schedule.steps();
        double hT = ones * entropy(marginal(steps, 1)) + zeros * entropy(marginal(steps, 0));
        double h1 = ones * entropy(marginal(1, 1)) + zeros * entropy(marginal(1, 0));
        return hT - h1 - (ones + zeros) * entropy(pBar);
    }

    /** L_null for D bits: the log-likelihood under Bernoulli(p̄)^D of data with rate p̄, −D·H_b(p̄) nats. */
    public double nullLogLikelihood(int bits) {
        return -bits * entropy(pBar);
    }
}
