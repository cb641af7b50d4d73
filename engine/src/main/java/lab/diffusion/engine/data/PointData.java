package lab.diffusion.engine.data;

/**
 * A training set ready for the model: training and held-out points in model units
 * (standardized), the standardizer that maps back to data units, and where it came from.
 * Points are 2D points, binary sequences (0/1) or images (one coordinate per pixel).
 *
 * @param source preset id, bundled set name or file name
 * @param images for image data, the 8-bit images the points were made from (else null)
 */
public record PointData(String source, PointSet train, PointSet heldout, Standardizer standardizer, Images images) {

    /**
     * The 8-bit images behind image data: the points are (grey + u − m)/s with u ~ U[0, 1)
     * drawn from {@code dequantSeed} (paper-math §10), so the images and the seed reproduce the
     * points exactly.
     */
    public record Images(ImageSet train, ImageSet heldout, long dequantSeed) {
        public Images {
            if (train.width() != heldout.width() || train.height() != heldout.height()) {
                throw new IllegalArgumentException("training and held-out images differ in size");
            }
        }

        public int width() {
            return train.width();
        }

        public int height() {
            return train.height();
        }
    }

    public PointData {
        if (train.dim() != heldout.dim() || train.dim() != standardizer.dim()) {
            throw new IllegalArgumentException("training, held-out and standardizer dimensions differ");
        }
        if (images != null && (images.train().pixels() != train.dim() || images.train().count() != train.size()
                || images.heldout().count() != heldout.size())) {
            throw new IllegalArgumentException("the images do not match the points");
        }
    }

    /** Points or binary data (no images). */
    public PointData(String source, PointSet train, PointSet heldout, Standardizer standardizer) {
        this(source, train, heldout, standardizer, null);
    }

    public int dim() {
        return train.dim();
    }

    public boolean isImages() {
        return images != null;
    }
}
