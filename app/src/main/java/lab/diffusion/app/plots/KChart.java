package lab.diffusion.app.plots;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import lab.diffusion.engine.train.TrainingHistory;

/**
 * The bound K in bits over training steps: the smoothed training estimate as a line, held-out
 * evaluations as dots, L_null (and a known ceiling) as reference lines, and K − L_null on the
 * right axis. Hovering reads the values under the mouse. FX thread.
 */
public final class KChart extends PlotCanvas {

    private TrainingHistory.Curve curve;
    private double lnull = Double.NaN;
    private double ceiling = Double.NaN;
    private String ceilingLabel = "";
    private String note = "";
    private int hover = -1;
    private String lnullLabel = "L_null (unit Gaussian)";
    private double scale = 1;
    private TrainingHistory.Curve second;
    private String secondLabel = "";
    private String firstLabel = "";

    /** What K is per ("sample" or "sequence") and how the L_null line is labelled. */
    public void setUnit(String unit, String lnullText) {
        setTitle("Bound K (bits per " + unit + ")");
        lnullLabel = lnullText;
        invalidate();
    }

    public KChart() {
        setId("k-chart");
        setTitle("Bound K (bits per sample)");
        setPadding(48, 36, 52, 28);
        setAxisLabels("training step", "");
        setOnMouseMoved(e -> {
            Viewport v = viewport();
            hover = -1;
            if (v != null && curve != null && curve.size() > 0 && v.contains(e.getX(), e.getY())) {
                double step = v.wx(e.getX());
                long[] s = curve.steps();
                int best = 0;
                for (int i = 1; i < s.length; i++) {
                    if (Math.abs(s[i] - step) < Math.abs(s[best] - step)) {
                        best = i;
                    }
                }
                hover = best;
            }
            updateSubtitle();
            invalidate();
        });
        setOnMouseExited(e -> {
            hover = -1;
            updateSubtitle();
            invalidate();
        });
    }

    /**
     * Shows values divided by this (the pixels per image, to show K per pixel); applies to
     * curves and references set afterwards.
     */
    public void setScale(double divisor) {
        scale = divisor;
    }

    /** L_null in bits (log-likelihood under N(0, I)) and an optional ceiling (true log-likelihood). */
    /** A one-line note at the foot of the plot (empty: none), e.g. why a model's K reads as it does. */
    public void setNote(String text) {
        note = text == null ? "" : text;
        invalidate();
    }

    public void setReferences(double lnullBits, double ceilingBits, String ceilingText) {
        lnull = lnullBits / scale;
        ceiling = ceilingBits / scale;
        ceilingLabel = ceilingText;
        rescale();
    }

    /** A second K curve drawn for comparison (another run), with labels for both. */
    public void setSecondCurve(TrainingHistory.Curve c, String label, String firstCurveLabel) {
        second = scaled(c);
        secondLabel = label;
        firstLabel = firstCurveLabel;
        rescale();
    }

    private TrainingHistory.Curve scaled(TrainingHistory.Curve c) {
        if (c == null || scale == 1) {
            return c;
        }
        double[] k = c.kBits().clone();
        double[] h = c.heldoutBits().clone();
        for (int i = 0; i < k.length; i++) {
            k[i] /= scale;
            h[i] /= scale;
        }
        return new TrainingHistory.Curve(c.steps(), c.seconds(), k, h);
    }

    public void setCurve(TrainingHistory.Curve c) {
        c = scaled(c);
        curve = c;
        if (hover >= (c == null ? 0 : c.size())) {
            hover = -1;
        }
        rescale();
        updateSubtitle();
    }

    /** Number of points on the curve. */
    public int pointCount() {
        return curve == null ? 0 : curve.size();
    }

    /**
     * Fits the y axis to the recent part of the curves (the steps after the first tenth of the
     * run) with L_null and the ceiling in view: an early plunge (DDPM starts far below L_null)
     * would otherwise squeeze the converged curve, L_null and the ceiling into one line. The early
     * points below the axis are clipped.
     */
    private void rescale() {
        double lo = Double.isNaN(lnull) ? -5 : lnull - 0.3;
        double hi = Double.isNaN(lnull) ? 0 : lnull + 1.0;
        long maxStep = 100;
        for (TrainingHistory.Curve c : new TrainingHistory.Curve[] {curve, second}) {
            if (c != null && c.size() > 0) {
                maxStep = Math.max(maxStep, c.steps()[c.size() - 1]);
            }
        }
        long recent = maxStep / 10;
        for (TrainingHistory.Curve c : new TrainingHistory.Curve[] {curve, second}) {
            if (c == null) {
                continue;
            }
            for (int i = 0; i < c.size(); i++) {
                boolean last = i == c.size() - 1;
                if (c.steps()[i] < recent && !last) {
                    continue;
                }
                for (double v : new double[] {c.kBits()[i], c.heldoutBits()[i]}) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (Double.isFinite(ceiling)) {
            hi = Math.max(hi, ceiling);
        }
        double pad = 0.08 * (hi - lo);
        setWorld(0, maxStep * 1.02, lo - pad, hi + pad);
    }

    private void updateSubtitle() {
        if (curve == null || curve.size() == 0) {
            setSubtitle("no training yet");
            return;
        }
        int i = hover >= 0 ? hover : curve.size() - 1;
        double k = curve.kBits()[i];
        double h = curve.heldoutBits()[i];
        String held = Double.isNaN(h) ? "" : String.format("   held-out %.3f", h);
        setSubtitle(String.format("step %,d:  K ≈ %.3f   K − L_null = %.3f%s", curve.steps()[i], k, k - lnull, held));
    }

    @Override
    protected void paintContent(GraphicsContext g, Viewport v) {
        reference(g, v, lnull, lnullLabel, theme.mutedText);
        reference(g, v, ceiling, ceilingLabel, theme.accent2);
        if (curve == null || curve.size() == 0) {
            return;
        }
        if (second != null && second.size() > 0) {
            line(g, v, second, theme.reversePath);
            g.setFont(theme.smallFont);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BASELINE);
            g.setFill(theme.accent);
            g.fillText("— " + firstLabel, v.left() + 8, v.top() + 14);
            g.setFill(theme.reversePath);
            g.fillText("— " + secondLabel, v.left() + 8, v.top() + 28);
        }
        long[] s = curve.steps();
        double[] k = curve.kBits();
        g.setStroke(theme.accent);
        g.setLineWidth(1.8);
        g.beginPath();
        boolean started = false;
        for (int i = 0; i < s.length; i++) {
            if (!Double.isFinite(k[i])) {
                continue;
            }
            if (started) {
                g.lineTo(v.sx(s[i]), v.sy(k[i]));
            } else {
                g.moveTo(v.sx(s[i]), v.sy(k[i]));
                started = true;
            }
        }
        g.stroke();
        double[] h = curve.heldoutBits();
        g.setFill(theme.accent2);
        for (int i = 0; i < s.length; i++) {
            if (Double.isFinite(h[i])) {
                g.fillOval(v.sx(s[i]) - 3.5, v.sy(h[i]) - 3.5, 7, 7);
            }
        }
        if (hover >= 0) {
            double x = v.sx(s[hover]);
            g.setStroke(theme.text);
            g.setLineWidth(1);
            g.strokeLine(x, v.top(), x, v.top() + v.height());
        }
    }

    private static void line(GraphicsContext g, Viewport v, TrainingHistory.Curve c, Color color) {
        g.setStroke(color);
        g.setLineWidth(1.6);
        g.beginPath();
        boolean started = false;
        for (int i = 0; i < c.size(); i++) {
            double k = c.kBits()[i];
            if (!Double.isFinite(k)) {
                continue;
            }
            if (started) {
                g.lineTo(v.sx(c.steps()[i]), v.sy(k));
            } else {
                g.moveTo(v.sx(c.steps()[i]), v.sy(k));
                started = true;
            }
        }
        g.stroke();
        g.setFill(color);
        for (int i = 0; i < c.size(); i++) {
            if (Double.isFinite(c.heldoutBits()[i])) {
                g.fillRect(v.sx(c.steps()[i]) - 3, v.sy(c.heldoutBits()[i]) - 3, 6, 6);
            }
        }
    }

    private void reference(GraphicsContext g, Viewport v, double y, String label, Color c) {
        if (!Double.isFinite(y)) {
            return;
        }
        double sy = v.sy(y);
        g.setStroke(c);
        g.setLineWidth(1);
        g.setLineDashes(5, 4);
        g.strokeLine(v.left(), sy, v.left() + v.width(), sy);
        g.setLineDashes();
        g.setFont(theme.smallFont);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        double w = label.length() * 6.2 + 6;
        g.setFill(theme.labelBackground());
        g.fillRect(v.left() + v.width() - w - 4, sy - 14, w, 12);
        g.setFill(c);
        g.fillText(label, v.left() + v.width() - 6, sy - 2);
    }

    @Override
    protected void paintOverlay(GraphicsContext g, Viewport v) {
        if (!note.isEmpty()) { // under the ceiling's label, where a converged curve leaves room; a line per sentence
            g.setFont(theme.smallFont);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            String[] lines = note.split("(?<=\\.) ");
            double lh = theme.smallFont.getSize() * 1.35;
            double w = 0;
            for (String l : lines) {
                w = Math.max(w, l.length() * theme.smallFont.getSize() * 0.56);
            }
            w = Math.min(v.width() - 12, w + 8);
            double y = v.top() + 2 * lh;
            g.setFill(theme.labelBackground());
            g.fillRect(v.left() + 6, y - 2, w, lines.length * lh + 4);
            g.setFill(theme.mutedText);
            for (int i = 0; i < lines.length; i++) {
                g.fillText(lines[i], v.left() + 10, y + i * lh, w - 8);
            }
        }
        if (Double.isNaN(lnull)) {
            return;
        }
        // right axis: K − L_null
        g.setFont(theme.smallFont);
        g.setFill(theme.mutedText);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (double d : Axis.linearTicks(v.yMin() - lnull, v.yMax() - lnull, Math.max(2, (int) (v.height() / 45)))) {
            g.fillText(Axis.label(d, false), v.left() + v.width() + 4, v.sy(d + lnull));
        }
        g.save();
        g.translate(v.left() + v.width() + 40, v.top() + v.height() / 2);
        g.rotate(90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("K − L_null", 0, 0);
        g.restore();
        g.save();
        g.translate(11, v.top() + v.height() / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("K (bits)", 0, 0);
        g.restore();
    }
}
