package lab.diffusion.app.explorer;

import lab.diffusion.app.mode.ExplorerMode;
import lab.diffusion.engine.schedule.Schedule;

/** The trainer's door to the explorer. FX thread. */
final class TrainerHost implements TrainingController.Host {

    private final Explorer ex;

    TrainerHost(Explorer ex) {
        this.ex = ex;
    }

    @Override
    public ExplorerMode mode() {
        return ex.mode();
    }

    @Override
    public void setUp(boolean keepWeights) {
        ex.models.setUp(keepWeights);
    }

    @Override
    public String describeRun() {
        return ex.describeRun();
    }

    @Override
    public Schedule schedule() {
        return ex.schedule.schedule();
    }
}
