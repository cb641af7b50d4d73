package lab.diffusion.engine.session;

import lab.diffusion.engine.train.TrainingHistory;

/**
 * One training run kept in a session's run history: what it was, how K went, and a small
 * picture of its samples.
 *
 * @param name          a short name ("Run 3")
 * @param settings      the model, schedule and optimizer in one line
 * @param curve         its K history
 * @param heldoutBits   the last held-out K (NaN if never evaluated)
 * @param thumbnailPng  a PNG of its reverse samples (may be empty)
 */
public record RunRecord(String name, String settings, TrainingHistory.Curve curve, double heldoutBits, byte[] thumbnailPng) {

    /** Most runs a session keeps. */
    public static final int MAX_RUNS = 32;
    /** Largest thumbnail accepted. */
    public static final int MAX_THUMBNAIL_BYTES = 1 << 20;

    public RunRecord {
        thumbnailPng = thumbnailPng == null ? new byte[0] : thumbnailPng.clone();
        if (name == null || settings == null || curve == null) {
            throw new IllegalArgumentException("a run needs a name, settings and a curve");
        }
    }

    @Override
    public byte[] thumbnailPng() {
        return thumbnailPng.clone();
    }
}
