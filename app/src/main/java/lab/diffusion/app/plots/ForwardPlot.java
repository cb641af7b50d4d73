package lab.diffusion.app.plots;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** The forward process q(x⁽ᵗ⁾): the data pushed through t noising steps. Also the drawing surface. */
public final class ForwardPlot extends PlotCanvas {

    private float[][] states;
    private PointColors colors;
    private boolean colorByStart = true;
    private int t;
    private float[] followPath;
    private double brushX = Double.NaN;
    private double brushY;
    private double brushPixels;

    public ForwardPlot() {
        setId("forward-plot");
        setEqualAspect(true);
        setTitle("Forward  q(x⁽ᵗ⁾)");
    }

    /** Forward states (data units) for t = 0..T, colours by start. */
    public void setStates(float[][] s, PointColors c) {
        states = s;
        colors = c;
        invalidate();
    }

    public void setT(int t) {
        this.t = t;
        invalidate();
    }

    public void setColorByStart(boolean b) {
        colorByStart = b;
        invalidate();
    }

    /** The followed point's forward path (data units, t = 0..T) or null. */
    public void setFollowPath(float[] p) {
        followPath = p;
        invalidate();
    }

    /** Shows the brush outline at a screen position (NaN hides it). */
    public void setBrush(double sx, double sy, double radiusPixels) {
        brushX = sx;
        brushY = sy;
        brushPixels = radiusPixels;
        invalidate();
    }

    /** Number of points drawn at the current t. */
    public int pointCount() {
        if (states == null || t >= states.length || states[t] == null) {
            return 0;
        }
        return states[t].length / 2;
    }

    /** The current positions (data units) of the points shown. */
    public float[] currentPositions() {
        return states == null || t >= states.length ? null : states[t];
    }

    @Override
    protected void paintContent(GraphicsContext g, Viewport v) {
        if (states != null && t < states.length) {
            Points.draw(g, v, pixels, outputScale(), states[t], colors, colorByStart ? null : theme.accent, 3);
        }
        Points.path(g, v, followPath, t, theme.path, 2);
        if (pointCount() == 0) {
            g.setFill(theme.mutedText);
            g.setFont(theme.labelFont);
            g.fillText("No data. Choose a preset or pick Spray and drag here.", v.left() + 12, v.top() + 24);
        }
    }

    @Override
    protected void paintOverlay(GraphicsContext g, Viewport v) {
        if (!Double.isNaN(brushX) && v.contains(brushX, brushY)) {
            g.setStroke(Color.web("#1d232b", 0.7));
            g.setLineWidth(1.2);
            g.setLineDashes(4, 3);
            g.strokeOval(brushX - brushPixels, brushY - brushPixels, 2 * brushPixels, 2 * brushPixels);
            g.setLineDashes();
        }
    }
}
