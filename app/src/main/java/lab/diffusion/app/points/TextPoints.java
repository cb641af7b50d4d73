package lab.diffusion.app.points;

import java.util.SplittableRandom;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.data.PointSet;

/** Renders text with a bold font and samples points uniformly inside the glyphs (FX thread). */
final class TextPoints {

    private TextPoints() {
    }

    static PointSet render(String text, int n, long seed) throws DataException {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new DataException("Type some text to turn into points.");
        }
        if (s.length() > 24) {
            throw new DataException("Text is limited to 24 characters (it has " + s.length() + ").");
        }
        Text node = new Text(s);
        node.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 96));
        node.setFill(Color.BLACK);
        SnapshotParameters sp = new SnapshotParameters();
        sp.setFill(Color.WHITE);
        WritableImage img = node.snapshot(sp, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        PixelReader px = img.getPixelReader();
        int[] inside = new int[w * h];
        int count = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (px.getColor(x, y).getBrightness() < 0.5) {
                    inside[count++] = y * w + x;
                }
            }
        }
        if (count == 0) {
            throw new DataException("The text has no visible glyphs.");
        }
        double scale = 6.0 / Math.max(w, h);
        SplittableRandom r = new SplittableRandom(seed);
        float[] c = new float[2 * n];
        for (int i = 0; i < n; i++) {
            int k = inside[r.nextInt(count)];
            double x = (k % w) + r.nextDouble();
            double y = (k / w) + r.nextDouble();
            c[2 * i] = (float) ((x - w / 2.0) * scale);
            c[2 * i + 1] = (float) ((h / 2.0 - y) * scale);
        }
        return PointSet.wrap(c, 2);
    }
}
