package lab.diffusion.app.plots;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/** Colours and fonts for everything drawn on canvases (one place, so themes can swap it). Immutable; any thread. */
public final class PlotTheme {

    public final Color background;
    public final Color plotArea;
    public final Color frame;
    public final Color grid;
    public final Color text;
    public final Color mutedText;
    public final Color accent;
    public final Color accent2;
    public final Color warning;
    public final Color arrow;
    public final Color idealArrow;
    public final Color path;
    public final Color reversePath;
    public final Font titleFont;
    public final Font labelFont;
    public final Font smallFont;
    public final double lineWidth;

    private PlotTheme(Color background, Color plotArea, Color frame, Color grid, Color text, Color mutedText, Color accent,
                      Color accent2, Color warning, Color arrow, Color idealArrow, Color path, Color reversePath, double scale) {
        this.background = background;
        this.plotArea = plotArea;
        this.frame = frame;
        this.grid = grid;
        this.text = text;
        this.mutedText = mutedText;
        this.accent = accent;
        this.accent2 = accent2;
        this.warning = warning;
        this.arrow = arrow;
        this.idealArrow = idealArrow;
        this.path = path;
        this.reversePath = reversePath;
        this.titleFont = Font.font("DejaVu Sans", FontWeight.BOLD, 13 * scale);
        this.labelFont = Font.font("DejaVu Sans", 11 * scale);
        this.smallFont = Font.font("DejaVu Sans", 10 * scale);
        this.lineWidth = scale;
    }

    /** Behind a label or legend drawn over the plot area: the plot area's colour, slightly see-through. */
    public Color labelBackground() {
        return plotArea.deriveColor(0, 1, 1, 0.85);
    }

    /** The light theme. */
    public static PlotTheme light() {
        return light(1.0);
    }

    /** The light theme with fonts and lines scaled (lecture mode: 1.6). */
    public static PlotTheme light(double scale) {
        return new PlotTheme(Color.web("#f4f5f7"), Color.WHITE, Color.web("#9aa1ab"), Color.web("#e6e8ec"),
                Color.web("#1d232b"), Color.web("#5b6470"), Color.web("#1f6fb2"), Color.web("#d4700f"),
                Color.web("#b3261e"), Color.web("#1d232b"), Color.web("#d4700f"), Color.web("#111111"),
                Color.web("#7a1fa2"), scale);
    }

    /** The dark theme. */
    public static PlotTheme dark(double scale) {
        return new PlotTheme(Color.web("#1e2228"), Color.web("#14171b"), Color.web("#59616c"), Color.web("#2b3038"),
                Color.web("#e6e9ee"), Color.web("#a3abb6"), Color.web("#5aa9f0"), Color.web("#f0a04b"),
                Color.web("#ff6b5e"), Color.web("#e6e9ee"), Color.web("#f0a04b"), Color.web("#f4f4f4"),
                Color.web("#d48cf0"), scale);
    }

    /** High contrast: black on white, strong frames and lines. */
    public static PlotTheme highContrast(double scale) {
        return new PlotTheme(Color.WHITE, Color.WHITE, Color.BLACK, Color.web("#bbbbbb"),
                Color.BLACK, Color.BLACK, Color.web("#0044cc"), Color.web("#b35900"),
                Color.web("#cc0000"), Color.BLACK, Color.web("#b35900"), Color.BLACK,
                Color.web("#7a00a8"), scale * 1.15);
    }

    /** By name: light, dark or high-contrast. */
    public static PlotTheme named(String name, double scale) {
        return switch (name) {
            case "dark" -> dark(scale);
            case "high-contrast" -> highContrast(scale);
            default -> light(scale);
        };
    }

    /** True when text is light on a dark background. */
    public boolean isDark() {
        return background.getBrightness() < 0.5;
    }
}
