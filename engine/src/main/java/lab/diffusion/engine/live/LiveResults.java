package lab.diffusion.engine.live;

import lab.diffusion.engine.sample.DriftField;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.train.TrainingHistory;
import lab.diffusion.engine.train.TrainingSnapshot;

/**
 * What a live session sends to the UI: immutable records in display units (data units for
 * points, 0/1 for sequences, grey levels for images), each tagged with the model generation it
 * belongs to, so a result of a replaced model is never shown. Made on the engine thread, read on
 * any thread.
 */
public final class LiveResults {

    private LiveResults() {
    }

    /** A result of one model generation (see {@link LiveEngine#generation()}). */
    public interface Tagged {
        long generation();
    }

    /** A training snapshot of the current model. */
    public record Progress(long generation, TrainingSnapshot snapshot) implements Tagged {
    }

    /** Reverse trajectories of the display samples: states[t] holds x⁽ᵗ⁾ (row-major n × dim) for t = 0..T. */
    public record Reverse(long generation, float[][] states, int n, long step) implements Tagged {
        public int steps() {
            return states.length - 1;
        }

        /** Values per sample (2 for points, bits, pixels). */
        public int dim() {
            return n == 0 ? 0 : states[0].length / n;
        }
    }

    /**
     * The drift field at t in data units, with the ideal drift (or null) for comparison.
     *
     * @param arrowScale factor that makes the longest arrows fill about one grid cell
     */
    public record Drift(long generation, DriftField field, float[] idealDx, float[] idealDy, double arrowScale, long step)
            implements Tagged {
    }

    /** A followed point: its forward path (data units, t = 0..T) and a reverse path from its x⁽ᵀ⁾. */
    public record Follow(long generation, int index, float[] forwardPath, float[] reversePath) implements Tagged {
    }

    /** Sample quality: sliced Wasserstein distance of the display samples to held-out data (model units). */
    public record Quality(long generation, double sw2, long step) implements Tagged {
    }

    /** Sequences: f_b(x⁽ᵗ⁾, t), the probability of a 1 at the next reverse step, for the reverse samples at t. */
    public record Probabilities(long generation, int t, float[] prob, int n, int bits, long step) implements Tagged {
    }

    /** What a conditional sampling run did. */
    public enum ConditionKind {
        INPAINT, DENOISE
    }

    /**
     * Images: posterior samples of an inpainting or denoising run, states[t] holding the n samples'
     * x⁽ᵗ⁾ in grey levels for t = 0..T; {@code observed} is the image the samples were conditioned
     * on (the noisy one when denoising), {@code hole} the mask.
     */
    public record Conditioned(long generation, long id, ConditionKind kind, float[][] states, int n, float[] observed,
                              boolean[] hole, double seconds, long step) implements Tagged {
    }

    /** A learned schedule as it is now, while it trains. */
    public record LearnedSchedule(long generation, Schedule schedule) implements Tagged {
    }

    /** Training stopped by itself (auto-stop); the sentence says why. */
    public record Stopped(long generation, String message) implements Tagged {
    }

    /** The outcome of training one model of a schedule comparison. */
    public record PairResult(String label, TrainingHistory.Curve curve, double heldoutBits, long steps, double seconds) {
    }

    /** What the engine holds now (for checks and tests). */
    public record State(long generation, String model, int dim, long step, int samples, boolean training) {
    }
}
