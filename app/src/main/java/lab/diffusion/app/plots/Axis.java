package lab.diffusion.app.plots;

import java.util.ArrayList;
import java.util.List;

/** Tick positions and labels for linear and logarithmic axes. Pure functions; any thread. */
final class Axis {

    private Axis() {
    }

    /** About {@code target} "nice" ticks (1, 2, 5 × 10ⁿ) covering [lo, hi]. */
    static List<Double> linearTicks(double lo, double hi, int target) {
        List<Double> ticks = new ArrayList<>();
        double span = hi - lo;
        if (!(span > 0) || !Double.isFinite(span)) {
            return ticks;
        }
        double raw = span / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / mag;
        double step = (norm < 1.5 ? 1 : norm < 3.5 ? 2 : norm < 7.5 ? 5 : 10) * mag;
        double first = Math.ceil(lo / step) * step;
        for (double v = first; v <= hi + step * 1e-9; v += step) {
            ticks.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return ticks;
    }

    /** Powers of ten within [lo, hi] (both > 0), thinned to at most ~{@code target}. */
    static List<Double> logTicks(double lo, double hi, int target) {
        List<Double> ticks = new ArrayList<>();
        int a = (int) Math.ceil(Math.log10(lo) - 1e-9);
        int b = (int) Math.floor(Math.log10(hi) + 1e-9);
        int every = Math.max(1, (int) Math.ceil((b - a + 1) / (double) Math.max(1, target)));
        for (int e = a; e <= b; e++) {
            if ((e - a) % every == 0) {
                ticks.add(Math.pow(10, e));
            }
        }
        return ticks;
    }

    /** A short label: integers plainly, otherwise up to 3 significant digits; powers of ten as 10ⁿ. */
    static String label(double v, boolean log) {
        if (log) {
            int e = (int) Math.round(Math.log10(v));
            return e == 0 ? "1" : e == 1 ? "10" : "10" + superscript(e);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        String s = String.format("%.3g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    static String superscript(int e) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder b = new StringBuilder();
        if (e < 0) {
            b.append('⁻');
        }
        for (char c : Integer.toString(Math.abs(e)).toCharArray()) {
            b.append(digits.charAt(c - '0'));
        }
        return b.toString();
    }
}
