package lab.diffusion.app.images;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lab.diffusion.app.ui.Background;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.data.DeadLeaves;
import lab.diffusion.engine.data.ImageData;
import lab.diffusion.engine.data.ImageSet;
import lab.diffusion.engine.data.PointData;

/**
 * The training images of the image mode: the bundled digits, generated dead leaves or a
 * folder of the person's own PNG/JPEG files. Loading runs on the background executor; the model
 * data (dequantized, standardized points) are built there too, so the FX thread never waits.
 * FX thread.
 */
public final class ImageDataModel {

    /** Dead-leaves images generated for training (held-out: a tenth of that). */
    public static final int DEADLEAVES_COUNT = 10_000;

    private final ReadOnlyObjectWrapper<PointData> data = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ImageSource> source = new ReadOnlyObjectWrapper<>(ImageSource.DIGITS);
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final AtomicLong request = new AtomicLong();

    /** The images as model data (null until the first load finishes). */
    public ReadOnlyObjectProperty<PointData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public PointData data() {
        return data.get();
    }

    public ReadOnlyObjectProperty<ImageSource> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Side of the images (28 until data exist). */
    public int width() {
        return data.get() == null ? 28 : data.get().images().width();
    }

    public int height() {
        return data.get() == null ? 28 : data.get().images().height();
    }

    /**
     * Loads a source in the background (a folder needs {@code folder}); the current images stay
     * until the new ones are ready, and stay if loading fails ({@code onError} gets the message).
     * A newer load or a session's images replace a load in progress.
     */
    public void load(ImageSource s, Path folder, long seed, Background background, Consumer<String> onError) {
        long id = request.incrementAndGet();
        loading.set(true);
        description.set("Loading " + s.label().toLowerCase() + "…");
        background.call(() -> read(s, folder, seed)).whenComplete((loaded, e) -> {
            if (request.get() != id) {
                return;
            }
            loading.set(false); // before the data, so listeners see a finished load
            if (e != null) {
                description.set(data.get() == null ? "No images loaded." : describeCurrent());
                onError.accept(e.getMessage());
                return;
            }
            source.set(s);
            description.set(loaded.text());
            data.set(loaded.data());
        });
    }

    private record Loaded(PointData data, String text) {
    }

    private static Loaded read(ImageSource s, Path folder, long seed) throws DataException {
        switch (s) {
            case DIGITS -> {
                PointData pd = ImageData.of(ImageData.MNIST, ImageData.mnistTrain(), ImageData.mnistHeldout(), seed);
                return new Loaded(pd, String.format("%,d training digits, %,d held out (the last 100 of each class)",
                        pd.train().size(), pd.heldout().size()));
            }
            case DEADLEAVES -> {
                int side = ImageData.DEADLEAVES_SIDE;
                PointData pd = ImageData.of(ImageData.DEADLEAVES, DeadLeaves.generate(DEADLEAVES_COUNT, side, seed),
                        DeadLeaves.generate(DEADLEAVES_COUNT / 10, side, seed * 31 + 7), seed);
                return new Loaded(pd, String.format("%,d dead-leaves images of %d×%d, %,d held out", pd.train().size(), side, side,
                        pd.heldout().size()));
            }
            default -> {
                StringBuilder skipped = new StringBuilder();
                PointData pd = ImageData.folder(folder, 28, seed, note -> skipped.append("; ").append(note));
                return new Loaded(pd, String.format("%,d images from %s (grey, 28×28), %,d held out%s",
                        pd.train().size() + pd.heldout().size(), folder.getFileName(), pd.heldout().size(), skipped));
            }
        }
    }

    /** Shows the images of a session (and cancels a load in progress). */
    public void showSession(PointData d) {
        request.incrementAndGet();
        loading.set(false);
        source.set(ImageData.MNIST.equals(d.source()) ? ImageSource.DIGITS
                : ImageData.DEADLEAVES.equals(d.source()) ? ImageSource.DEADLEAVES : ImageSource.FOLDER);
        description.set(String.format("%,d training images, %,d held out (from the session; %s)", d.train().size(),
                d.heldout().size(), d.source()));
        data.set(d);
    }

    private String describeCurrent() {
        PointData d = data.get();
        return String.format("%,d training images, %,d held out", d.train().size(), d.heldout().size());
    }

    /** Held-out image i (grey levels), or null. */
    public float[] heldout(int i) {
        PointData d = data.get();
        if (d == null || d.images().heldout().count() == 0) {
            return null;
        }
        ImageSet h = d.images().heldout();
        return h.image(Math.floorMod(i, h.count()));
    }

    /** Number of held-out images. */
    public int heldoutCount() {
        return data.get() == null ? 0 : data.get().images().heldout().count();
    }

    /** The mean training image (grey levels). */
    public float[] meanImage() {
        return data.get() == null ? null : data.get().images().train().meanImage();
    }
}
