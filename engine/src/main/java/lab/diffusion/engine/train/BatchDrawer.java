package lab.diffusion.engine.train;

import java.util.SplittableRandom;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.model.TrainableModel;
import lab.diffusion.engine.model.TrainingBatch;

/**
 * Draws training batches: for each example a training point, a step t uniform over the steps
 * the model trains, and its noise (Gaussian or uniform, as the model's forward process needs),
 * all from one seeded generator. Engine thread (its trainer's).
 */
final class BatchDrawer {

    private final SplittableRandom rng;
    private final int dim;
    private float[] train;
    private int nTrain;

    BatchDrawer(PointData data, long seed) {
        this.rng = new SplittableRandom(seed);
        this.dim = data.dim();
        use(data);
    }

    /** Draws from other data of the same dimension from now on. */
    void use(PointData data) {
        train = data.train().toArray();
        nTrain = data.train().size();
    }

    /** Fills every example of {@code b} for {@code model}. */
    void fill(TrainingBatch b, TrainableModel model) {
        int first = model.firstTrainingStep();
        int span = model.schedule().steps() - first + 1;
        boolean gaussian = model.noise() == TrainableModel.Noise.GAUSSIAN;
        for (int i = 0; i < b.size; i++) {
            int src = rng.nextInt(nTrain) * dim;
            b.t[i] = first + rng.nextInt(span);
            for (int d = 0; d < dim; d++) {
                b.x0[i * dim + d] = train[src + d];
                b.eps[i * dim + d] = (float) (gaussian ? rng.nextGaussian() : rng.nextDouble());
            }
        }
    }
}
