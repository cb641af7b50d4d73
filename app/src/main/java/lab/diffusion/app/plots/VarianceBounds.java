package lab.diffusion.app.plots;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import lab.diffusion.engine.objective.BoundReport;
import lab.diffusion.engine.schedule.Schedule;

/**
 * The entropy bounds of each reverse step (paper §2.6): the learned reverse variance f_Σ,
 * averaged over held-out x⁽ᵗ⁾, against its bounds β̃ₜ (below) and βₜ (above), log scale. FX thread.
 */
public final class VarianceBounds extends PlotCanvas {

    private static final Color LOWER = Color.web("#2e8b57");
    private static final Color UPPER = Color.web("#1f6fb2");

    private Schedule schedule;
    private double[] learned;

    public VarianceBounds() {
        setId("variance-bounds");
        setTitle("Reverse variance vs its bounds");
        setLogY(true);
        setPadding(46, 36, 10, 28);
        setAxisLabels("t", "");
        setSubtitle("β̃ₜ ≤ learned f_Σ ≤ βₜ; evaluated with held-out K");
    }

    public void setData(BoundReport r, Schedule s) {
        schedule = s;
        learned = r == null || r.reverseVariancePerT().length != s.steps() + 1 ? null : r.reverseVariancePerT();
        double lo = 1;
        double hi = 1e-3;
        for (int t = 2; t <= s.steps(); t++) {
            lo = Math.min(lo, s.posteriorVariance(t));
            hi = Math.max(hi, s.beta(t));
        }
        lo = Math.pow(10, Math.floor(Math.log10(Math.max(1e-12, lo))));
        hi = Math.pow(10, Math.ceil(Math.log10(Math.min(1, hi * 1.5))));
        setWorld(1, Math.max(2, s.steps()), lo, hi);
        if (learned != null) {
            int outside = 0;
            for (int t = 2; t <= s.steps(); t++) {
                if (learned[t] < s.posteriorVariance(t) * 0.999 || learned[t] > s.beta(t) * 1.001) {
                    outside++;
                }
            }
            setSubtitle(outside == 0 ? "the learned variance lies within the bounds at every t"
                    : String.format("outside the bounds at %d of %d steps", outside, s.steps() - 1));
        } else {
            setSubtitle("β̃ₜ ≤ learned f_Σ ≤ βₜ; evaluated with held-out K");
        }
        invalidate();
    }

    @Override
    protected void paintContent(GraphicsContext g, Viewport v) {
        if (schedule == null) {
            return;
        }
        line(g, v, true, LOWER);
        line(g, v, false, UPPER);
        if (learned != null) {
            g.setFill(theme.accent2);
            for (int t = 2; t <= schedule.steps(); t++) {
                if (learned[t] > 0) {
                    g.fillOval(v.sx(t) - 2.5, v.sy(learned[t]) - 2.5, 5, 5);
                }
            }
        }
    }

    private void line(GraphicsContext g, Viewport v, boolean lower, Color c) {
        g.setStroke(c);
        g.setLineWidth(2);
        g.beginPath();
        for (int t = 2; t <= schedule.steps(); t++) {
            double y = lower ? schedule.posteriorVariance(t) : schedule.beta(t);
            if (t == 2) {
                g.moveTo(v.sx(t), v.sy(y));
            } else {
                g.lineTo(v.sx(t), v.sy(y));
            }
        }
        g.stroke();
    }

    @Override
    protected void paintOverlay(GraphicsContext g, Viewport v) {
        g.setFont(theme.smallFont);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double x = v.left() + 8;
        double y = v.top() + 10;
        g.setFill(theme.labelBackground());
        g.fillRect(x - 4, y - 7, 190, 16);
        g.setFill(UPPER);
        g.fillRect(x, y - 2, 12, 4);
        g.setFill(theme.text);
        g.fillText("βₜ", x + 15, y);
        g.setFill(LOWER);
        g.fillRect(x + 40, y - 2, 12, 4);
        g.setFill(theme.text);
        g.fillText("β̃ₜ", x + 55, y);
        g.setFill(theme.accent2);
        g.fillOval(x + 82, y - 3, 6, 6);
        g.setFill(theme.text);
        g.fillText("learned f_Σ", x + 93, y);
    }
}
