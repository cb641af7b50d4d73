package lab.diffusion.engine.objective;

import java.util.function.BooleanSupplier;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.model.BinaryReverseModel;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.model.TrainableModel;

/** Held-out K for any model kind. */
public final class Bounds {

    private Bounds() {
    }

    public static BoundReport evaluate(TrainableModel model, PointSet heldout, long seed) {
        return evaluate(model, heldout, seed, () -> false);
    }

    /** Held-out K, abandoned with a {@code CancellationException} between two steps once {@code cancelled} says so. */
    public static BoundReport evaluate(TrainableModel model, PointSet heldout, long seed, BooleanSupplier cancelled) {
        if (model instanceof ReverseModel g) {
            return BoundEvaluator.evaluate(g, heldout, seed, cancelled);
        }
        if (model instanceof BinaryReverseModel b) {
            return BinomialBoundEvaluator.evaluate(b, heldout, seed, cancelled);
        }
        throw new IllegalArgumentException("no bound for " + model.getClass().getSimpleName());
    }
}
