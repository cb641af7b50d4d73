package lab.diffusion.app.mode;

import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.schedule.Schedule;

/**
 * The settings a mode starts with, and the ones it had when it was left (restored when it is
 * entered again): model, the schedule itself (a drawn or learned one too), the largest T the data
 * allow, batch size and display samples. Immutable.
 */
public record ModeSettings(ModelSpec spec, Schedule schedule, int maxSteps, int batch, int samples) {
}
