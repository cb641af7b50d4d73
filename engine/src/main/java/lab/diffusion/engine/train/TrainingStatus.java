package lab.diffusion.engine.train;

/** What the trainer is doing. */
public enum TrainingStatus {
    /** Created, not yet stepped. */
    IDLE,
    /** Inside a run. */
    RUNNING,
    /** A run ended (step/time limit or stop request); can continue. */
    STOPPED,
    /** The loss or gradient became NaN/Inf; the last good parameters were restored. */
    DIVERGED
}
