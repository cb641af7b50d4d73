package lab.diffusion.app.plots;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** Draws point clouds quickly: small squares, one fill change per colour bucket. FX thread. */
final class Points {

    private Points() {
    }

    /** Draws the points into a pixel layer and puts it on the canvas (one image per frame). */
    static void draw(GraphicsContext g, Viewport v, PixelLayer layer, double outputScale, float[] xy, PointColors colors,
                     Color single, double size) {
        if (xy == null || colors == null) {
            return;
        }
        layer.begin(v, outputScale);
        int n = Math.min(colors.size(), xy.length / 2);
        int[] order = colors.order();
        int singleArgb = single == null ? 0 : PixelLayer.argb(single);
        for (int b = 0; b < PointColors.BUCKETS; b++) {
            int from = colors.bucketStart(b);
            int to = colors.bucketStart(b + 1);
            int argb = single != null ? singleArgb : PointColors.argb(b);
            for (int k = from; k < to; k++) {
                int i = order[k];
                if (i >= n) {
                    continue;
                }
                layer.dot(v.sx(xy[2 * i]) - v.left(), v.sy(xy[2 * i + 1]) - v.top(), size, argb);
            }
        }
        layer.end(g, v);
    }

    /** A polyline through points t = 0..T of a path (row-major), with a marker at t. */
    static void path(GraphicsContext g, Viewport v, float[] path, int t, Color color, double width) {
        if (path == null || path.length < 4) {
            return;
        }
        int n = path.length / 2;
        g.setStroke(color);
        g.setLineWidth(width);
        g.beginPath();
        g.moveTo(v.sx(path[0]), v.sy(path[1]));
        for (int i = 1; i < n; i++) {
            g.lineTo(v.sx(path[2 * i]), v.sy(path[2 * i + 1]));
        }
        g.stroke();
        g.setFill(color);
        double sx0 = v.sx(path[0]);
        double sy0 = v.sy(path[1]);
        g.fillRect(sx0 - 3, sy0 - 3, 6, 6);
        if (t >= 0 && t < n) {
            double sx = v.sx(path[2 * t]);
            double sy = v.sy(path[2 * t + 1]);
            g.setFill(Color.WHITE);
            g.fillOval(sx - 6, sy - 6, 12, 12);
            g.setStroke(color);
            g.setLineWidth(2.5);
            g.strokeOval(sx - 6, sy - 6, 12, 12);
        }
    }
}
