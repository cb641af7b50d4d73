package lab.diffusion.app.explorer;

import lab.diffusion.app.display.DisplayModel;
import lab.diffusion.app.mode.DataChoice;
import lab.diffusion.app.mode.ExplorerMode;
import lab.diffusion.app.mode.ModeContext;
import lab.diffusion.app.plots.RenderLoop;
import lab.diffusion.app.schedule.ScheduleModel;
import lab.diffusion.app.ui.Background;
import lab.diffusion.engine.live.LiveEngine;

/** The modes' door to the explorer. FX thread. */
final class ModeLink implements ModeContext {

    private final Explorer ex;

    ModeLink(Explorer ex) {
        this.ex = ex;
    }

    @Override
    public Background background() {
        return ex.background();
    }

    @Override
    public LiveEngine engine() {
        return ex.engine();
    }

    @Override
    public ScheduleModel schedule() {
        return ex.schedule;
    }

    @Override
    public DisplayModel display() {
        return ex.display;
    }

    @Override
    public RenderLoop renderLoop() {
        return ex.renderLoop;
    }

    @Override
    public int t() {
        return ex.timeline.t();
    }

    @Override
    public void setT(int t) {
        ex.timeline.setT(t);
    }

    @Override
    public long dataSeed() {
        return 1;
    }

    @Override
    public boolean isShown(ExplorerMode m) {
        return ex.mode() == m;
    }

    @Override
    public void dataChanged(ExplorerMode m, boolean newModel) {
        ex.models.dataChanged(m, newModel);
    }

    @Override
    public void subtitlesChanged() {
        ex.updateSubtitles();
    }

    @Override
    public boolean select(DataChoice c) {
        return ex.select(c);
    }

    @Override
    public void report(String problem) {
        ex.messages.report(problem);
    }

    @Override
    public void inform(String news) {
        ex.messages.inform(news);
    }
}
