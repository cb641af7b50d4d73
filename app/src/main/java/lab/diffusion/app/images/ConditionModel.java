package lab.diffusion.app.images;

import java.util.Arrays;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import lab.diffusion.engine.live.LiveResults.ConditionKind;

/**
 * What inpainting or denoising works on: a target image (a held-out image or the person's own
 * file, in grey levels), a painted mask (true = the hole to fill), and the settings of a run.
 * No engine calls; the image mode turns {@link #request} into an engine request. FX thread.
 */
public final class ConditionModel {

    private final ObjectProperty<ConditionKind> kind = new SimpleObjectProperty<>(ConditionKind.INPAINT);
    private final ReadOnlyObjectWrapper<float[]> target = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<boolean[]> mask = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper targetName = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper holePixels = new ReadOnlyIntegerWrapper();
    private final IntegerProperty heldoutIndex = new SimpleIntegerProperty(0);
    private final DoubleProperty brush = new SimpleDoubleProperty(2.5);
    private final BooleanProperty erasing = new SimpleBooleanProperty();
    private final DoubleProperty snr = new SimpleDoubleProperty(1.0);
    private final IntegerProperty samples = new SimpleIntegerProperty(8);
    private int width = 28;
    private int height = 28;
    private long seed = 11;

    public ObjectProperty<ConditionKind> kindProperty() {
        return kind;
    }

    /** The image to condition on, grey levels (row-major), or null before one is chosen. */
    public ReadOnlyObjectProperty<float[]> targetProperty() {
        return target.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<boolean[]> maskProperty() {
        return mask.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty targetNameProperty() {
        return targetName.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty holePixelsProperty() {
        return holePixels.getReadOnlyProperty();
    }

    public IntegerProperty heldoutIndexProperty() {
        return heldoutIndex;
    }

    /** Brush radius in image pixels. */
    public DoubleProperty brushProperty() {
        return brush;
    }

    /** True: the brush restores known pixels instead of painting the hole. */
    public BooleanProperty erasingProperty() {
        return erasing;
    }

    /** Signal-to-noise ratio of the denoising observation (noise variance 1/SNR in model units). */
    public DoubleProperty snrProperty() {
        return snr;
    }

    public IntegerProperty samplesProperty() {
        return samples;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Sets the target (grey levels of width × height); a mask of another size is replaced by the left-half mask. */
    public void setTarget(float[] grey, int w, int h, String name) {
        boolean resized = w != width || h != height || mask.get() == null;
        width = w;
        height = h;
        target.set(grey.clone());
        targetName.set(name);
        if (resized) {
            leftHalf();
        }
    }

    /** Paints (or erases) a disc of the brush radius at image coordinates (pixels, may be fractional). */
    public void paint(double ix, double iy) {
        boolean[] m = mask.get();
        if (m == null) {
            return;
        }
        boolean[] n = m.clone();
        double r = brush.get();
        boolean value = !erasing.get();
        for (int y = (int) Math.floor(iy - r); y <= (int) Math.ceil(iy + r); y++) {
            for (int x = (int) Math.floor(ix - r); x <= (int) Math.ceil(ix + r); x++) {
                if (x >= 0 && y >= 0 && x < width && y < height) {
                    double dx = x + 0.5 - ix;
                    double dy = y + 0.5 - iy;
                    if (dx * dx + dy * dy <= r * r) {
                        n[y * width + x] = value;
                    }
                }
            }
        }
        if (!Arrays.equals(n, m)) {
            setMask(n);
        }
    }

    public void invert() {
        boolean[] m = mask.get();
        if (m == null) {
            return;
        }
        boolean[] n = new boolean[m.length];
        for (int i = 0; i < m.length; i++) {
            n[i] = !m[i];
        }
        setMask(n);
    }

    /** No hole at all. */
    public void clear() {
        setMask(new boolean[width * height]);
    }

    /** The left half is the hole. */
    public void leftHalf() {
        boolean[] n = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width / 2; x++) {
                n[y * width + x] = true;
            }
        }
        setMask(n);
    }

    /** A centred square of half the side is the hole. */
    public void centreSquare() {
        boolean[] n = new boolean[width * height];
        int x0 = width / 4;
        int y0 = height / 4;
        for (int y = y0; y < y0 + height / 2; y++) {
            for (int x = x0; x < x0 + width / 2; x++) {
                n[y * width + x] = true;
            }
        }
        setMask(n);
    }

    private void setMask(boolean[] n) {
        mask.set(n);
        int c = 0;
        for (boolean b : n) {
            c += b ? 1 : 0;
        }
        holePixels.set(c);
    }

    /**
     * Why a run cannot start (empty when it can): no image, or inpainting with no hole.
     */
    public String problem() {
        if (target.get() == null) {
            return "Choose an image first.";
        }
        if (kind.get() == ConditionKind.INPAINT && holePixels.get() == 0) {
            return "The mask is empty: paint the hole to fill (or choose Left half or Centre square).";
        }
        return "";
    }

    /** The parameters of a run with a fresh seed each time. */
    public RunSpec request() {
        seed++;
        return new RunSpec(kind.get(), target.get().clone(), mask.get().clone(), snr.get(), samples.get(), seed);
    }

    /** An immutable description of one run. */
    public record RunSpec(ConditionKind kind, float[] grey, boolean[] hole, double snr, int samples, long seed) {
    }
}
