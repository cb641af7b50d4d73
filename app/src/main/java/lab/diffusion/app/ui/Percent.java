package lab.diffusion.app.ui;

import java.util.Locale;

/**
 * A share as people read it in a caption: "0.4 %" rather than "0 %" when a little has happened,
 * "less than 0.1 %" when almost nothing has, whole numbers from 10 % up. Any thread.
 */
public final class Percent {

    private Percent() {
    }

    /** The fraction f (0..1) as a percentage with a precision that does not round a change away. */
    public static String of(double f) {
        double p = 100 * f;
        if (p > 0 && p < 0.1) {
            return "less than 0.1 %";
        }
        if (p > 99.9 && p < 100) {
            return "more than 99.9 %";
        }
        return String.format(Locale.ROOT, p < 10 || p > 90 && p < 100 ? "%.1f %%" : "%.0f %%", p);
    }
}
