package lab.diffusion.engine.session;

import lab.diffusion.engine.model.Models;
import lab.diffusion.engine.model.TrainableModel;
import lab.diffusion.engine.train.TrainConfig;
import lab.diffusion.engine.train.Trainer;

/** Converts between live objects (model, trainer) and {@link Session} values. */
public final class Sessions {

    private Sessions() {
    }

    /** A session capturing the trainer's model, data, optimizer and progress. */
    public static Session capture(Trainer trainer, long modelSeed, TrainConfig config) {
        TrainableModel m = trainer.model();
        Session.Training training = new Session.Training(trainer.optimizer().kind(), trainer.optimizer().learningRate(),
                trainer.snapshot().batchSize(), config.seed(), trainer.step(), trainer.snapshot().seconds(),
                trainer.optimizer().iteration(), trainer.optimizer().state(), trainer.history().curve(),
                trainer.scheduleRate());
        return new Session(trainer.data(), m.baseSchedule(), m.spec(), modelSeed, m.parameters().master(), training);
    }

    /** Builds the model with the session's weights (on the engine thread). */
    public static TrainableModel model(Session s) {
        TrainableModel m = Models.create(s.model(), s.schedule(), s.modelSeed());
        m.parameters().setAll(s.params());
        return m;
    }

    /** The training settings stored in the session, with the given evaluation settings. */
    public static TrainConfig config(Session s, double evalEverySeconds, int evalPoints) {
        Session.Training t = s.training();
        return new TrainConfig(t.optimizer(), t.learningRate(), t.batchSize(), t.seed(), evalEverySeconds, evalPoints)
                .withScheduleRate(t.scheduleRate());
    }

    /**
     * A trainer that continues where the session stopped, with {@code config}'s settings except
     * the learned schedule's rate, which stays the session's.
     */
    public static Trainer trainer(Session s, TrainableModel model, TrainConfig config) {
        Session.Training t = s.training();
        Trainer tr = new Trainer(model, s.data(), config.withScheduleRate(t.scheduleRate()));
        tr.restoreProgress(t.steps(), t.seconds(), t.optimizerState(), t.iteration(), t.history());
        return tr;
    }
}
