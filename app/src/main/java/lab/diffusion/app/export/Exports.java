package lab.diffusion.app.export;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.engine.data.ImageFiles;
import lab.diffusion.engine.io.AtomicFiles;
import lab.diffusion.engine.train.TrainingHistory;

/**
 * Pictures and tables out of the app: PNGs of plots or the figure, and CSV of the K history. Pictures are taken on the FX thread; writing may run on any thread.
 */
public final class Exports {

    private Exports() {
    }

    /** An FX image as an AWT image (for ImageIO). */
    public static BufferedImage awt(WritableImage img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] px = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        b.setRGB(0, 0, w, h, px, 0, w);
        return b;
    }

    /** Writes a PNG atomically. */
    public static void writePng(BufferedImage img, Path file) throws IOException {
        AtomicFiles.write(file, out -> ImageFiles.encodePng(img, out));
    }

    /** The plots side by side at {@code scale} (the three-panel figure). FX thread. */
    public static BufferedImage figure(List<PlotCanvas> plots, double scale) {
        List<BufferedImage> parts = plots.stream().map(p -> awt(p.render(scale))).toList();
        int gap = (int) Math.round(6 * scale);
        int w = parts.stream().mapToInt(BufferedImage::getWidth).sum() + gap * (parts.size() - 1);
        int h = parts.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(0xF4, 0xF5, 0xF7));
        g.fillRect(0, 0, w, h);
        int x = 0;
        for (BufferedImage p : parts) {
            g.drawImage(p, x, 0, null);
            x += p.getWidth() + gap;
        }
        g.dispose();
        return out;
    }

    /** The K history as CSV: step, seconds, K training estimate and held-out K (bits; empty when not evaluated). */
    public static void writeHistoryCsv(TrainingHistory.Curve c, String unit, Path file) throws IOException {
        StringBuilder b = new StringBuilder("step,seconds,K_bits_per_" + unit + ",heldout_K_bits_per_" + unit + "\n");
        for (int i = 0; i < c.size(); i++) {
            b.append(c.steps()[i]).append(',').append(c.seconds()[i]).append(',').append(num(c.kBits()[i])).append(',')
                    .append(num(c.heldoutBits()[i])).append('\n');
        }
        AtomicFiles.write(file, out -> out.write(b.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
