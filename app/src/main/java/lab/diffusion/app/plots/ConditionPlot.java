package lab.diffusion.app.plots;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * Inpainting and denoising at one t: the image conditioned on (with the hole tinted red, where
 * a person paints the mask), the mean of the posterior samples, and the samples themselves. FX thread.
 */
public final class ConditionPlot extends PlotCanvas implements Stepped {

    private float[] input;
    private boolean[] hole;
    private float[][] states;
    private int n;
    private int t;
    private int width = 28;
    private int height = 28;
    private String inputCaption = "input";
    private String empty = "";
    private double brushX = Double.NaN;
    private double brushY;
    private double brushRadius;

    /** Where things are drawn (canvas coordinates), from the last paint. */
    private double inX = -1;
    private double inY;
    private double inSize;

    public ConditionPlot() {
        setId("condition-plot");
        setTitle("Inpaint / denoise");
        setPadding(8, 44, 8, 8);
        setAxesVisible(false);
        setWorld(0, 1, 0, 1);
    }

    /** The image conditioned on (grey levels) and the hole (null for denoising). */
    public void setInput(float[] grey, boolean[] mask, int w, int h, String caption) {
        input = grey;
        hole = mask;
        width = w;
        height = h;
        inputCaption = caption;
        invalidate();
    }

    /** Posterior trajectories: states[t] holds n samples × pixels (grey levels), or null to clear. */
    public void setSamples(float[][] s, int count) {
        states = s;
        n = count;
        invalidate();
    }

    public void setEmptyText(String text) {
        empty = text;
        invalidate();
    }

    @Override
    public void setT(int t) {
        this.t = t;
        invalidate();
    }

    public boolean hasSamples() {
        return states != null;
    }

    /** The samples shown at the current t (n × pixels), or null. */
    public float[] currentSamples() {
        return states == null ? null : states[Math.max(0, Math.min(states.length - 1, t))];
    }

    /** Shows the brush outline at a canvas position (NaN hides it); radius in image pixels. */
    public void setBrush(double sx, double sy, double radius) {
        brushX = sx;
        brushY = sy;
        brushRadius = radius;
        invalidate();
    }

    /** Image coordinates (pixels, fractional) under a canvas position on the input image, or null. */
    public double[] imageAt(double sx, double sy) {
        if (inX < 0 || sx < inX || sy < inY || sx > inX + inSize || sy > inY + inSize) {
            return null;
        }
        return new double[] {(sx - inX) / inSize * width, (sy - inY) / inSize * height};
    }

    @Override
    protected void paintContent(GraphicsContext g, Viewport v) {
        if (input == null) {
            inX = -1;
            g.setFill(theme.mutedText);
            g.setFont(theme.labelFont);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(empty, v.left() + v.width() / 2, v.top() + v.height() / 2);
            return;
        }
        int px = width * height;
        double gap = 10;
        double caption = 16;
        int perRow = n <= 8 ? Math.max(1, n) : (n + 1) / 2;
        int sampleRows = n == 0 ? 1 : (n + perRow - 1) / perRow;
        // two large squares side by side, then the samples in rows below
        double big = Math.min((v.width() - gap) / 2, (v.height() - caption * 2 - gap) * 0.62);
        double small = Math.min((v.width() - (perRow - 1) * 4.0) / perRow,
                (v.height() - big - caption * 2 - gap - (sampleRows - 1) * 4.0) / sampleRows);
        small = Math.max(8, small);
        double left = (v.width() - (2 * big + gap)) / 2;
        double top = caption;
        pixels.begin(v, outputScale());
        ImagePainter.paint(pixels, input, 0, width, height, left, top, big, hole);
        float[] cur = currentSamples();
        float[] mean = null;
        if (cur != null) {
            mean = new float[px];
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < px; p++) {
                    mean[p] += cur[i * px + p] / n;
                }
            }
            ImagePainter.paint(pixels, mean, 0, width, height, left + big + gap, top, big);
            double sx0 = (v.width() - (perRow * small + (perRow - 1) * 4.0)) / 2;
            double sy0 = top + big + gap + caption;
            for (int i = 0; i < n; i++) {
                ImagePainter.paint(pixels, cur, i * px, width, height, sx0 + (i % perRow) * (small + 4), sy0 + (i / perRow) * (small + 4), small);
            }
        }
        pixels.end(g, v);
        inX = v.left() + left;
        inY = v.top() + top;
        inSize = big;
        g.setFont(theme.labelFont);
        g.setFill(theme.text);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(inputCaption, v.left() + left, v.top() + top - 2);
        if (mean != null) {
            g.fillText(String.format("mean of %d samples, t = %d", n, t), v.left() + left + big + gap, v.top() + top - 2);
            g.fillText("posterior samples", v.left() + (v.width() - (perRow * small + (perRow - 1) * 4.0)) / 2,
                    v.top() + top + big + gap + caption - 2);
        } else {
            g.setFill(theme.mutedText);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(empty, v.left() + left + big + gap + big / 2, v.top() + top + big / 2);
        }
        if (Double.isFinite(brushX)) {
            double r = brushRadius / width * big;
            g.setStroke(theme.accent);
            g.setLineWidth(1.5);
            g.strokeOval(brushX - r, brushY - r, 2 * r, 2 * r);
        }
    }
}
