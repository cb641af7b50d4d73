package lab.diffusion.engine.data;

/**
 * A 2D (or D-dimensional) training set ready for the model: training and held-out points in
 * model units (standardized), the standardizer that maps back to data units, and where it came from.
 *
 * @param source preset id or file name
 */
public record PointData(String source, PointSet train, PointSet heldout, Standardizer standardizer) {

    public PointData {
        if (train.dim() != heldout.dim() || train.dim() != standardizer.dim()) {
            throw new IllegalArgumentException("training, held-out and standardizer dimensions differ");
        }
    }

    public int dim() {
        return train.dim();
    }
}
