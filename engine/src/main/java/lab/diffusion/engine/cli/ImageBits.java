package lab.diffusion.engine.cli;

import lab.diffusion.engine.data.Standardizer;
import lab.diffusion.engine.objective.BoundReport;
import lab.diffusion.engine.objective.PixelBits;

/** The per-pixel figures of an image model in the CLI's JSON and text output. */
final class ImageBits {

    private ImageBits() {
    }

    static void put(Json j, BoundReport k, Standardizer s) {
        PixelBits b = PixelBits.of(k, s);
        j.put("K_bits_per_pixel", b.kBits()).put("K_minus_Lnull_bits_per_pixel", b.kMinusLnullBits())
                .put("codelength_bits_per_pixel", b.codelengthBits());
    }

    static String describe(BoundReport k, Standardizer s) {
        return PixelBits.of(k, s).describe();
    }
}
