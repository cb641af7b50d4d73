package lab.diffusion.app.plots;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import lab.diffusion.engine.live.LiveResults;
import lab.diffusion.engine.sample.DriftField;

/**
 * The learned reverse drift f_μ(x, t) − x as arrows over a heat map of the learned variance f_Σ
 * placed between its bounds β̃ₜ (dark) and βₜ (light); optionally the ideal drift in orange. FX thread.
 */
public final class DriftPlot extends PlotCanvas {

    private LiveResults.Drift drift;
    private boolean showHeat = true;
    private boolean showArrows = true;
    private boolean showIdeal;
    private float[] backdrop;

    public DriftPlot() {
        setId("drift-plot");
        setEqualAspect(true);
        setTitle("Drift  f_μ(x,t) − x");
    }

    public void setDrift(LiveResults.Drift d) {
        drift = d;
        invalidate();
    }

    public LiveResults.Drift drift() {
        return drift;
    }

    public void setShowHeat(boolean b) {
        showHeat = b;
        invalidate();
    }

    public void setShowArrows(boolean b) {
        showArrows = b;
        invalidate();
    }

    public void setShowIdeal(boolean b) {
        showIdeal = b;
        invalidate();
    }

    /** Faint points drawn under the arrows (the reverse samples at t), or null. */
    public void setBackdrop(float[] xy) {
        backdrop = xy;
        invalidate();
    }

    /** Where f_Σ sits between β̃ₜ (0) and βₜ (1) at grid point k (mean over the two coordinates). */
    static double relativeVariance(DriftField f, int k) {
        double v = 0.5 * (f.varX()[k] + f.varY()[k]);
        if (Double.isNaN(f.postVar())) {
            return v / f.beta();
        }
        double span = f.beta() - f.postVar();
        return span > 1e-12 * f.beta() ? (v - f.postVar()) / span : 0.5;
    }

    @Override
    protected void paintContent(GraphicsContext g, Viewport v) {
        if (drift == null) {
            g.setFill(theme.mutedText);
            g.setFont(theme.labelFont);
            g.fillText("The drift appears when a model exists.", v.left() + 12, v.top() + 24);
            return;
        }
        DriftField f = drift.field();
        int n = f.nx() * f.ny();
        double cellX = Math.abs(v.sx(f.xMin() + (f.xMax() - f.xMin()) / (f.nx() - 1)) - v.sx(f.xMin()));
        double cellY = Math.abs(v.sy(f.yMin() + (f.yMax() - f.yMin()) / (f.ny() - 1)) - v.sy(f.yMin()));
        if (showHeat || backdrop != null) {
            pixels.begin(v, outputScale());
            if (showHeat) {
                for (int k = 0; k < n; k++) {
                    pixels.rect(v.sx(f.x()[k]) - cellX / 2 - v.left(), v.sy(f.y()[k]) - cellY / 2 - v.top(), cellX + 1, cellY + 1,
                            PixelLayer.argb(HeatColors.at(relativeVariance(f, k), theme)));
                }
            }
            if (backdrop != null) {
                int dot = PixelLayer.argb(theme.reversePath);
                for (int i = 0; i < backdrop.length / 2; i++) {
                    pixels.dot(v.sx(backdrop[2 * i]) - v.left(), v.sy(backdrop[2 * i + 1]) - v.top(), 2, dot);
                }
            }
            pixels.end(g, v);
        }
        double scale = drift.arrowScale();
        if (showIdeal && drift.idealDx() != null) {
            arrows(g, v, f, drift.idealDx(), drift.idealDy(), scale, theme.idealArrow, 1.6);
        }
        if (showArrows) {
            arrows(g, v, f, f.dx(), f.dy(), scale, theme.arrow, 1.3);
        }
    }

    private static void arrows(GraphicsContext g, Viewport v, DriftField f, float[] dx, float[] dy, double scale,
                               Color color, double width) {
        g.setStroke(color);
        g.setLineWidth(width);
        g.beginPath();
        for (int k = 0; k < f.nx() * f.ny(); k++) {
            double x0 = v.sx(f.x()[k]);
            double y0 = v.sy(f.y()[k]);
            double x1 = v.sx(f.x()[k] + dx[k] * scale);
            double y1 = v.sy(f.y()[k] + dy[k] * scale);
            double len = Math.hypot(x1 - x0, y1 - y0);
            if (len < 0.8) {
                continue;
            }
            g.moveTo(x0, y0);
            g.lineTo(x1, y1);
            double head = Math.min(5, 0.4 * len);
            double ux = (x1 - x0) / len;
            double uy = (y1 - y0) / len;
            g.moveTo(x1 - head * (ux - 0.5 * uy), y1 - head * (uy + 0.5 * ux));
            g.lineTo(x1, y1);
            g.lineTo(x1 - head * (ux + 0.5 * uy), y1 - head * (uy - 0.5 * ux));
        }
        g.stroke();
    }

    @Override
    protected void paintOverlay(GraphicsContext g, Viewport v) {
        if (drift == null || !showHeat) {
            return;
        }
        double w = 110;
        double h = 8;
        double x = v.left() + v.width() - w - 6 - 2 * theme.smallFont.getSize();
        // on the title's row, right-aligned (the subtitle below is long); where that row is too short,
        // inside the plot's lower right corner on a label background (never over the subtitle)
        double titleRight = 8 + title().length() * theme.titleFont.getSize() * 0.62;
        double labelWidth = 9 * theme.smallFont.getSize() * 0.62;
        boolean titleRow = x - labelWidth > titleRight + 12;
        double y = titleRow ? 6 + theme.titleFont.getSize() * 0.6 - h / 2 : v.top() + v.height() - h - 8;
        if (!titleRow) {
            double pad = theme.smallFont.getSize();
            g.setFill(theme.labelBackground());
            double left = Math.max(v.left(), x - labelWidth - 4); // within the plot, however narrow
            g.fillRect(left, y - pad / 2, x - 4 + w + 2.5 * theme.smallFont.getSize() - left, h + pad);
        }
        for (int i = 0; i < w; i++) {
            g.setFill(HeatColors.at(i / (w - 1), theme));
            g.fillRect(x + i, y, 1.5, h);
        }
        g.setFont(theme.smallFont);
        g.setFill(theme.mutedText);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        boolean first = Double.isNaN(drift.field().postVar());
        g.fillText(first ? "f_Σ:  0" : "f_Σ:  β̃ₜ", x - 3, y + h / 2);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("βₜ", x + w + 2, y + h / 2);
    }
}
