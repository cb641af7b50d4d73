package lab.diffusion.engine.live;

import java.util.Arrays;
import java.util.Objects;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.train.TrainConfig;

/**
 * Everything a live session shows and trains, set in one step: data (model units inside),
 * schedule, model, optimizer settings, and the reverse samples drawn for display. The sample
 * count travels with the model, so a new model is never sampled with another model's count.
 * Immutable; made on the UI thread, used on the engine thread.
 *
 * @param idealReference standardized points of a known density for the ideal drift, or null
 * @param samples        reverse samples drawn for display (clamped by {@link DisplayUnits#maxSamples})
 * @param sampleSeed     seed of their starting noise
 */
public record LiveSetup(PointData data, Schedule schedule, ModelSpec spec, TrainConfig config, long modelSeed,
                        PointSet idealReference, int samples, long sampleSeed) {

    public LiveSetup {
        Objects.requireNonNull(data);
        Objects.requireNonNull(schedule);
        Objects.requireNonNull(spec);
        Objects.requireNonNull(config);
        if (data.dim() != spec.dim()) {
            throw new IllegalArgumentException("the data have " + data.dim() + " values per example, the model " + spec.dim());
        }
        samples = DisplayUnits.maxSamples(Math.max(1, samples), spec.dim(), schedule.steps());
    }

    /** True when {@code other} trains the same model (architecture and schedule), so weights can be kept. */
    public boolean sameModel(LiveSetup other) {
        return other != null && spec.equals(other.spec) && Arrays.equals(schedule.betas(), other.schedule.betas());
    }

    /** The same setup with another schedule (the second model of a schedule comparison). */
    public LiveSetup withSchedule(Schedule s) {
        return new LiveSetup(data, s, spec, config, modelSeed, idealReference, samples, sampleSeed);
    }

    /** The same setup evaluated every {@code seconds} on {@code points} held-out examples. */
    public LiveSetup withEvaluation(double seconds, int points) {
        return new LiveSetup(data, schedule, spec, config.withEvaluation(seconds, points), modelSeed, idealReference, samples,
                sampleSeed);
    }
}
