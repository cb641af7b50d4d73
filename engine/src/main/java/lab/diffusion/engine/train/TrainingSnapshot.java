package lab.diffusion.engine.train;

import lab.diffusion.engine.objective.BoundReport;

/**
 * An immutable view of training progress, safe to hand to another thread.
 *
 * @param step              optimizer steps taken
 * @param seconds           time spent training
 * @param loss              last minimized loss
 * @param kBits             smoothed training estimate of K, bits per sample
 * @param kMinusLnullBits   that estimate minus L_null, bits
 * @param heldoutKBits      latest held-out K in bits (NaN until evaluated; of the averaged weights when
 *                          the trainer averages them)
 * @param heldoutStep       step at which held-out K was evaluated (−1 if never)
 * @param stepsPerSecond    recent training speed
 * @param learningRate      current learning rate
 * @param batchSize         current batch size
 * @param status            trainer status
 * @param message           a sentence for people (empty if nothing to say)
 * @param heldoutReport     the latest held-out evaluation with its per-step KL (null until evaluated)
 */
public record TrainingSnapshot(long step, double seconds, double loss, double kBits, double kMinusLnullBits,
                               double heldoutKBits, long heldoutStep, double stepsPerSecond,
                               double learningRate, int batchSize, TrainingStatus status, String message,
                               BoundReport heldoutReport) {
}
