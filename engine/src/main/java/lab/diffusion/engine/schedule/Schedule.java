package lab.diffusion.engine.schedule;

import java.util.Arrays;

/**
 * A β schedule over t = 1..T with every derived constant in double precision.
 * Arrays indexed by t have length T+1; index 0 is the data (ᾱ₀ = 1, β₀ unused).
 */
public final class Schedule {

    /** Largest T any schedule accepts; beyond this the per-step tables stop making sense. */
    public static final int MAX_T = 100_000;

    private final ScheduleFamily family;
    private final int steps;
    private final double[] beta;
    private final double[] alphaBar;
    private final double[] oneMinusAlphaBar;

    private Schedule(ScheduleFamily family, double[] betaByT) {
        this.family = family;
        this.steps = betaByT.length - 1;
        this.beta = betaByT;
        this.alphaBar = new double[steps + 1];
        this.oneMinusAlphaBar = new double[steps + 1];
        double logAlphaBar = 0.0;
        alphaBar[0] = 1.0;
        for (int t = 1; t <= steps; t++) {
            logAlphaBar += Math.log1p(-beta[t]);
            alphaBar[t] = Math.exp(logAlphaBar);
            oneMinusAlphaBar[t] = -Math.expm1(logAlphaBar);
        }
    }

    /**
     * A schedule from explicit βₜ values, t = 1..T ({@code betas[0]} is β₁).
     *
     * @throws IllegalArgumentException if T is out of range or a β is outside (0, 1]
     */
    public static Schedule ofBetas(ScheduleFamily family, double[] betas) {
        if (betas.length < 2 || betas.length > MAX_T) {
            throw new IllegalArgumentException("T must be between 2 and " + MAX_T + ", got " + betas.length);
        }
        double[] byT = new double[betas.length + 1];
        for (int i = 0; i < betas.length; i++) {
            double b = betas[i];
            if (!(b > 0.0 && b <= 1.0)) {
                throw new IllegalArgumentException("β" + (i + 1) + " = " + b + " is outside (0, 1]");
            }
            byT[i + 1] = b;
        }
        return new Schedule(family, byT);
    }

    /** The family this schedule came from. */
    public ScheduleFamily family() {
        return family;
    }

    /** Number of diffusion steps T. */
    public int steps() {
        return steps;
    }

    /** βₜ for t in 1..T. */
    public double beta(int t) {
        return beta[t];
    }

    /** αₜ = 1 − βₜ. */
    public double alpha(int t) {
        return 1.0 - beta[t];
    }

    /** ᾱₜ = ∏_{s≤t} αₛ, with ᾱ₀ = 1. */
    public double alphaBar(int t) {
        return alphaBar[t];
    }

    /** 1 − ᾱₜ computed without cancellation. */
    public double oneMinusAlphaBar(int t) {
        return oneMinusAlphaBar[t];
    }

    /** Signal-to-noise ratio ᾱₜ/(1 − ᾱₜ); infinite at t = 0. */
    public double snr(int t) {
        return t == 0 ? Double.POSITIVE_INFINITY : alphaBar[t] / oneMinusAlphaBar[t];
    }

    /** Posterior variance β̃ₜ = βₜ(1−ᾱₜ₋₁)/(1−ᾱₜ), t ≥ 2. */
    public double posteriorVariance(int t) {
        return beta[t] * oneMinusAlphaBar[t - 1] / oneMinusAlphaBar[t];
    }

    /** Coefficient of x⁽⁰⁾ in the posterior mean μ̃ₜ: √ᾱₜ₋₁ βₜ/(1−ᾱₜ). */
    public double posteriorCoefX0(int t) {
        return Math.sqrt(alphaBar[t - 1]) * beta[t] / oneMinusAlphaBar[t];
    }

    /** Coefficient of x⁽ᵗ⁾ in the posterior mean μ̃ₜ: √αₜ (1−ᾱₜ₋₁)/(1−ᾱₜ). */
    public double posteriorCoefXt(int t) {
        return Math.sqrt(1.0 - beta[t]) * oneMinusAlphaBar[t - 1] / oneMinusAlphaBar[t];
    }

    /** A copy of β₁..β_T (index 0 is β₁). */
    public double[] betas() {
        return Arrays.copyOfRange(beta, 1, steps + 1);
    }

    @Override
    public String toString() {
        return family.label() + ", T = " + steps;
    }
}
