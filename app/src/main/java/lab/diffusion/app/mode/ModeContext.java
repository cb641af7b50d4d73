package lab.diffusion.app.mode;

import lab.diffusion.app.display.DisplayModel;
import lab.diffusion.app.plots.RenderLoop;
import lab.diffusion.app.schedule.ScheduleModel;
import lab.diffusion.app.ui.Background;
import lab.diffusion.engine.live.LiveEngine;

/**
 * What a mode may use of the explorer that holds it: the background executor, the engine, the
 * shared schedule and display settings, the timeline's t, and a way to say that its data
 * changed or that something went wrong. The narrow door from a mode up to the explorer. FX
 * thread.
 */
public interface ModeContext {

    Background background();

    LiveEngine engine();

    ScheduleModel schedule();

    DisplayModel display();

    RenderLoop renderLoop();

    /** The timeline's t. */
    int t();

    /** Moves the timeline (drawing and flipping bits edit the data, which is t = 0). */
    void setT(int t);

    /** Seed of presets, forward noise and the train/held-out split. */
    long dataSeed();

    /** True while {@code m} is the mode on screen. */
    boolean isShown(ExplorerMode m);

    /**
     * The data of {@code m} changed (an edit, an import, a new data set): if it is on screen the
     * explorer redraws the forward views and sets the model up again, with fresh weights when
     * {@code newModel}.
     */
    void dataChanged(ExplorerMode m, boolean newModel);

    /** Something a plot shows changed: the explorer asks the mode for new subtitles. */
    void subtitlesChanged();

    /** Picks one of the mode's data sets, switching to the mode if needed (asks before discarding training). */
    boolean select(DataChoice choice);

    /** A problem for people (message line and status bar). */
    void report(String problem);

    /** News that is not a problem. */
    void inform(String news);
}
