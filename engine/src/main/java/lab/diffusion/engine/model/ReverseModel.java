package lab.diffusion.engine.model;

import lab.diffusion.engine.nn.ParamBuffer;
import lab.diffusion.engine.schedule.Schedule;

/**
 * A learned reverse process p(x⁽ᵗ⁻¹⁾|x⁽ᵗ⁾) = N(f_μ, diag f_Σ) for t = 2..T; the t = 1 step is
 * the forward kernel with β₁. All methods must be called on the thread that owns ND4J.
 */
public interface ReverseModel {

    ModelSpec spec();

    Schedule schedule();

    default int dim() {
        return spec().dim();
    }

    /** Parameters (master copy and native buffers) and their gradient. */
    ParamBuffer parameters();

    /** Smallest t the training loss samples (paper: 2, DDPM: 1). */
    int firstTrainingStep();

    /** Computes the training loss of the batch and writes its gradient into {@link #parameters()}. */
    StepLoss lossAndGradient(TrainingBatch batch);

    /**
     * Mean and variance of p(x⁽ᵗ⁻¹⁾|x⁽ᵗ⁾) for n points (row-major n × D) at one t in 1..T.
     * Outputs are row-major n × D.
     */
    void reverse(float[] x, int n, int t, float[] mean, float[] var);
}
