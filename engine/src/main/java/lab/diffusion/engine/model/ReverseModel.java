package lab.diffusion.engine.model;

/**
 * A learned Gaussian reverse process p(x⁽ᵗ⁻¹⁾|x⁽ᵗ⁾) = N(f_μ, diag f_Σ) for t = 2..T; the t = 1
 * step is the forward kernel with β₁. All methods must be called on the thread that owns ND4J.
 */
public interface ReverseModel extends TrainableModel {

    /**
     * Mean and variance of p(x⁽ᵗ⁻¹⁾|x⁽ᵗ⁾) for n points (row-major n × D) at one t in 1..T.
     * Outputs are row-major n × D.
     */
    void reverse(float[] x, int n, int t, float[] mean, float[] var);
}
