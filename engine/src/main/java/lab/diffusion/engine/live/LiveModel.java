package lab.diffusion.engine.live;

import lab.diffusion.engine.model.TrainableModel;
import lab.diffusion.engine.train.Trainer;

/**
 * The model a live session holds now, with its generation, setup and trainer. A new model is a
 * new record; the trainer itself changes as it trains. Engine thread only.
 */
record LiveModel(long generation, LiveSetup setup, TrainableModel model, Trainer trainer) {

    long step() {
        return trainer.step();
    }

    /** What the engine holds, for the UI (a null model: nothing yet). */
    static LiveResults.State state(LiveModel m, boolean training) {
        return m == null ? new LiveResults.State(0, "", 0, 0, 0, training)
                : new LiveResults.State(m.generation(), m.model().spec().describe(), m.model().dim(), m.step(),
                        DisplayUnits.maxSamples(m.setup().samples(), m.model().dim(), m.setup().schedule().steps()),
                        training);
    }
}
