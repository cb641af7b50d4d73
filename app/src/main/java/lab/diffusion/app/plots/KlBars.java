package lab.diffusion.app.plots;

import java.util.Arrays;
import javafx.scene.canvas.GraphicsContext;
import lab.diffusion.engine.objective.BoundReport;

/**
 * E[KL] per step t (bits per sample, image or sequence) from the latest held-out evaluation:
 * which steps are still unlearned. When one step dwarfs the rest (t = 2 on images) the axis turns
 * logarithmic so the others stay readable. FX thread.
 */
public final class KlBars extends PlotCanvas {

    /** A largest bar this many times the median one switches to a log axis. */
    static final double LOG_RATIO = 20;

    private double[] klBits;
    private int hoverT = -1;
    private boolean log;

    public KlBars() {
        setId("kl-bars");
        setTitle("KL per step (bits/sample)");
        setPadding(46, 36, 10, 28);
        setAxisLabels("t", "");
        setSubtitle("evaluated on held-out data while training");
        setOnMouseMoved(e -> {
            Viewport v = viewport();
            hoverT = -1;
            if (v != null && klBits != null && v.contains(e.getX(), e.getY())) {
                hoverT = (int) Math.round(v.wx(e.getX()));
                if (hoverT >= 2 && hoverT < klBits.length) {
                    setSubtitle(String.format("t = %d:  E[KL] = %.4f bits", hoverT, klBits[hoverT]));
                }
            }
        });
    }

    /** What K is counted per: "sample", "image" or "sequence". */
    public void setUnit(String unit) {
        setTitle("KL per step (bits/" + unit + ")");
    }

    /** True when the axis is logarithmic (one step dwarfs the rest). */
    public boolean logScale() {
        return log;
    }

    public void setReport(BoundReport r, int steps) {
        if (r == null) {
            klBits = null;
            log = false;
            setLogY(false);
            setWorld(0.5, steps + 0.5, 0, 1);
            setSubtitle("evaluated on held-out data while training");
            return;
        }
        double[] kl = r.klPerT();
        klBits = new double[kl.length];
        double max = 1e-3;
        for (int t = 0; t < kl.length; t++) {
            klBits[t] = kl[t] / Math.log(2);
            max = Math.max(max, klBits[t]);
        }
        double median = median(klBits);
        log = median > 0 && max > LOG_RATIO * median;
        setLogY(log);
        if (log) {
            double lo = Double.MAX_VALUE;
            for (int t = 2; t < klBits.length; t++) {
                if (klBits[t] > 0) {
                    lo = Math.min(lo, klBits[t]);
                }
            }
            setWorld(0.5, kl.length - 0.5, lo * 0.7, max * 1.5);
        } else {
            setWorld(0.5, kl.length - 0.5, 0, max * 1.1);
        }
        int worst = 2;
        for (int t = 2; t < kl.length; t++) {
            if (klBits[t] > klBits[worst]) {
                worst = t;
            }
        }
        setSubtitle(String.format("largest at t = %d: %.3g bits%s", worst, klBits[worst], log ? " · log axis" : ""));
    }

    private static double median(double[] bits) {
        if (bits.length < 3) {
            return 0;
        }
        double[] v = Arrays.copyOfRange(bits, 2, bits.length);
        Arrays.sort(v);
        return v[v.length / 2];
    }

    @Override
    protected void paintContent(GraphicsContext g, Viewport v) {
        if (klBits == null) {
            return;
        }
        double w = Math.max(1, v.width() / (klBits.length) * 0.8);
        for (int t = 2; t < klBits.length; t++) {
            g.setFill(t == hoverT ? theme.accent2 : theme.accent);
            double top = v.sy(log ? Math.max(klBits[t], v.yMin()) : klBits[t]);
            g.fillRect(v.sx(t) - w / 2, top, w, v.top() + v.height() - top);
        }
    }
}
