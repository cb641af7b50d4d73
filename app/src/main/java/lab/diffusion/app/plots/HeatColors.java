package lab.diffusion.app.plots;

import javafx.scene.paint.Color;

/**
 * A light sequential colour map from pale blue through pale green to pale orange, light enough
 * everywhere that dark arrows stay readable on it; lightness and hue both change, so it does not
 * depend on telling hues apart. The palette is switched on the FX thread; colours are read on any thread.
 */
final class HeatColors {

    private static final Color[] ANCHORS = {
        Color.web("#a9c4e8"), Color.web("#c3dbe8"), Color.web("#d9ecd8"), Color.web("#f2efc4"), Color.web("#f9d7a0")};
    /** A light version of viridis (blue-purple to yellow): safe for colour-vision deficiencies, lightness rising. */
    private static final Color[] SAFE_ANCHORS = {
        Color.web("#b7b3d6"), Color.web("#a8c7de"), Color.web("#a6dccb"), Color.web("#c9ea9e"), Color.web("#f6f0a0")};
    private static final Color[] TABLE = new Color[64];

    static {
        usePalette(false);
    }

    /** The default or the colour-blind-safe map (plots pick it up at their next paint). */
    static synchronized void usePalette(boolean colourBlindSafe) {
        Color[] an = colourBlindSafe ? SAFE_ANCHORS : ANCHORS;
        for (int i = 0; i < TABLE.length; i++) {
            double f = i / (TABLE.length - 1.0) * (an.length - 1);
            int a = Math.min(an.length - 2, (int) f);
            TABLE[i] = an[a].interpolate(an[a + 1], f - a);
        }
    }

    private HeatColors() {
    }

    /** Colour for f in [0, 1] (clamped). */
    static Color at(double f) {
        if (Double.isNaN(f)) {
            return Color.GRAY;
        }
        int i = (int) Math.round(Math.max(0, Math.min(1, f)) * (TABLE.length - 1));
        return TABLE[i];
    }
}
