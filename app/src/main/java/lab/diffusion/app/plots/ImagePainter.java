package lab.diffusion.app.plots;

/** Draws one grey image (and optionally a mask tint) into a pixel layer. FX thread. */
final class ImagePainter {

    /** Hole pixels: the grey level tinted towards this colour. */
    static final int HOLE_R = 230;
    static final int HOLE_G = 60;
    static final int HOLE_B = 40;

    private ImagePainter() {
    }

    static int grey(float level) {
        int g = Math.max(0, Math.min(255, Math.round(level)));
        return 0xFF000000 | (g << 16) | (g << 8) | g;
    }

    /** Image at {@code offset} of {@code src} (w × h grey levels) in a square of side {@code size} at (x0, y0). */
    static void paint(PixelLayer layer, float[] src, int offset, int w, int h, double x0, double y0, double size) {
        paint(layer, src, offset, w, h, x0, y0, size, null);
    }

    /** As {@link #paint(PixelLayer, float[], int, int, int, double, double, double)}, tinting pixels where hole is true. */
    static void paint(PixelLayer layer, float[] src, int offset, int w, int h, double x0, double y0, double size, boolean[] hole) {
        double pw = size / w;
        double ph = size / h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                int argb;
                if (hole != null && hole[p]) {
                    float g = src[offset + p] / 255f;
                    int r = Math.round(HOLE_R * 0.65f + 255 * g * 0.35f);
                    int gg = Math.round(HOLE_G * 0.65f + 255 * g * 0.35f);
                    int b = Math.round(HOLE_B * 0.65f + 255 * g * 0.35f);
                    argb = 0xFF000000 | (r << 16) | (gg << 8) | b;
                } else {
                    argb = grey(src[offset + p]);
                }
                layer.rect(x0 + x * pw, y0 + y * ph, pw, ph, argb);
            }
        }
    }
}
