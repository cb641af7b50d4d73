package lab.diffusion.engine.live;

import lab.diffusion.engine.train.TrainingSnapshot;

/**
 * Stops training when held-out K has not improved for a while: remembers the best held-out K of
 * the current model and the training time it was reached. The patience may be set from any
 * thread; everything else runs on the engine thread.
 */
final class AutoStop {

    /** Smallest gain in held-out K (bits) that counts as an improvement. */
    static final double MIN_GAIN_BITS = 1e-4;

    private volatile double patienceSeconds;
    private double best = Double.NEGATIVE_INFINITY;
    private double bestAt;
    private long bestStep;
    private boolean started;

    /** Seconds of training without improvement before stopping (0: never). Any thread. */
    void setPatience(double seconds) {
        patienceSeconds = seconds;
    }

    /** A new model: forget the best K; the patience starts at {@code seconds} of training. */
    void reset(double seconds) {
        best = Double.NEGATIVE_INFINITY;
        bestAt = seconds;
        bestStep = 0;
        started = seconds > 0;
    }

    /**
     * Takes a snapshot; returns the sentence saying why training should stop now, or null to go
     * on.
     */
    String check(TrainingSnapshot s) {
        if (!started) {
            bestAt = s.seconds(); // no evaluation yet: the patience starts with the first chunk
            started = true;
        }
        if (s.heldoutStep() > 0 && s.heldoutStep() != bestStep && Double.isFinite(s.heldoutKBits())) {
            if (s.heldoutKBits() > best + MIN_GAIN_BITS) {
                best = s.heldoutKBits();
                bestAt = s.seconds();
            }
            bestStep = s.heldoutStep();
        }
        double patience = patienceSeconds;
        if (patience > 0 && Double.isFinite(best) && s.seconds() - bestAt >= patience) {
            return String.format("Auto-stopped at step %,d: held-out K has not improved for %.0f s (best %.3f bits).",
                    s.step(), s.seconds() - bestAt, best);
        }
        return null;
    }
}
