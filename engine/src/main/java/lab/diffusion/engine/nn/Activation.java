package lab.diffusion.engine.nn;

import lab.diffusion.engine.Named;

/**
 * Hidden-layer nonlinearities with host kernels. ND4J's transcendental ops run at ~4 ns per
 * element on this machine (not vectorized) while these loops vectorize to ~0.25 ns, so the
 * elementwise work is done on a heap copy of the native buffer (see {@link Mirror}).
 * Float kernels use a rational approximation accurate to 3e-7 (a few float ulps); double
 * kernels use the exact functions, so float64 gradient checks test the true derivative.
 */
public enum Activation implements Named {
    TANH("tanh"),
    SIGMOID("sigmoid");

    /** |x| beyond which the float tanh returns ±1 to float precision. */
    static final float TANH_CLAMP = 7.9053111f;
    // tanh(x) ≈ x·P(x²)/Q(x²) on |x| ≤ TANH_CLAMP; fitted for this project (max error 1.5e-8 in exact arithmetic)
    private static final float P0 = 0.99999992258f;
    private static final float P1 = 0.12978149646f;
    private static final float P2 = 2.9848921627e-3f;
    private static final float P3 = 9.8739548100e-6f;
    private static final float P4 = -1.4709335415e-8f;
    private static final float P5 = 2.3585779165e-11f;
    private static final float Q1 = 0.46311450985f;
    private static final float Q2 = 2.4023448312e-2f;
    private static final float Q3 = 2.3709588236e-4f;

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static Activation parse(String text) {
        return Named.parse(Activation.class, text, "activation");
    }

    /** Float tanh to within 3e-7 of the exact value, never outside [−1, 1]. */
    public static float fastTanh(float x) {
        float v = Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, x));
        float s = v * v;
        float p = ((((P5 * s + P4) * s + P3) * s + P2) * s + P1) * s + P0;
        float q = ((Q3 * s + Q2) * s + Q1) * s + 1f;
        return v * p / q;
    }

    /** In place: z[i] ← act(z[i]) for i &lt; n. */
    public void apply(float[] z, int n) {
        if (this == TANH) {
            for (int i = 0; i < n; i++) {
                z[i] = fastTanh(z[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                z[i] = 0.5f + 0.5f * fastTanh(0.5f * z[i]);
            }
        }
    }

    /** In place: z[i] ← act(z[i]) for i &lt; n, exact. */
    public void apply(double[] z, int n) {
        if (this == TANH) {
            for (int i = 0; i < n; i++) {
                z[i] = Math.tanh(z[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                z[i] = 1.0 / (1.0 + Math.exp(-z[i]));
            }
        }
    }

    /** In place: g[i] ← g[i]·act'(·) written in terms of the output h = act(z). */
    public void backward(float[] h, float[] g, int n) {
        if (this == TANH) {
            for (int i = 0; i < n; i++) {
                float v = h[i];
                g[i] *= 1f - v * v;
            }
        } else {
            for (int i = 0; i < n; i++) {
                float v = h[i];
                g[i] *= v * (1f - v);
            }
        }
    }

    /** Double version of {@link #backward(float[], float[], int)}. */
    public void backward(double[] h, double[] g, int n) {
        if (this == TANH) {
            for (int i = 0; i < n; i++) {
                double v = h[i];
                g[i] *= 1.0 - v * v;
            }
        } else {
            for (int i = 0; i < n; i++) {
                double v = h[i];
                g[i] *= v * (1.0 - v);
            }
        }
    }
}
