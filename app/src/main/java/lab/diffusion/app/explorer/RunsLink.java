package lab.diffusion.app.explorer;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.scene.Scene;
import lab.diffusion.app.mode.ExplorerMode;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.app.plots.RenderLoop;
import lab.diffusion.app.runs.RunHistory;
import lab.diffusion.app.runs.RunsHost;
import lab.diffusion.engine.session.Session;
import lab.diffusion.engine.train.TrainingHistory;

/** The run history's door to the explorer: a run is drawn by the mode its data belong to. FX thread. */
final class RunsLink implements RunsHost {

    private final Explorer ex;

    RunsLink(Explorer ex) {
        this.ex = ex;
    }

    private ExplorerMode modeOf(Session run) {
        return run == null ? ex.mode() : ex.modes().stream().filter(m -> m.accepts(run.data(), run.model())).findFirst()
                .orElse(ex.mode());
    }

    @Override
    public RunHistory history() {
        return ex.trainer.runs;
    }

    @Override
    public TrainingHistory.Curve currentCurve() {
        return ex.training.curveProperty().get();
    }

    @Override
    public String unit() {
        return ex.mode().units().unit();
    }

    @Override
    public int perUnit() {
        return ex.mode().units().perUnit();
    }

    @Override
    public String describeRun() {
        return ex.describeRun();
    }

    @Override
    public PlotCanvas comparePlot(Session run, String title) {
        return modeOf(run).comparePlot(title);
    }

    @Override
    public void showCompared(PlotCanvas plot, float[][] states, Session run) {
        modeOf(run).showCompared(plot, states, run);
    }

    @Override
    public int compareSamples(Session run) {
        return modeOf(run).defaults().samples();
    }

    @Override
    public void sample(Session run, int n, long seed, Consumer<float[][]> done) {
        ex.engine().sampleSession(run, n, seed, done);
    }

    @Override
    public void captureCurrent(Consumer<Session> done) {
        ex.engine().capture(done);
    }

    @Override
    public RenderLoop renderLoop() {
        return ex.renderLoop;
    }

    @Override
    public ReadOnlyIntegerProperty tProperty() {
        return ex.timeline.tProperty();
    }

    @Override
    public void style(Scene scene) {
        ex.appearance.attach(scene);
    }
}
