package lab.diffusion.app.plots;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A plot of many points moving through t = 0..T, with one followed path drawn on top. FX thread. */
abstract class TrajectoryPlot extends PlotCanvas implements Stepped {

    private float[][] states;
    private PointColors colors;
    private boolean colorByStart = true;
    private int t;
    private float[] followPath;

    TrajectoryPlot(String id, String title) {
        setId(id);
        setEqualAspect(true);
        setTitle(title);
    }

    /** States (data units, row-major) for t = 0..T and their colours. */
    public final void setStates(float[][] s, PointColors c) {
        states = s;
        colors = c;
        invalidate();
    }

    @Override
    public final void setT(int t) {
        this.t = t;
        invalidate();
    }

    public final void setColorByStart(boolean b) {
        colorByStart = b;
        invalidate();
    }

    /** The followed path (data units, t = 0..T) or null. */
    public final void setFollowPath(float[] p) {
        followPath = p;
        invalidate();
    }

    /** Number of points drawn at the current t. */
    public final int pointCount() {
        float[] p = positionsAt(t);
        return p == null ? 0 : p.length / 2;
    }

    /** The positions (data units) at step {@code step}, or null. */
    public final float[] positionsAt(int step) {
        return states == null || step < 0 || step >= states.length ? null : states[step];
    }

    /** The positions at the current t. */
    public final float[] currentPositions() {
        return positionsAt(t);
    }

    protected final int t() {
        return t;
    }

    /** Colour used for every point when not colouring by start. */
    protected abstract Color singleColor();

    /** Colour of the followed path. */
    protected abstract Color pathColor();

    @Override
    protected void paintContent(GraphicsContext g, Viewport v) {
        float[] p = positionsAt(t);
        if (p != null) {
            Points.draw(g, v, pixels, outputScale(), p, colors, colorByStart ? null : singleColor(), 3);
        }
        Points.path(g, v, followPath, t, pathColor(), 2);
    }
}
