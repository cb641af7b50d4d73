package lab.diffusion.app.plots;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** The forward process q(x⁽ᵗ⁾): the data pushed through t noising steps. Also the drawing surface. FX thread. */
public final class ForwardPlot extends TrajectoryPlot {

    private double brushX = Double.NaN;
    private double brushY;
    private double brushPixels;

    public ForwardPlot() {
        super("forward-plot", "Forward  q(x⁽ᵗ⁾)");
    }

    /** Shows the brush outline at a screen position (NaN hides it). */
    public void setBrush(double sx, double sy, double radiusPixels) {
        brushX = sx;
        brushY = sy;
        brushPixels = radiusPixels;
        invalidate();
    }

    @Override
    protected Color singleColor() {
        return theme.accent;
    }

    @Override
    protected Color pathColor() {
        return theme.path;
    }

    @Override
    protected void paintContent(GraphicsContext g, Viewport v) {
        super.paintContent(g, v);
        if (pointCount() == 0) {
            g.setFill(theme.mutedText);
            g.setFont(theme.labelFont);
            g.fillText("No data. Choose a preset, or pick Spray and drag here.", v.left() + 12, v.top() + 24);
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
