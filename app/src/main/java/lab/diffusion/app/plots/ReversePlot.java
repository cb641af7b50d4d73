package lab.diffusion.app.plots;

import javafx.scene.canvas.GraphicsContext;

/** The learned reverse process p(x⁽ᵗ⁾): samples run from noise at T down to t. */
public final class ReversePlot extends PlotCanvas {

    private float[][] states;
    private PointColors colors;
    private boolean colorByStart = true;
    private int t;
    private float[] followPath;
    private String note = "";

    public ReversePlot() {
        setId("reverse-plot");
        setEqualAspect(true);
        setTitle("Reverse  p(x⁽ᵗ⁾)");
    }

    /** Reverse states (data units) for t = 0..T, coloured by where they started (x⁽ᵀ⁾). */
    public void setStates(float[][] s) {
        states = s;
        int n = s == null ? 0 : s[s.length - 1].length / 2;
        colors = s == null ? null : PointColors.byAngle(s[s.length - 1], n);
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

    public void setFollowPath(float[] p) {
        followPath = p;
        invalidate();
    }

    /** A line of text shown inside the plot (e.g. "untrained"). */
    public void setNote(String n) {
        note = n;
        invalidate();
    }

    public int pointCount() {
        if (states == null || t >= states.length || states[t] == null) {
            return 0;
        }
        return states[t].length / 2;
    }

    /** The reverse samples at step t (data units), or null. */
    public float[] positionsAt(int step) {
        return states == null || step >= states.length ? null : states[step];
    }

    @Override
    protected void paintContent(GraphicsContext g, Viewport v) {
        if (states != null && t < states.length) {
            Points.draw(g, v, pixels, outputScale(), states[t], colors, colorByStart ? null : theme.accent2, 3);
        }
        Points.path(g, v, followPath, t, theme.reversePath, 2);
        if (!note.isEmpty()) {
            g.setFill(theme.mutedText);
            g.setFont(theme.labelFont);
            g.fillText(note, v.left() + 10, v.top() + v.height() - 20);
        }
    }
}
