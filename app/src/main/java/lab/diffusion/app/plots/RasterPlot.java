package lab.diffusion.app.plots;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Sequences (rows) × bins at one t as a raster of cells: black for 1 and white for 0, or grey
 * levels for probabilities. Rows may be shifted cyclically so their first pulse in a reference
 * state sits in the first column (the paper's Figure 2 alignment). FX thread.
 */
public final class RasterPlot extends PlotCanvas implements Stepped {

    private float[][] states;
    private int t;
    private boolean align;
    private float[] reference;
    private float[] values;
    private int bits = 1;
    private boolean probabilities;

    public RasterPlot(String id, String title, boolean probabilities) {
        setId(id);
        setTitle(title);
        this.probabilities = probabilities;
        setPadding(46, 40, 14, 34);
        setAxisLabels("bin", "");
    }

    /** States for t = 0..T (row-major 0/1, {@code bits} per row); the reference for alignment is states[0]. */
    public void setStates(float[][] s, int bits) {
        this.states = s;
        this.bits = bits;
        this.reference = s == null ? null : s[0];
        this.values = null;
        rescale();
    }

    /** Values to show directly (probabilities), with the rows of {@code ref} as alignment reference. */
    public void setValues(float[] v, int bits, float[] ref) {
        this.values = v;
        this.bits = bits;
        this.reference = ref;
        this.states = null;
        rescale();
    }

    @Override
    public void setT(int t) {
        this.t = t;
        invalidate();
    }

    public void setAlign(boolean a) {
        align = a;
        invalidate();
    }

    public boolean aligned() {
        return align;
    }

    /** Number of rows shown. */
    public int rowCount() {
        float[] v = current();
        return v == null ? 0 : v.length / bits;
    }

    /** The values shown (row-major), or null. */
    public float[] current() {
        if (values != null) {
            return values;
        }
        return states == null || t < 0 || t >= states.length ? null : states[t];
    }

    private void rescale() {
        float[] v = current();
        int rows = v == null ? 1 : Math.max(1, v.length / bits);
        setWorld(0, bits, 0, rows);
        invalidate();
    }

    /** Cyclic shift of row r: the column of its first 1 in the reference (0 without alignment). */
    public int shift(int r) {
        if (!align || reference == null) {
            return 0;
        }
        for (int c = 0; c < bits; c++) {
            if (reference[r * bits + c] > 0.5f) {
                return c;
            }
        }
        return 0;
    }

    /** The (row, bin) under a point of this plot, or null; the bin is in the data's own order. */
    public int[] cellAt(double sx, double sy) {
        Viewport v = viewport();
        float[] cur = current();
        if (v == null || cur == null || !v.contains(sx, sy)) {
            return null;
        }
        int rows = cur.length / bits;
        int col = (int) Math.floor(v.wx(sx));
        int row = rows - 1 - (int) Math.floor(v.wy(sy));
        if (row < 0 || row >= rows || col < 0 || col >= bits) {
            return null;
        }
        return new int[] {row, (col + shift(row)) % bits};
    }

    @Override
    protected void paintContent(GraphicsContext g, Viewport v) {
        float[] cur = current();
        if (cur == null) {
            return;
        }
        int rows = cur.length / bits;
        pixels.begin(v, outputScale());
        double cw = v.width() / bits;
        double ch = v.height() / rows;
        int one = PixelLayer.argb(theme.text);
        for (int r = 0; r < rows; r++) {
            int s = shift(r);
            double y = (rows - 1 - r) * ch;
            for (int c = 0; c < bits; c++) {
                float value = cur[r * bits + (c + s) % bits];
                int argb;
                if (probabilities) {
                    double level = 1.0 - value;
                    argb = PixelLayer.argb(Color.gray(level * 0.95 + 0.05 * (1 - value)));
                } else {
                    if (value < 0.5f) {
                        continue;
                    }
                    argb = one;
                }
                pixels.rect(c * cw + 0.5, y + (rows > 40 ? 0 : 0.5), Math.max(1, cw - 1), Math.max(1, ch - (rows > 40 ? 0 : 1)), argb);
            }
        }
        pixels.end(g, v);
    }
}
