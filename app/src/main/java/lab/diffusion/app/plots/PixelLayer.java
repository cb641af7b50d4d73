package lab.diffusion.app.plots;

import java.util.Arrays;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Pixels drawn in Java and put on the canvas as one image: thousands of points or a heat map
 * cost one blit instead of thousands of shapes (with the software pipeline, 10,000 small
 * rectangles per frame limit the window to ~25 fps; an image of the plot area does not). FX thread.
 */
final class PixelLayer {

    private int[] pixels = new int[0];
    private WritableImage image;
    private int w;
    private int h;
    private double scale = 1;

    /** Prepares a transparent layer covering the viewport at the given output scale. */
    void begin(Viewport v, double outputScale) {
        int nw = Math.max(1, (int) Math.round(v.width() * outputScale));
        int nh = Math.max(1, (int) Math.round(v.height() * outputScale));
        if (nw != w || nh != h) {
            w = nw;
            h = nh;
            pixels = new int[w * h];
            image = new WritableImage(w, h);
        } else {
            Arrays.fill(pixels, 0);
        }
        scale = outputScale;
    }

    static int argb(Color c) {
        int a = (int) Math.round(c.getOpacity() * 255);
        int r = (int) Math.round(c.getRed() * 255);
        int g = (int) Math.round(c.getGreen() * 255);
        int b = (int) Math.round(c.getBlue() * 255);
        return (a << 24) | (r << 16) | (g << 8) | b;
    }

    /** A filled square of {@code size} logical pixels centred at logical (x, y) relative to the viewport. */
    void dot(double x, double y, double size, int argb) {
        int s = Math.max(1, (int) Math.round(size * scale));
        int x0 = (int) Math.round(x * scale - s / 2.0);
        int y0 = (int) Math.round(y * scale - s / 2.0);
        int x1 = Math.min(w, x0 + s);
        int y1 = Math.min(h, y0 + s);
        for (int yy = Math.max(0, y0); yy < y1; yy++) {
            int row = yy * w;
            for (int xx = Math.max(0, x0); xx < x1; xx++) {
                pixels[row + xx] = argb;
            }
        }
    }

    /** A filled rectangle in logical coordinates relative to the viewport. */
    void rect(double x, double y, double rw, double rh, int argb) {
        int x0 = clamp((int) Math.floor(x * scale), w);
        int y0 = clamp((int) Math.floor(y * scale), h);
        int x1 = clamp((int) Math.ceil((x + rw) * scale), w);
        int y1 = clamp((int) Math.ceil((y + rh) * scale), h);
        if (x0 >= x1) {
            return; // outside the layer (e.g. a field computed for other bounds)
        }
        for (int yy = y0; yy < y1; yy++) {
            Arrays.fill(pixels, yy * w + x0, yy * w + x1, argb);
        }
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    /** Puts the layer on the canvas over the viewport. */
    void end(GraphicsContext g, Viewport v) {
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        g.drawImage(image, v.left(), v.top(), v.width(), v.height());
    }
}
