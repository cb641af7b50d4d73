package lab.diffusion.app.points;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.SplittableRandom;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.data.DataSources;
import lab.diffusion.engine.data.PointCsv;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.data.Preset;
import lab.diffusion.engine.data.Standardizer;

/**
 * The data set a person sees and edits, in data units: a preset, a drawing or an imported file.
 * Every edit replaces the immutable point set; strokes are undo steps. No engine calls here.
 */
public final class DataModel {

    /** Points shown for a preset (the engine trains an untouched preset on 20,000 fresh points). */
    public static final int PRESET_POINTS = 5000;
    /** Most points a drawing or an import may hold. */
    public static final int MAX_POINTS = 20_000;
    /** Fewest points training accepts. */
    public static final int MIN_TRAIN_POINTS = DataSources.MIN_FILE_POINTS;
    /** Data opened from a session, used exactly until the points change. */
    private PointData fixed;

    // Properties
    private final ReadOnlyObjectWrapper<PointSet> points = new ReadOnlyObjectWrapper<>(PointSet.wrap(new float[0], 2));
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Preset> preset = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(Tool.SPRAY); // drawing first; Follow is a choice
    private final DoubleProperty brushPixels = new SimpleDoubleProperty(24);
    private final IntegerProperty density = new SimpleIntegerProperty(8);
    private final IntegerProperty boundsVersion = new SimpleIntegerProperty();

    private final Deque<PointSet> undo = new ArrayDeque<>();
    private final Deque<PointSet> redo = new ArrayDeque<>();
    private final SplittableRandom rng = new SplittableRandom(42);
    private long seed = 1;
    private PointSet strokeStart;

    public ReadOnlyObjectProperty<PointSet> pointsProperty() {
        return points.getReadOnlyProperty();
    }

    public PointSet points() {
        return points.get();
    }

    /** Preset id, file name, or "drawing". */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The untouched preset shown, or null once edited or for other data. */
    public ReadOnlyObjectProperty<Preset> presetProperty() {
        return preset.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ObjectProperty<Tool> toolProperty() {
        return tool;
    }

    /** Brush radius in screen pixels. */
    public DoubleProperty brushPixelsProperty() {
        return brushPixels;
    }

    /** Points sprayed per mouse event. */
    public IntegerProperty densityProperty() {
        return density;
    }

    /** Incremented when the plot should refit its view (new data set, not an edit). */
    public IntegerProperty boundsVersionProperty() {
        return boundsVersion;
    }

    // Commands

    /** Shows a preset (PRESET_POINTS points drawn with the current seed). */
    public void loadPreset(Preset p) {
        replace(p.generate(PRESET_POINTS, seed), p.id(), p, true);
    }

    /** Points spelling the text, sampled from the glyph shapes. */
    public void loadText(String text) throws DataException {
        PointSet p = TextPoints.render(text, 2500, seed);
        replace(p, "text", null, true);
    }

    /** Points read from a file and what was assumed about the file (null when nothing was). */
    public record Imported(PointSet points, String note) {
    }

    /**
     * Reads a CSV of x,y rows (any thread; stops reading past the cap). Apply the result with
     * {@link #setImported}.
     */
    public static Imported readCsv(Path file) throws DataException {
        try {
            String[] note = new String[1];
            PointSet p = PointCsv.read(file, 2, MAX_POINTS, n -> note[0] = n);
            return new Imported(p, note[0]);
        } catch (DataException e) {
            if (e.getMessage().contains("has more than")) {
                throw new DataException(e.getMessage() + "; the app shows and edits at most " + String.format("%,d", MAX_POINTS)
                        + " (the command line trains on up to 5,000,000)");
            }
            throw e;
        }
    }

    /** Shows points read by {@link #readCsv} (one undo step). */
    public void setImported(PointSet p, String name) {
        replace(p, name, null, true);
    }

    /** Starts an undo step (a mouse press). */
    public void beginStroke() {
        strokeStart = points();
    }

    /** Ends the undo step started by {@link #beginStroke()}. */
    public void endStroke() {
        if (strokeStart != null && strokeStart != points()) {
            undo.push(strokeStart);
            redo.clear();
            update();
        }
        strokeStart = null;
    }

    /**
     * Adds up to {@code count} points uniformly in a disc (data units); returns how many were
     * added (fewer when the cap is reached).
     */
    public int spray(double x, double y, double radius, int count) {
        PointSet p = points();
        int room = MAX_POINTS - p.size();
        int n = Math.max(0, Math.min(count, room));
        if (n == 0) {
            return 0;
        }
        float[] c = Arrays.copyOf(p.toArray(), 2 * (p.size() + n));
        for (int k = 0; k < n; k++) {
            double a = 2 * Math.PI * rng.nextDouble();
            double r = radius * Math.sqrt(rng.nextDouble());
            c[2 * (p.size() + k)] = (float) (x + r * Math.cos(a));
            c[2 * (p.size() + k) + 1] = (float) (y + r * Math.sin(a));
        }
        edit(PointSet.wrap(c, 2));
        return n;
    }

    /** Adds one point; false when the cap is reached. */
    public boolean addPoint(double x, double y) {
        return spray(x, y, 0, 1) == 1;
    }

    /** Removes the points within radius of (x, y); returns how many. */
    public int erase(double x, double y, double radius) {
        PointSet p = points();
        float[] c = p.toArray();
        float[] kept = new float[c.length];
        int w = 0;
        double r2 = radius * radius;
        for (int i = 0; i < p.size(); i++) {
            double dx = c[2 * i] - x;
            double dy = c[2 * i + 1] - y;
            if (dx * dx + dy * dy > r2) {
                kept[w++] = c[2 * i];
                kept[w++] = c[2 * i + 1];
            }
        }
        int removed = p.size() - w / 2;
        if (removed > 0) {
            edit(PointSet.wrap(Arrays.copyOf(kept, w), 2));
        }
        return removed;
    }

    /** Removes every point (one undo step). */
    public void clear() {
        if (points().size() == 0) {
            return;
        }
        undo.push(points());
        redo.clear();
        set(PointSet.wrap(new float[0], 2), "drawing", null);
        update();
    }

    public void undo() {
        if (!undo.isEmpty()) {
            redo.push(points());
            set(undo.pop(), "drawing", null);
            update();
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            undo.push(points());
            set(redo.pop(), "drawing", null);
            update();
        }
    }

    /** Seed for presets and the train/held-out split. */
    public void setSeed(long s) {
        seed = s;
    }

    /** The standardizer of the current data (preset constants, or fitted; identity when too few points). */
    public Standardizer standardizer() {
        Preset p = preset.get();
        if (p != null) {
            return p.standardizer();
        }
        try {
            return Standardizer.fit(points());
        } catch (IllegalArgumentException e) {
            return new Standardizer(new double[] {0, 0}, 1.0);
        }
    }

    /**
     * The data the engine trains on: an untouched preset as 20,000 fresh training and held-out
     * points, anything else as the shown points split 90/10.
     *
     * @throws DataException when there are too few points or no spread
     */
    public PointData toPointData() throws DataException {
        if (fixed != null) {
            return fixed;
        }
        Preset p = preset.get();
        if (p != null) {
            return DataSources.preset(p, DataSources.DEFAULT_TRAIN, DataSources.DEFAULT_HELDOUT, seed);
        }
        PointSet pts = points();
        if (pts.size() < MIN_TRAIN_POINTS) {
            throw new DataException("Draw or load at least " + MIN_TRAIN_POINTS + " points to train (there "
                    + (pts.size() == 1 ? "is 1" : "are " + pts.size()) + ").");
        }
        return DataSources.split(source.get().isEmpty() ? "drawing" : source.get(), pts, seed);
    }

    private void edit(PointSet next) {
        if (strokeStart == null) {
            undo.push(points());
            redo.clear();
        }
        set(next, "drawing", null);
        update();
    }

    private void replace(PointSet next, String src, Preset p, boolean refit) {
        if (points().size() > 0) {
            undo.push(points());
        }
        redo.clear();
        set(next, src, p);
        if (refit) {
            boundsVersion.set(boundsVersion.get() + 1);
        }
        update();
    }

    /**
     * Shows points opened from a session (data units) while the engine keeps training on the
     * session's own split and standardization until the data are edited.
     */
    public void showSession(PointSet shown, String src, Preset p, PointData data) {
        replace(shown, src, p, true);
        fixed = data;
    }

    private void set(PointSet next, String src, Preset p) {
        fixed = null;
        preset.set(p);
        source.set(src);
        points.set(next);
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }
}
