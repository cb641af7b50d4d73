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
}
