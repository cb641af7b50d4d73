package lab.diffusion.engine.model;

/**
 * What one gradient step measured.
 *
 * @param loss      the minimized training loss (paper model: −K estimate in nats; DDPM: ‖ε − ε̂‖² per coordinate)
 * @param kEstimate single-batch estimate of K in nats per example (NaN if the batch had no t ≥ 2)
 */
public record StepLoss(double loss, double kEstimate) {
}
