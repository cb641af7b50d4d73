package lab.diffusion.engine.live;

import lab.diffusion.engine.live.LiveResults.ConditionKind;

/**
 * Conditional sampling of images (grey levels 0..255, row-major): inpainting where {@code hole}
 * is true, or denoising an observation with noise variance 1/snr in model units. Immutable.
 *
 * @param id numbers the requests of one view, so an older run's result is recognised
 */
public record ConditionRequest(long id, ConditionKind kind, float[] grey, boolean[] hole, double snr, int samples, long seed) {
}
