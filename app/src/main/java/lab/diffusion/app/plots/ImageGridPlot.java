package lab.diffusion.app.plots;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * A grid of grey images at one t: the forward process on training images or the reverse
 * samples. Each image is drawn pixel by pixel (nearest neighbour) into one pixel layer. FX thread.
 */
public final class ImageGridPlot extends PlotCanvas implements Stepped {

    private float[][] states;
    private int t;
    private int width = 28;
    private int height = 28;
    private String empty = "";

    public ImageGridPlot(String id, String title) {
        setId(id);
        setTitle(title);
        setPadding(8, 44, 8, 8);
        setAxesVisible(false);
        setWorld(0, 1, 0, 1);
    }

    /** States for t = 0..T, each n × (width·height) grey levels. */
    public void setStates(float[][] s, int w, int h) {
        states = s;
        width = w;
        height = h;
        invalidate();
    }

    /** Text shown while there is nothing to draw. */
    public void setEmptyText(String text) {
        empty = text;
        invalidate();
    }

    @Override
    public void setT(int t) {
        this.t = t;
        invalidate();
    }

    /** Number of images shown. */
    public int imageCount() {
        float[] cur = current();
        return cur == null ? 0 : cur.length / (width * height);
    }

    /** The grey levels shown (n × pixels), or null. */
    public float[] current() {
        return states == null || t < 0 || t >= states.length ? null : states[t];
    }

    @Override
    protected void paintContent(GraphicsContext g, Viewport v) {
        float[] cur = current();
        if (cur == null) {
            g.setFill(theme.mutedText);
            g.setFont(theme.labelFont);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(empty, v.left() + v.width() / 2, v.top() + v.height() / 2);
            return;
        }
        int px = width * height;
        int n = cur.length / px;
        int cols = (int) Math.ceil(Math.sqrt(n));
        int rows = (n + cols - 1) / cols;
        double gap = 4;
        double cell = Math.min((v.width() - gap * (cols - 1)) / cols, (v.height() - gap * (rows - 1)) / rows);
        double ox = (v.width() - cols * cell - gap * (cols - 1)) / 2;
        double oy = (v.height() - rows * cell - gap * (rows - 1)) / 2;
        pixels.begin(v, outputScale());
        for (int k = 0; k < n; k++) {
            double x0 = ox + (k % cols) * (cell + gap);
            double y0 = oy + (k / cols) * (cell + gap);
            ImagePainter.paint(pixels, cur, k * px, width, height, x0, y0, cell);
        }
        pixels.end(g, v);
    }
}
