package lab.diffusion.app.mode;

/**
 * How the bound K of a mode's data is read: per what ("sample", "sequence", "pixel"), the
 * divisor for per-unit readouts (pixels of an image, else 1), L_null with its label, and a
 * reference line (the true log-likelihood or the optimum; NaN when none). Immutable.
 */
public record KUnits(String unit, int perUnit, double lnullBits, String lnullLabel, double referenceBits, String referenceLabel) {
}
