package lab.diffusion.app.plots;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The drift arrows stay readable on every colour the f_Σ heat map can take, in every theme and
 * with either palette: WCAG contrast ratio ≥ 3 between the arrow colour and each heat colour.
 * No toolkit needed.
 */
class HeatContrastTest {

    @AfterEach
    void defaultPalette() {
        HeatColors.usePalette(false);
    }

    @Test
    void arrowsContrastWithTheHeatMapInEveryThemeAndPalette() {
        List<String> failures = new ArrayList<>();
        for (boolean safe : new boolean[] {false, true}) {
            HeatColors.usePalette(safe);
            for (String name : List.of("light", "dark", "high-contrast")) {
                PlotTheme t = PlotTheme.named(name, 1.0);
                double worst = Double.MAX_VALUE;
                for (int i = 0; i <= 100; i++) {
                    worst = Math.min(worst, contrast(t.arrow, HeatColors.at(i / 100.0, t)));
                }
                if (worst < 3.0) {
                    failures.add(String.format("%s%s: %.2f", name, safe ? " (colour-blind safe)" : "", worst));
                }
            }
        }
        assertTrue(failures.isEmpty(), "arrow contrast below 3: " + failures);
    }

    @Test
    void theContrastFormulaGivesTheKnownExtremes() {
        assertTrue(Math.abs(contrast(Color.BLACK, Color.WHITE) - 21.0) < 1e-9);
        assertTrue(Math.abs(contrast(Color.web("#777777"), Color.WHITE) - 4.48) < 0.01);
    }

    /** WCAG 2 contrast ratio (L1 + 0.05) / (L2 + 0.05). */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
