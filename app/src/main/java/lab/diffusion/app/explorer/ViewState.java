package lab.diffusion.app.explorer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The view settings saved with a session: the mode shown, t, the number of reverse samples,
 * which layers are drawn, the arrow grid, the theme and palette. One codec for saving and
 * opening (each key is written once, here); a value that is missing or unreadable in a file
 * falls back to the given defaults. Immutable.
 */
public record ViewState(String mode, int t, int samples, boolean colorByStart, boolean arrows, boolean heat, boolean ideal,
                        boolean backdrop, boolean alignRows, int arrowGrid, String theme, boolean colourBlind) {

    private static final String MODE = "mode";
    private static final String T = "t";
    private static final String SAMPLES = "samples";
    private static final String COLOR_BY_START = "layers.color_by_start";
    private static final String ARROWS = "layers.arrows";
    private static final String HEAT = "layers.heat";
    private static final String IDEAL = "layers.ideal";
    private static final String BACKDROP = "layers.backdrop";
    private static final String ALIGN_ROWS = "layers.align_rows";
    private static final String ARROW_GRID = "arrow_grid";
    private static final String THEME = "theme";
    private static final String PALETTE = "palette";
    private static final String COLOUR_BLIND_PALETTE = "colour-blind-safe";

    /** The settings as saved in a session file. */
    public Map<String, String> toMap() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(MODE, mode);
        v.put(T, Integer.toString(t));
        v.put(SAMPLES, Integer.toString(samples));
        v.put(COLOR_BY_START, Boolean.toString(colorByStart));
        v.put(ARROWS, Boolean.toString(arrows));
        v.put(HEAT, Boolean.toString(heat));
        v.put(IDEAL, Boolean.toString(ideal));
        v.put(BACKDROP, Boolean.toString(backdrop));
        v.put(ALIGN_ROWS, Boolean.toString(alignRows));
        v.put(ARROW_GRID, Integer.toString(arrowGrid));
        v.put(THEME, theme);
        v.put(PALETTE, colourBlind ? COLOUR_BLIND_PALETTE : "default");
        return v;
    }

    /**
     * Settings read from a session file over {@code defaults}: t clamped to 0..maxT, samples to
     * 4..maxSamples, the arrow grid to 4..64; unknown themes keep the default.
     */
    public static ViewState read(Map<String, String> saved, ViewState defaults, int maxT, int maxSamples, Iterable<String> themes) {
        String theme = saved.getOrDefault(THEME, defaults.theme);
        boolean known = false;
        for (String th : themes) {
            known |= th.equals(theme);
        }
        return new ViewState(saved.getOrDefault(MODE, defaults.mode),
                clamp(integer(saved, T, defaults.t), 0, maxT),
                clamp(integer(saved, SAMPLES, defaults.samples), 4, maxSamples),
                flag(saved, COLOR_BY_START, defaults.colorByStart), flag(saved, ARROWS, defaults.arrows),
                flag(saved, HEAT, defaults.heat), flag(saved, IDEAL, defaults.ideal), flag(saved, BACKDROP, defaults.backdrop),
                flag(saved, ALIGN_ROWS, defaults.alignRows), clamp(integer(saved, ARROW_GRID, defaults.arrowGrid), 4, 64),
                known ? theme : defaults.theme,
                saved.containsKey(PALETTE) ? COLOUR_BLIND_PALETTE.equals(saved.get(PALETTE)) : defaults.colourBlind);
    }

    private static int integer(Map<String, String> m, String key, int fallback) {
        try {
            return m.containsKey(key) ? Integer.parseInt(m.get(key).strip()) : fallback;
        } catch (NumberFormatException e) {
            return fallback; // a view setting that is not a number keeps the default
        }
    }

    private static boolean flag(Map<String, String> m, String key, boolean fallback) {
        return m.containsKey(key) ? Boolean.parseBoolean(m.get(key).strip()) : fallback;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
