package lab.diffusion.engine.objective;

import lab.diffusion.engine.data.Standardizer;

/**
 * The bound K of an image model per pixel. {@code kBits} and {@code kMinusLnullBits} are in
 * model (standardized) units, as the paper reports K; {@code codelengthBits} is the bound on the
 * negative log-likelihood of the 8-bit image, −K/D + log₂(scale) with the scale in grey levels:
 * the bits per pixel a coder built on the model would need at most (8 for no model at all).
 */
public record PixelBits(double kBits, double kMinusLnullBits, double codelengthBits) {

    public static PixelBits of(BoundReport r, Standardizer s) {
        int d = r.dim();
        double k = r.kBits() / d;
        return new PixelBits(k, r.kMinusLnullBits() / d, -k + Math.log(s.scale()) / Math.log(2.0));
    }

    /** One line for people. */
    public String describe() {
        return String.format("per pixel: K = %.4f bits   K − L_null = %.4f bits   8-bit code length ≤ %.4f bits", kBits,
                kMinusLnullBits, codelengthBits);
    }
}
