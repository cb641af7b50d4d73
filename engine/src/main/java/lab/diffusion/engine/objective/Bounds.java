package lab.diffusion.engine.objective;

import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.model.BinaryReverseModel;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.model.TrainableModel;

/** Held-out K for any model kind. */
public final class Bounds {

    private Bounds() {
    }

    public static BoundReport evaluate(TrainableModel model, PointSet heldout, long seed) {
        if (model instanceof ReverseModel g) {
            return BoundEvaluator.evaluate(g, heldout, seed);
        }
        if (model instanceof BinaryReverseModel b) {
            return BinomialBoundEvaluator.evaluate(b, heldout, seed);
        }
        throw new IllegalArgumentException("no bound for " + model.getClass().getSimpleName());
    }
}
