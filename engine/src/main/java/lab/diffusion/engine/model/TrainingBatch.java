package lab.diffusion.engine.model;

/**
 * One minibatch drawn by the trainer: data x⁽⁰⁾, a time step per example and the forward noise
 * per coordinate (row-major, size × dim): ε ~ N(0, 1) or u ~ U(0, 1) as the model's
 * {@link TrainableModel#noise()} asks. Reused step after step by one thread.
 */
public final class TrainingBatch {

    public final int size;
    public final int dim;
    public final float[] x0;
    public final float[] eps;
    public final int[] t;

    public TrainingBatch(int size, int dim) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        }
        this.size = size;
        this.dim = dim;
        this.x0 = new float[size * dim];
        this.eps = new float[size * dim];
        this.t = new int[size];
    }
}
