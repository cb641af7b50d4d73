package lab.diffusion.engine.session;

import java.util.List;
import java.util.Map;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.nn.Optimizer;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.train.TrainingHistory;

/**
 * Everything needed to reopen a piece of work: data, schedule, model architecture and weights,
 * optimizer state and training progress. Plain data; build a model from it on the engine thread.
 *
 * @param data       training and held-out points (model units) with their standardizer
 * @param schedule   the β schedule
 * @param model      architecture
 * @param modelSeed  seed the weights were initialized from
 * @param params     all parameters (double precision master copy)
 * @param training   optimizer settings and progress
 * @param view       how the app showed it (t, mode, layers, palette) as text keys and values; may be empty
 * @param runs       earlier training runs on the same data (run history); may be empty
 */
public record Session(PointData data, Schedule schedule, ModelSpec model, long modelSeed, double[] params,
                      Training training, Map<String, String> view, List<RunRecord> runs) {

    /**
     * Optimizer settings and progress.
     *
     * @param optimizerState moments of the optimizer (may be empty if not saved)
     * @param scheduleRate   a learned schedule's factor on the learning rate
     */
    public record Training(Optimizer.Kind optimizer, double learningRate, int batchSize, long seed, long steps,
                           double seconds, long iteration, double[] optimizerState, TrainingHistory.Curve history,
                           double scheduleRate) {
    }

    public Session {
        params = params.clone();
        view = view == null ? Map.of() : Map.copyOf(view);
        runs = runs == null ? List.of() : List.copyOf(runs);
        if (runs.size() > RunRecord.MAX_RUNS) {
            throw new IllegalArgumentException("at most " + RunRecord.MAX_RUNS + " runs are kept");
        }
    }

    /** Without view state and run history (the engine's command line). */
    public Session(PointData data, Schedule schedule, ModelSpec model, long modelSeed, double[] params, Training training) {
        this(data, schedule, model, modelSeed, params, training, Map.of(), List.of());
    }

    /** The same session with this view state and run history. */
    public Session with(Map<String, String> v, List<RunRecord> r) {
        return new Session(data, schedule, model, modelSeed, params, training, v, r);
    }

    @Override
    public double[] params() {
        return params.clone();
    }
}
