package lab.diffusion.app.runs;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.diffusion.engine.session.RunRecord;
import lab.diffusion.engine.session.Session;
import lab.diffusion.engine.train.TrainingHistory;

/**
 * The runs of this session, newest last: each run replaced by Reset or a new model keeps its
 * settings, K curve and picture (at most {@link RunRecord#MAX_RUNS}), and, for runs made since the
 * app started, its model for side-by-side comparison. FX thread only.
 */
public final class RunHistory {

    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    /** The models of runs made since the app started (runs opened from a file keep only curve and picture). */
    private final Map<RunRecord, Session> models = new IdentityHashMap<>();
    private int number;

    /** The runs, newest last (the Runs section lists them). */
    public ObservableList<RunRecord> list() {
        return runs;
    }

    /** The model of an earlier run, if it was made in this app, else null. */
    public Session model(RunRecord r) {
        return models.get(r);
    }

    /** Replaces the history by the runs saved in an opened session; new runs are numbered after them. */
    public void restore(List<RunRecord> saved) {
        runs.setAll(saved);
        models.clear();
        number = saved.size();
    }

    /**
     * Adds the next run ("Run N") with its final held-out K taken from its curve, dropping the
     * oldest beyond {@link RunRecord#MAX_RUNS}. Its model follows through {@link #attachModel}.
     */
    public RunRecord add(String settings, TrainingHistory.Curve curve, byte[] thumbnailPng) {
        int last = curve.lastHeldoutIndex();
        RunRecord r = new RunRecord("Run " + (++number), settings, curve, last < 0 ? Double.NaN : curve.heldoutBits()[last],
                thumbnailPng);
        runs.add(r);
        while (runs.size() > RunRecord.MAX_RUNS) {
            models.remove(runs.remove(0));
        }
        return r;
    }

    /** Keeps a run's model (without its own view and runs) if the run is still in the history. */
    public void attachModel(RunRecord r, Session model) {
        if (model != null && runs.contains(r)) {
            models.put(r, model.with(Map.of(), List.of()));
        }
    }
}
