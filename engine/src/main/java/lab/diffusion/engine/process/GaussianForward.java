package lab.diffusion.engine.process;

import java.util.random.RandomGenerator;
import lab.diffusion.engine.schedule.Schedule;

/**
 * The Gaussian forward process of paper-math §1 on row-major point arrays (n × dim).
 * Kernel N(√(1−βₜ)x, βₜI), marginal N(√ᾱₜx⁽⁰⁾, (1−ᾱₜ)I) and the posterior q(x⁽ᵗ⁻¹⁾|x⁽ᵗ⁾,x⁽⁰⁾).
 */
public final class GaussianForward {

    private final Schedule schedule;

    public GaussianForward(Schedule schedule) {
        this.schedule = schedule;
    }

    public Schedule schedule() {
        return schedule;
    }

    /** x⁽ᵗ⁾ = √ᾱₜ x⁽⁰⁾ + √(1−ᾱₜ) ε, elementwise; {@code out} may alias {@code x0}. */
    public void marginal(float[] x0, float[] eps, int t, float[] out, int length) {
        double a = Math.sqrt(schedule.alphaBar(t));
        double s = Math.sqrt(schedule.oneMinusAlphaBar(t));
        for (int i = 0; i < length; i++) {
            out[i] = (float) (a * x0[i] + s * eps[i]);
        }
    }

    /** Draws x⁽ᵗ⁾ ~ q(x⁽ᵗ⁾|x⁽⁰⁾) for every element; returns a new array. */
    public float[] sampleMarginal(float[] x0, int t, RandomGenerator rng) {
        float[] out = new float[x0.length];
        double a = Math.sqrt(schedule.alphaBar(t));
        double s = Math.sqrt(schedule.oneMinusAlphaBar(t));
        for (int i = 0; i < x0.length; i++) {
            out[i] = (float) (a * x0[i] + s * rng.nextGaussian());
        }
        return out;
    }

    /** One kernel step x⁽ᵗ⁻¹⁾ → x⁽ᵗ⁾ in place. */
    public void step(float[] x, int t, RandomGenerator rng) {
        double a = Math.sqrt(1.0 - schedule.beta(t));
        double s = Math.sqrt(schedule.beta(t));
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (a * x[i] + s * rng.nextGaussian());
        }
    }

    /**
     * A whole forward trajectory by repeated kernel steps: element t of the result is x⁽ᵗ⁾,
     * t = 0..T (element 0 is a copy of the data).
     */
    public float[][] trajectory(float[] x0, RandomGenerator rng) {
        int steps = schedule.steps();
        float[][] states = new float[steps + 1][];
        states[0] = x0.clone();
        float[] x = x0.clone();
        for (int t = 1; t <= steps; t++) {
            step(x, t, rng);
            states[t] = x.clone();
        }
        return states;
    }

    /** Posterior mean μ̃ₜ(x⁽ᵗ⁾, x⁽⁰⁾) for one coordinate, t ≥ 2. */
    public double posteriorMean(double x0, double xt, int t) {
        return schedule.posteriorCoefX0(t) * x0 + schedule.posteriorCoefXt(t) * xt;
    }

    /** Posterior variance β̃ₜ, t ≥ 2. */
    public double posteriorVariance(int t) {
        return schedule.posteriorVariance(t);
    }
}
