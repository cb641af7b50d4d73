package lab.diffusion.app.plots;

import javafx.scene.paint.Color;

/**
 * Sequential colour maps for the f_Σ heat map under the drift arrows. On light themes, a light
 * map from pale blue through pale green to pale orange, light enough everywhere that dark arrows
 * stay readable on it; on the dark theme, a dark map with the same order of hues, dark enough that
 * light arrows stay readable. Lightness and hue both change, so neither depends on telling hues
 * apart. The palette is switched on the FX thread; colours are read on any thread.
 */
final class HeatColors {

    private static final Color[] ANCHORS = {
        Color.web("#a9c4e8"), Color.web("#c3dbe8"), Color.web("#d9ecd8"), Color.web("#f2efc4"), Color.web("#f9d7a0")};
    /** A light version of viridis (blue-purple to yellow): safe for colour-vision deficiencies, lightness rising. */
    private static final Color[] SAFE_ANCHORS = {
        Color.web("#b7b3d6"), Color.web("#a8c7de"), Color.web("#a6dccb"), Color.web("#c9ea9e"), Color.web("#f6f0a0")};
    /** The default map for dark plot areas: deep blue through deep green to dark amber. */
    private static final Color[] DARK_ANCHORS = {
        Color.web("#1c3050"), Color.web("#1d4656"), Color.web("#24513f"), Color.web("#4a5122"), Color.web("#6a461c")};
    /** A dark version of viridis for dark plot areas. */
    private static final Color[] DARK_SAFE_ANCHORS = {
        Color.web("#2e2152"), Color.web("#243c62"), Color.web("#1d5558"), Color.web("#2b6140"), Color.web("#5b6622")};
    private static final Color[] TABLE = new Color[64];
    private static final Color[] DARK_TABLE = new Color[64];

    static {
        usePalette(false);
    }

    /** The default or the colour-blind-safe maps (plots pick them up at their next paint). */
    static synchronized void usePalette(boolean colourBlindSafe) {
        fill(TABLE, colourBlindSafe ? SAFE_ANCHORS : ANCHORS);
        fill(DARK_TABLE, colourBlindSafe ? DARK_SAFE_ANCHORS : DARK_ANCHORS);
    }

    private static void fill(Color[] table, Color[] an) {
        for (int i = 0; i < table.length; i++) {
            double f = i / (table.length - 1.0) * (an.length - 1);
            int a = Math.min(an.length - 2, (int) f);
            table[i] = an[a].interpolate(an[a + 1], f - a);
        }
    }

    private HeatColors() {
    }

    /** Colour for f in [0, 1] (clamped) on a plot area of {@code theme}. */
    static Color at(double f, PlotTheme theme) {
        if (Double.isNaN(f)) {
            return Color.GRAY;
        }
        Color[] table = theme.isDark() ? DARK_TABLE : TABLE;
        int i = (int) Math.round(Math.max(0, Math.min(1, f)) * (table.length - 1));
        return table[i];
    }
}
