package lab.diffusion.app.mode;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TitledPane;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.app.ui.FileExport;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.live.LiveResults;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.session.Session;

/**
 * One kind of data the explorer shows — 2D points, binary sequences, images — with its data, its
 * three linked plots, how engine results are drawn in them, its sidebar content and its
 * defaults. The explorer calls the mode on screen instead of branching on the kind of data, so a
 * new kind of data is one implementation (plus a subclass of the mode contract test). FX thread.
 */
public interface ExplorerMode {

    // ------------------------------------------------------------------ what it is

    /** Short id, saved in sessions ("points", "binary", "images"). */
    String id();

    /** What the data are, for messages ("2D points"). */
    String label();

    /** True when a session's data and model belong to this mode. */
    boolean accepts(PointData data, ModelSpec spec);

    /** Model, schedule and sampling settings a first run of this mode starts with. */
    ModeSettings defaults();

    /** The reverse models this mode can train. */
    List<ModelSpec.Kind> modelKinds();

    /** Most display samples, and the step of the samples spinner. */
    int maxSamples();

    int samplesStep();

    /** The data sets a person can pick for this mode (toolbar, {@code --data}). */
    List<DataChoice> dataChoices();

    /** The data set shown now, or null (a drawing, an import, a session's data). */
    DataChoice currentChoice();

    // ------------------------------------------------------------------ data

    /**
     * The data the engine trains on, or null while they load.
     *
     * @throws DataException when they cannot be trained on (too few points); the message says why
     */
    PointData trainingData() throws DataException;

    /** Why the data cannot be trained on now (e.g. too few points), or "" (cheap: checked on every edit). */
    default String problem() {
        return "";
    }

    /** True while the data load in the background. */
    boolean isLoading();

    /** {@code spec} fitted to the data: their dimension; for a new model, whatever else it takes from them. */
    ModelSpec fitSpec(ModelSpec spec, PointData data, boolean newModel);

    /** Held-out K while training: every this many seconds, on this many held-out examples. */
    double evaluationSeconds();

    int evaluationExamples();

    /** Held-out examples the importance-sampled log p uses (0: not defined for these data). */
    int logLikelihoodExamples();

    /** A short name of the data, for run descriptions. */
    String dataName();

    /** How K of these data is read. */
    KUnits units();

    /** Standardized points of a known density for the ideal drift, or null. */
    PointSet idealReference();

    /** True when a data change should set the model up at once (untouched presets), not after a pause. */
    boolean settled();

    /** Shows the data of an opened session; the engine trains on exactly them until they are edited. */
    void showSession(PointData data);

    void undo();

    void redo();

    // ------------------------------------------------------------------ views

    /** Forward, Reverse and the third plot. */
    List<PlotCanvas> plots();

    /** The content of the Data section. */
    Node dataView();

    /** More sidebar sections of this mode (after Data), usually none. */
    List<TitledPane> sections();

    /** True when a click on {@code plot} at (x, y) edits something (so a double click does not enlarge it). */
    boolean editsAt(PlotCanvas plot, double x, double y);

    /** Redraws the forward process of the data under {@code s} (off the UI thread). */
    void recomputeForward(Schedule s);

    /** Measures how far x⁽ᵀ⁾ is from the noise distribution under {@code s} and shows it in the schedule readout. */
    void recomputeEndpoint(Schedule s);

    void setT(int t);

    void updateSubtitles(int t, Schedule s);

    /** Forgets every result of the model shown before; the plots say {@code what} until new ones arrive. */
    void showLoading(String what);

    void onReverse(LiveResults.Reverse r);

    default void onDrift(LiveResults.Drift d) {
    }

    default void onFollow(LiveResults.Follow f) {
    }

    default void onProbabilities(LiveResults.Probabilities p) {
    }

    default void onConditioned(LiveResults.Conditioned c) {
    }

    /** The reverse samples x⁽⁰⁾ shown now (display units), or null. */
    PointSet shownSamples();

    /** One or two sentences of what the plots show at t, for captions. */
    String caption(int t, Schedule s, boolean trained, double kGainPerUnit);

    /** The shown samples as a file, or null when there are none yet. */
    FileExport samplesExport();

    /** The shown data as a file, or null when these data are not exported (the message says why). */
    FileExport dataExport();

    /** An empty plot for a run's samples in a side-by-side comparison. */
    PlotCanvas comparePlot(String title);

    /** Shows a run's sampled trajectories (display units) in a plot made by {@link #comparePlot}. */
    void showCompared(PlotCanvas plot, float[][] states, Session run);
}
