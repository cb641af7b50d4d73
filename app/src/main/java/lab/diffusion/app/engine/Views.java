package lab.diffusion.app.engine;

import lab.diffusion.engine.sample.DriftField;

/** Immutable results the engine sends to the UI, in data units. */
public final class Views {

    private Views() {
    }

    /**
     * Reverse trajectories of the display samples: states[t] holds x⁽ᵗ⁾ (row-major n × 2) in
     * data units for t = 0..T. {@code version} counts model updates.
     */
    public record Reverse(float[][] states, int n, long step, long version) {
        public int steps() {
            return states.length - 1;
        }
    }

    /**
     * The drift field at t in data units, with the ideal drift (or null) for comparison.
     *
     * @param arrowScale factor that makes the longest arrows fill about one grid cell
     */
    public record Drift(DriftField field, float[] idealDx, float[] idealDy, double arrowScale, long step) {
    }

    /** A followed point: its forward path (data units, t = 0..T) and a reverse path from its x⁽ᵀ⁾. */
    public record Follow(int index, float[] forwardPath, float[] reversePath) {
    }

    /** Sample quality: sliced Wasserstein distance of the display samples to held-out data (model units). */
    public record Quality(double sw2, long step) {
    }

    /**
     * Binary mode: f_b(x⁽ᵗ⁾, t), the probability of a 1 at the next reverse step, for the reverse
     * samples at t (row-major n × bits).
     */
    public record Probabilities(int t, float[] prob, int n, int bits, long step) {
    }

    /** What a conditional sampling run did. */
    public enum ConditionKind {
        INPAINT, DENOISE
    }

    /**
     * Image mode: posterior samples of an inpainting or denoising run, states[t] holding the n
     * samples' x⁽ᵗ⁾ in grey levels (row-major n × pixels) for t = 0..T; {@code observed} is the
     * image the samples were conditioned on (the noisy one when denoising), {@code hole} the mask.
     */
    public record Conditioned(long id, ConditionKind kind, float[][] states, int n, float[] observed, boolean[] hole,
                              double seconds, long step) {
    }
}
