package lab.diffusion.engine.live;

import java.util.function.Consumer;
import lab.diffusion.engine.live.LiveResults.PairResult;
import lab.diffusion.engine.model.Models;
import lab.diffusion.engine.model.TrainableModel;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.objective.Bounds;
import lab.diffusion.engine.train.Trainer;
import lab.diffusion.engine.train.TrainingSnapshot;

/**
 * Two schedules compared fairly: a fresh model with each, the same data, architecture and seed,
 * trained one after the other for the same time, then held-out K of both on the same 2,000
 * held-out examples. Engine thread only.
 */
final class SchedulePair {

    /** Held-out examples both models are scored on. */
    static final int HELDOUT = 2000;

    private SchedulePair() {
    }

    /** Trains both (labelled A and B); {@code progress} hears which one is training. */
    static PairResult[] train(LiveSetup a, LiveSetup b, double seconds, Consumer<String> progress) {
        PairResult[] r = new PairResult[2];
        LiveSetup[] both = {a, b};
        for (int i = 0; i < 2; i++) {
            LiveSetup s = both[i];
            String label = i == 0 ? "A" : "B";
            progress.accept("Training " + label + " (" + s.schedule() + ") for " + (int) seconds + " s…");
            TrainableModel m = Models.create(s.spec(), s.schedule(), s.modelSeed());
            Trainer tr = new Trainer(m, s.data(), s.config());
            TrainingSnapshot snap = tr.run(Long.MAX_VALUE, seconds, null);
            double k = Bounds.evaluate(m, s.data().heldout().head(HELDOUT), 17).kBits();
            r[i] = new PairResult(label + ": " + s.schedule(), tr.history().curve(), k, snap.step(), snap.seconds());
            Nd4jRuntime.collectGarbage();
        }
        return r;
    }
}
