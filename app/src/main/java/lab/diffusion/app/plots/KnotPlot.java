package lab.diffusion.app.plots;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import lab.diffusion.engine.schedule.Knots;

/** A drawn schedule: its curve in the knots' space over t, with knots a person drags up and down. FX thread. */
public final class KnotPlot extends PlotCanvas {

    private Knots knots;
    private double[] curve;
    private int dragging = -1;
    private int hover = -1;
    private BooleanSupplier mayDrag = () -> true;
    private Consumer<Knots> onChange = k -> { };

    public KnotPlot() {
        setId("knot-plot");
        setTitle("Drag the knots");
        setPadding(56, 40, 14, 34);
        setAxisLabels("t", "");
        setOnMousePressed(e -> {
            dragging = nearest(e.getX(), e.getY());
            if (dragging >= 0) {
                e.consume();
                if (!mayDrag.getAsBoolean()) {
                    dragging = -1; // refused before the drag began, never in the middle of it
                }
            }
        });
        setOnMouseDragged(e -> {
            Viewport v = viewport();
            if (dragging >= 0 && v != null) {
                double y = v.wy(Math.max(v.top(), Math.min(v.top() + v.height(), e.getY())));
                setKnots(knots.withValue(dragging, y));
                onChange.accept(knots);
            }
        });
        setOnMouseReleased(e -> dragging = -1);
        setOnMouseMoved(e -> {
            int h = nearest(e.getX(), e.getY());
            if (h != hover) {
                hover = h;
                setCursor(h >= 0 ? Cursor.V_RESIZE : Cursor.DEFAULT);
                invalidate();
            }
        });
    }

    /** Asked when a knot is grabbed (a question, if any, comes before the drag); false cancels the drag. */
    public void setMayDrag(BooleanSupplier may) {
        mayDrag = may;
    }

    /** Called with the new knots while a knot is dragged. */
    public void setOnChange(Consumer<Knots> c) {
        onChange = c;
    }

    public Knots knots() {
        return knots;
    }

    public void setKnots(Knots k) {
        knots = k;
        curve = k.curve();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 1; t <= k.steps(); t++) {
            lo = Math.min(lo, curve[t]);
            hi = Math.max(hi, curve[t]);
        }
        switch (k.space()) {
            case ALPHA_BAR -> {
                lo = 0;
                hi = 1;
            }
            case LOG_BETA -> {
                lo = Math.min(lo, Math.log(1e-6)) - 0.5;
                hi = Math.max(hi, Math.log(Knots.MAX_BETA)) + 0.3;
            }
            default -> {
                double pad = 0.1 * Math.max(1, hi - lo);
                lo -= pad;
                hi += pad;
            }
        }
        double pad = 0.025 * (k.steps() - 1); // knots at t = 1 and T stay fully visible
        setWorld(1 - pad, k.steps() + pad, lo, hi);
        setSubtitle(k.space().label() + " over t, " + k.size() + " knots, monotone interpolation");
        invalidate();
    }

    /** The knot within 12 pixels of a point, or −1. */
    public int nearest(double sx, double sy) {
        Viewport v = viewport();
        if (v == null || knots == null) {
            return -1;
        }
        int best = -1;
        double bestD = 144;
        for (int i = 0; i < knots.size(); i++) {
            double dx = v.sx(knots.t(i)) - sx;
            double dy = v.sy(knots.value(i)) - sy;
            double d = dx * dx + dy * dy;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** Screen position (canvas coordinates) of knot i, for tests. */
    public double[] knotPosition(int i) {
        Viewport v = viewport();
        return v == null ? null : new double[] {v.sx(knots.t(i)), v.sy(knots.value(i))};
    }

    @Override
    protected void paintContent(GraphicsContext g, Viewport v) {
        if (knots == null) {
            return;
        }
        g.setStroke(theme.accent);
        g.setLineWidth(2);
        g.beginPath();
        for (int t = 1; t <= knots.steps(); t++) {
            if (t == 1) {
                g.moveTo(v.sx(t), v.sy(curve[t]));
            } else {
                g.lineTo(v.sx(t), v.sy(curve[t]));
            }
        }
        g.stroke();
        for (int i = 0; i < knots.size(); i++) {
            double x = v.sx(knots.t(i));
            double y = v.sy(knots.value(i));
            double r = i == hover || i == dragging ? 7 : 5;
            g.setFill(i == dragging ? theme.accent2 : Color.WHITE);
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            g.setStroke(theme.accent2);
            g.setLineWidth(2);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        }
    }
}
