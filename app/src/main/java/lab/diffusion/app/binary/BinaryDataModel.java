package lab.diffusion.app.binary;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lab.diffusion.engine.data.BinaryData;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.data.DataSources;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.data.PointSet;

/**
 * The binary sequences shown in binary mode (rows of 0/1): the heartbeat or a person's own,
 * edited by toggling cells. Immutable snapshots, strokes are undo steps. No engine calls.
 */
public final class BinaryDataModel {

    /** Rows shown for the heartbeat (training uses 20,000 fresh sequences while it is untouched). */
    public static final int HEARTBEAT_ROWS = 64;
    /** Most rows an import may hold in the app. */
    public static final int MAX_ROWS = 5000;

    private final ReadOnlyObjectWrapper<PointSet> rows = new ReadOnlyObjectWrapper<>(BinaryData.heartbeat(HEARTBEAT_ROWS, 1));
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("heartbeat");
    private final ReadOnlyBooleanWrapper untouchedHeartbeat = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final Deque<PointSet> undo = new ArrayDeque<>();
    private final Deque<PointSet> redo = new ArrayDeque<>();
    private long seed = 1;
    /** Data opened from a session, used exactly until the rows change. */
    private PointData fixed;

    public ReadOnlyObjectProperty<PointSet> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public PointSet rows() {
        return rows.get();
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** True while the rows are the generated heartbeat (not edited or imported). */
    public ReadOnlyBooleanProperty untouchedHeartbeatProperty() {
        return untouchedHeartbeat.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public void setSeed(long s) {
        seed = s;
    }

    // Commands

    public void loadHeartbeat() {
        set(BinaryData.heartbeat(HEARTBEAT_ROWS, seed), "heartbeat", true);
    }

    /** Flips bit {@code col} of row {@code row} (one undo step). */
    public void toggle(int row, int col) {
        PointSet p = rows();
        if (row < 0 || row >= p.size() || col < 0 || col >= p.dim()) {
            return;
        }
        float[] c = p.toArray();
        int k = row * p.dim() + col;
        c[k] = c[k] > 0.5f ? 0f : 1f;
        set(PointSet.wrap(c, p.dim()), "edited", false);
    }

    /** Reads sequences of 0/1 (any thread). */
    public static PointSet readCsv(Path file) throws DataException {
        PointSet p = BinaryData.readCsv(file);
        if (p.size() > MAX_ROWS) {
            throw new DataException(file.getFileName() + " has " + p.size() + " sequences; the app shows and edits at most "
                    + MAX_ROWS + " (the command line trains on up to 1,000,000)");
        }
        return p;
    }

    /** Shows sequences read by {@link #readCsv} (one undo step). */
    public void setImported(PointSet p, String name) {
        set(p, name, false);
    }

    public void undo() {
        if (!undo.isEmpty()) {
            redo.push(rows());
            apply(undo.pop(), "edited", false);
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            undo.push(rows());
            apply(redo.pop(), "edited", false);
        }
    }

    /**
     * Training data: the untouched heartbeat as 20,000 fresh training and 2,000 held-out
     * sequences; anything else as the shown rows split 90/10.
     */
    public PointData toPointData() throws DataException {
        if (fixed != null) {
            return fixed;
        }
        if (untouchedHeartbeat.get()) {
            return BinaryData.heartbeatData(DataSources.DEFAULT_TRAIN, 2000, seed);
        }
        return BinaryData.split(source.get(), rows(), seed);
    }

    /** Shows rows opened from a session; the engine trains on the session's own data until the rows change. */
    public void showSession(PointSet shown, String src, boolean heartbeat, PointData data) {
        set(shown, src, heartbeat);
        fixed = data;
    }

    private void set(PointSet next, String src, boolean heartbeat) {
        undo.push(rows());
        redo.clear();
        apply(next, src, heartbeat);
    }

    private void apply(PointSet next, String src, boolean heartbeat) {
        fixed = null;
        untouchedHeartbeat.set(heartbeat);
        source.set(src);
        rows.set(next);
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }
}
