package lab.diffusion.app.explorer;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.scene.Scene;
import lab.diffusion.app.plots.RenderLoop;
import lab.diffusion.app.points.PointsMode;
import lab.diffusion.app.schedule.ScheduleCompare;
import lab.diffusion.app.schedule.ScheduleModel;
import lab.diffusion.app.ui.Background;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.data.Standardizer;
import lab.diffusion.engine.live.LiveResults.PairResult;
import lab.diffusion.engine.schedule.Schedule;

/** The schedule comparison's door to the explorer (its forward views are of 2D points). FX thread. */
final class CompareLink implements ScheduleCompare.Host {

    private final Explorer ex;

    CompareLink(Explorer ex) {
        this.ex = ex;
    }

    private PointsMode shownPoints() {
        return ex.mode() instanceof PointsMode p ? p : null;
    }

    @Override
    public ScheduleModel schedule() {
        return ex.schedule;
    }

    @Override
    public ReadOnlyIntegerProperty tProperty() {
        return ex.timeline.tProperty();
    }

    @Override
    public RenderLoop renderLoop() {
        return ex.renderLoop;
    }

    @Override
    public Background background() {
        return ex.background();
    }

    @Override
    public PointSet points() {
        PointsMode p = shownPoints();
        return p == null ? null : p.data.points();
    }

    @Override
    public Standardizer standardizer() {
        PointsMode p = shownPoints();
        return p == null ? null : p.data.standardizer();
    }

    @Override
    public double[] world() {
        PointsMode p = shownPoints();
        return p == null ? new double[] {-4, 4, -4, 4} : p.world();
    }

    @Override
    public boolean trainBoth(Schedule b, double seconds, Consumer<String> progress, BiConsumer<PairResult, PairResult> done) {
        return ex.schedules.compare(b, seconds, progress, done);
    }

    @Override
    public void style(Scene scene) {
        ex.appearance.attach(scene);
    }
}
