package lab.diffusion.engine.train;

/**
 * Receives snapshots on the trainer's (engine worker) thread, at most ~30 per second plus one
 * at the end of every run. Implementations must return quickly (e.g. hand off to the UI).
 */
@FunctionalInterface
public interface TrainerListener {
    void onSnapshot(TrainingSnapshot snapshot);
}
