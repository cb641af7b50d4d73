package lab.diffusion.app.runs;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.scene.Scene;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.app.plots.RenderLoop;
import lab.diffusion.engine.session.Session;
import lab.diffusion.engine.train.TrainingHistory;

/** What the run history and its comparison window need of the explorer. FX thread. */
public interface RunsHost {

    RunHistory history();

    /** The K curve of the current model. */
    TrainingHistory.Curve currentCurve();

    /** K's unit and per-unit divisor for the current data ("sample", 1; "pixel", 784). */
    String unit();

    int perUnit();

    /** One line: data, model, schedule and optimizer of the current run. */
    String describeRun();

    /** An empty plot for the samples of {@code run} (null: the current model), of the kind its data need. */
    PlotCanvas comparePlot(Session run, String title);

    /** Shows a run's sampled trajectories in a plot made by {@link #comparePlot}. */
    void showCompared(PlotCanvas plot, float[][] states, Session run);

    /** How many samples a comparison draws of {@code run}. */
    int compareSamples(Session run);

    /** Samples {@code n} trajectories of a run's model on the engine thread; {@code done} gets them (or null). */
    void sample(Session run, int n, long seed, Consumer<float[][]> done);

    /** Captures the current model as a session; {@code done} gets null when there is none. */
    void captureCurrent(Consumer<Session> done);

    RenderLoop renderLoop();

    /** The timeline's t, which the comparison follows. */
    ReadOnlyIntegerProperty tProperty();

    /** Styles a window this feature opens like the main window (theme, lecture type). */
    void style(Scene scene);
}
