package lab.diffusion.app.plots;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** The learned reverse process p(x⁽ᵗ⁾): samples run from noise at T down to t. FX thread. */
public final class ReversePlot extends TrajectoryPlot {

    private String note = "";

    public ReversePlot() {
        super("reverse-plot", "Reverse  p(x⁽ᵗ⁾)");
    }

    /** Reverse states (data units) for t = 0..T, coloured by where they started (x⁽ᵀ⁾). */
    public void setStates(float[][] s) {
        int n = s == null ? 0 : s[s.length - 1].length / 2;
        setStates(s, s == null ? null : PointColors.byAngle(s[s.length - 1], n));
    }

    /** A line of text shown inside the plot (e.g. "untrained"). */
    public void setNote(String n) {
        note = n;
        invalidate();
    }

    @Override
    protected Color singleColor() {
        return theme.accent2;
    }

    @Override
    protected Color pathColor() {
        return theme.reversePath;
    }

    @Override
    protected void paintContent(GraphicsContext g, Viewport v) {
        super.paintContent(g, v);
        if (!note.isEmpty()) {
            g.setFill(theme.mutedText);
            g.setFont(theme.labelFont);
            g.fillText(note, v.left() + 10, v.top() + v.height() - 20);
        }
    }
}
