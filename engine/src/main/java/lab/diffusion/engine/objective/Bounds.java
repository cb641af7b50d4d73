package lab.diffusion.engine.objective;

import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.model.BinaryReverseModel;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.model.TrainableModel;

/** Held-out K for any model kind. */
public final class Bounds {

    /**
     * Held-out points × steps that a bounded evaluation spends at most: the default 20,000 points
     * at the default T = 1,000 (about 25 s for the paper's 2D model on one core of this project's
     * reference machine).
     */
    public static final long POINT_STEP_BUDGET = 20_000_000L;
    /** The fewest held-out points a bounded evaluation uses, whatever T. */
    public static final int MIN_POINTS = 200;

    private Bounds() {
    }

    /**
     * The first points of {@code heldout} that {@link #POINT_STEP_BUDGET} pays for over T steps
     * (all of them when it pays for all; never fewer than {@link #MIN_POINTS}). With T = 100,000
     * that is 200 points; the report's standard error says what that costs in precision.
     */
    public static PointSet withinBudget(PointSet heldout, int steps) {
        long affordable = Math.max(MIN_POINTS, POINT_STEP_BUDGET / Math.max(1, steps - 1));
        return heldout.size() <= affordable ? heldout : heldout.head((int) affordable);
    }

    public static BoundReport evaluate(TrainableModel model, PointSet heldout, long seed) {
        return evaluate(model, heldout, seed, () -> false);
    }

    /** Held-out K, abandoned with a {@code CancellationException} between two steps once {@code cancelled} says so. */
    public static BoundReport evaluate(TrainableModel model, PointSet heldout, long seed, BooleanSupplier cancelled) {
        return evaluate(model, heldout, seed, cancelled, t -> { });
    }

    /** As above, telling {@code progress} each step t as it is done (steps run 2..T). */
    public static BoundReport evaluate(TrainableModel model, PointSet heldout, long seed, BooleanSupplier cancelled,
                                       IntConsumer progress) {
        if (model instanceof ReverseModel g) {
            return BoundEvaluator.evaluate(g, heldout, seed, cancelled, progress);
        }
        if (model instanceof BinaryReverseModel b) {
            return BinomialBoundEvaluator.evaluate(b, heldout, seed, cancelled, progress);
        }
        throw new IllegalArgumentException("no bound for " + model.getClass().getSimpleName());
    }
}
