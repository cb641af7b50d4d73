package lab.diffusion.engine.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import lab.diffusion.engine.sample.DriftField;

/**
 * Plot panels drawn with Java2D for the command line's exports (no JavaFX): point clouds
 * coloured by where each point started, drift arrows over a variance heat map, binary rasters
 * and grids of grey images. Each panel has a title, a subtitle and a framed plot area.
 */
final class Panels {

    static final Color BACKGROUND = new Color(0xF4, 0xF5, 0xF7);
    static final Color AREA = Color.WHITE;
    static final Color FRAME = new Color(0x9A, 0xA1, 0xAB);
    static final Color TEXT = new Color(0x1D, 0x23, 0x2B);
    static final Color MUTED = new Color(0x5B, 0x64, 0x70);
    static final Color ARROW = new Color(0x1D, 0x23, 0x2B);

    private final double scale;
    private final Font title;
    private final Font label;

    Panels(double scale) {
        this.scale = scale;
        this.title = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(14 * scale));
        this.label = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(11 * scale));
    }

    static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        return g;
    }

    /** Draws the title and subtitle and returns the plot area {x, y, side} (a square). */
    int[] frame(Graphics2D g, int x, int y, int w, int h, String head, String sub) {
        g.setColor(TEXT);
        g.setFont(title);
        int top = (int) Math.round(22 * scale);
        g.drawString(head, x + (int) (8 * scale), y + (int) (17 * scale));
        g.setFont(label);
        g.setColor(MUTED);
        g.drawString(sub, x + (int) (8 * scale), y + (int) (33 * scale));
        top = (int) Math.round(42 * scale);
        int pad = (int) Math.round(8 * scale);
        int side = Math.max(10, Math.min(w - 2 * pad, h - top - pad));
        int ax = x + (w - side) / 2;
        int ay = y + top;
        g.setColor(AREA);
        g.fillRect(ax, ay, side, side);
        return new int[] {ax, ay, side};
    }

    void border(Graphics2D g, int[] a) {
        g.setColor(FRAME);
        g.setStroke(new BasicStroke((float) scale));
        g.drawRect(a[0], a[1], a[2] - 1, a[2] - 1);
    }

    /** Points (data units, row-major x,y) in bounds {xMin, xMax, yMin, yMax}, coloured by hue per point. */
    void points(Graphics2D g, int[] a, float[] xy, float[] hue, double[] b) {
        int n = xy.length / 2;
        int r = Math.max(1, (int) Math.round(1.6 * scale));
        for (int i = 0; i < n; i++) {
            double sx = a[0] + (xy[2 * i] - b[0]) / (b[1] - b[0]) * a[2];
            double sy = a[1] + a[2] - (xy[2 * i + 1] - b[2]) / (b[3] - b[2]) * a[2];
            if (sx < a[0] || sy < a[1] || sx > a[0] + a[2] || sy > a[1] + a[2]) {
                continue;
            }
            g.setColor(Color.getHSBColor(hue == null ? 0.6f : hue[i], 0.72f, 0.82f));
            g.fillRect((int) sx - r / 2, (int) sy - r / 2, r + 1, r + 1);
        }
        border(g, a);
    }

    /** Arrows of the drift over a heat map of the learned variance between β̃ₜ and βₜ. */
    void drift(Graphics2D g, int[] a, DriftField f, double arrowScale) {
        int nx = f.nx();
        int ny = f.ny();
        double cw = (double) a[2] / (nx - 1); // grid points sit on the cell centres, the outer ones on the frame
        double lo = Double.isNaN(f.postVar()) ? 0 : f.postVar();
        double hi = f.beta();
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int k = j * nx + i;
                double v = 0.5 * (f.varX()[k] + f.varY()[k]);
                double u = hi > lo ? Math.max(0, Math.min(1, (v - lo) / (hi - lo))) : 0.5;
                g.setColor(heat(u));
                int x0 = (int) Math.floor(a[0] + (i - 0.5) * cw);
                int y0 = (int) Math.floor(a[1] + a[2] - (j + 0.5) * cw);
                g.fillRect(Math.max(a[0], x0), Math.max(a[1], y0), (int) Math.ceil(cw) + 1, (int) Math.ceil(cw) + 1);
            }
        }
        g.setColor(ARROW);
        g.setStroke(new BasicStroke((float) (1.1 * scale)));
        double wx = a[2] / (f.xMax() - f.xMin());
        for (int k = 0; k < nx * ny; k++) {
            double sx = a[0] + (f.x()[k] - f.xMin()) * wx;
            double sy = a[1] + a[2] - (f.y()[k] - f.yMin()) * wx;
            double ex = sx + f.dx()[k] * arrowScale * wx;
            double ey = sy - f.dy()[k] * arrowScale * wx;
            g.draw(new Line2D.Double(sx, sy, ex, ey));
            double ang = Math.atan2(ey - sy, ex - sx);
            double len = Math.hypot(ex - sx, ey - sy);
            double head = Math.min(4 * scale, len * 0.4);
            g.draw(new Line2D.Double(ex, ey, ex - head * Math.cos(ang - 0.5), ey - head * Math.sin(ang - 0.5)));
            g.draw(new Line2D.Double(ex, ey, ex - head * Math.cos(ang + 0.5), ey - head * Math.sin(ang + 0.5)));
        }
        border(g, a);
    }

    /** Light yellow (variance at β̃ₜ) to orange (at βₜ). */
    static Color heat(double u) {
        float h = (float) (0.14 - 0.08 * u);
        return Color.getHSBColor(h, (float) (0.12 + 0.5 * u), 1.0f);
    }

    /** Rows of 0/1 (row-major, bits per row) as black cells. */
    void raster(Graphics2D g, int[] a, float[] rows, int bits) {
        int n = rows.length / bits;
        double cw = (double) a[2] / bits;
        double ch = (double) a[2] / n;
        g.setColor(TEXT);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < bits; c++) {
                if (rows[r * bits + c] > 0.5f) {
                    g.fillRect(a[0] + (int) Math.floor(c * cw), a[1] + (int) Math.floor(r * ch), (int) Math.ceil(cw), (int) Math.ceil(ch));
                }
            }
        }
        border(g, a);
    }

    /** Grey images (each w × h, grey levels 0..255, n one after another) in a square grid. */
    void images(Graphics2D g, int[] a, float[] grey, int w, int h) {
        int px = w * h;
        int n = grey.length / px;
        int cols = (int) Math.ceil(Math.sqrt(n));
        int rows = (n + cols - 1) / cols;
        double gap = 3 * scale;
        double cell = Math.min((a[2] - gap * (cols - 1)) / cols, (a[2] - gap * (rows - 1)) / rows);
        g.setColor(BACKGROUND);
        g.fillRect(a[0], a[1], a[2], a[2]);
        for (int k = 0; k < n; k++) {
            double x0 = a[0] + (k % cols) * (cell + gap);
            double y0 = a[1] + (k / cols) * (cell + gap);
            double pw = cell / w;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int v = Math.max(0, Math.min(255, Math.round(grey[k * px + y * w + x])));
                    g.setColor(new Color(v, v, v));
                    g.fillRect((int) Math.floor(x0 + x * pw), (int) Math.floor(y0 + y * pw), (int) Math.ceil(pw), (int) Math.ceil(pw));
                }
            }
        }
    }
}
