package lab.diffusion.app.plots;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Fits a line of canvas text into a width: a smaller size of the same font (down to three
 * quarters), then an ellipsis at the end. Measures with a scene-less {@link Text}. FX thread.
 */
final class TextFit {

    /** A line that fits, and the font to draw it in. */
    record Fitted(String text, Font font) {
    }

    private static final double SMALLEST = 0.75;
    private static final Text MEASURE = new Text();

    private TextFit() {
    }

    static double width(String s, Font f) {
        MEASURE.setFont(f);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }

    static Fitted fit(String s, Font f, double maxWidth) {
        double w = width(s, f);
        if (w <= maxWidth || s.isEmpty()) {
            return new Fitted(s, f);
        }
        double size = Math.max(f.getSize() * SMALLEST, Math.floor(f.getSize() * maxWidth / w * 10) / 10);
        Font smaller = Font.font(f.getFamily(), size);
        if (width(s, smaller) <= maxWidth) {
            return new Fitted(s, smaller);
        }
        int n = s.length();
        while (n > 1 && width(s.substring(0, n).stripTrailing() + "…", smaller) > maxWidth) {
            n--;
        }
        return new Fitted(s.substring(0, n).stripTrailing() + "…", smaller);
    }
}
