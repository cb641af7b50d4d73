package lab.diffusion.app.plots;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import lab.diffusion.engine.schedule.Schedule;

/** βₜ, ᾱₜ and SNRₜ = ᾱₜ/(1−ᾱₜ) over t on a log scale, with the current t marked. FX thread. */
public final class CurveChart extends PlotCanvas {

    private static final Color BETA = Color.web("#1f6fb2");
    private static final Color ALPHA_BAR = Color.web("#2e8b57");
    private static final Color SNR = Color.web("#d4700f");

    private Schedule schedule;
    private Schedule compare;
    private int t = -1;
    private int hoverT = -1;

    public CurveChart() {
        setId("schedule-chart");
        setTitle("β, ᾱ and SNR over t");
        setLogY(true);
        setPadding(44, 38, 10, 30);
        setAxisLabels("t", "");
        setMinSize(120, 150);
        setOnMouseMoved(e -> {
            Viewport v = viewport();
            if (v != null && schedule != null && v.contains(e.getX(), e.getY())) {
                hoverT = (int) Math.max(1, Math.min(schedule.steps(), Math.round(v.wx(e.getX()))));
            } else {
                hoverT = -1;
            }
            updateSubtitle();
        });
        setOnMouseExited(e -> {
            hoverT = -1;
            updateSubtitle();
        });
    }

    @Override
    protected double computePrefHeight(double width) {
        return 190;
    }

    public void setSchedule(Schedule s) {
        schedule = s;
        double lo = 1;
        double hi = 1;
        for (Schedule c : compare == null ? new Schedule[] {s} : new Schedule[] {s, compare}) {
            for (int k = 1; k <= c.steps(); k++) {
                for (double v : new double[] {c.beta(k), c.alphaBar(k), c.snr(k)}) {
                    if (v > 0 && Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        lo = Math.pow(10, Math.floor(Math.log10(Math.max(lo, 1e-12))));
        hi = Math.pow(10, Math.ceil(Math.log10(Math.min(hi, 1e12))));
        setWorld(1, Math.max(2, Math.max(s.steps(), compare == null ? 0 : compare.steps())), lo, hi);
        updateSubtitle();
    }

    /** A second schedule drawn dashed over the first (schedule comparison), or null. */
    public void setCompare(Schedule s) {
        compare = s;
        if (schedule != null) {
            setSchedule(schedule);
        }
    }

    /** The timeline's t: marked on the curves and named in the header (unless the mouse points at another). */
    public void setT(int t) {
        this.t = t;
        updateSubtitle();
        invalidate();
    }

    private void updateSubtitle() {
        if (schedule == null) {
            return;
        }
        int k = hoverT > 0 ? hoverT : Math.max(1, Math.min(schedule.steps(), t));
        setSubtitle(String.format("t = %d:  β = %.3g   ᾱ = %.3g   SNR = %.3g", k, schedule.beta(k), schedule.alphaBar(k), schedule.snr(k)));
    }

    @Override
    protected void paintContent(GraphicsContext g, Viewport v) {
        if (schedule == null) {
            return;
        }
        if (compare != null) {
            g.setLineDashes(6, 4);
            curve(g, v, compare, 0, BETA);
            curve(g, v, compare, 1, ALPHA_BAR);
            curve(g, v, compare, 2, SNR);
            g.setLineDashes();
        }
        curve(g, v, schedule, 0, BETA);
        curve(g, v, schedule, 1, ALPHA_BAR);
        curve(g, v, schedule, 2, SNR);
        if (t >= 1) {
            double x = v.sx(t);
            g.setStroke(theme.text);
            g.setLineWidth(1);
            g.setLineDashes(3, 3);
            g.strokeLine(x, v.top(), x, v.top() + v.height());
            g.setLineDashes();
        }
    }

    private void curve(GraphicsContext g, Viewport v, Schedule sc, int which, Color c) {
        g.setStroke(c);
        g.setLineWidth(2);
        g.beginPath();
        boolean started = false;
        for (int k = 1; k <= sc.steps(); k++) {
            double y = which == 0 ? sc.beta(k) : which == 1 ? sc.alphaBar(k) : sc.snr(k);
            if (!(y > 0) || !Double.isFinite(y)) {
                continue;
            }
            if (!started) {
                g.moveTo(v.sx(k), v.sy(y));
                started = true;
            } else {
                g.lineTo(v.sx(k), v.sy(y));
            }
        }
        g.stroke();
    }

    @Override
    protected void paintOverlay(GraphicsContext g, Viewport v) {
        g.setFont(theme.smallFont);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        String[] names = {"βₜ", "ᾱₜ", "SNRₜ"};
        Color[] cs = {BETA, ALPHA_BAR, SNR};
        double w = 150;
        double x = v.left() + v.width() - w - 4;
        double y = v.top() + 4;
        g.setFill(theme.labelBackground());
        g.fillRect(x, y, w, 16);
        for (int i = 0; i < 3; i++) {
            g.setFill(cs[i]);
            g.fillRect(x + 6 + 48 * i, y + 6, 12, 4);
            g.setFill(theme.text);
            g.fillText(names[i], x + 21 + 48 * i, y + 8);
        }
    }
}
