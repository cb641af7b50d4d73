package lab.diffusion.engine.session;

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
 */
public record Session(PointData data, Schedule schedule, ModelSpec model, long modelSeed, double[] params,
                      Training training) {

    /**
     * Optimizer settings and progress.
     *
     * @param optimizerState moments of the optimizer (may be empty if not saved)
     */
    public record Training(Optimizer.Kind optimizer, double learningRate, int batchSize, long seed, long steps,
                           double seconds, long iteration, double[] optimizerState, TrainingHistory.Curve history) {
    }

    public Session {
        params = params.clone();
    }

    @Override
    public double[] params() {
        return params.clone();
    }
}
