package lab.diffusion.engine.data;

import java.util.Arrays;

/**
 * An immutable set of n points in {@code dim} dimensions, stored row-major
 * (point i, coordinate d at index i·dim + d).
 */
public final class PointSet {

    private final float[] coords;
    private final int dim;

    /** Copies {@code coords}; its length must be a multiple of {@code dim}. */
    public PointSet(float[] coords, int dim) {
        this(coords.clone(), dim, true);
    }

    private PointSet(float[] owned, int dim, boolean checked) {
        if (dim < 1) {
            throw new IllegalArgumentException("dimension must be at least 1");
        }
        if (owned.length % dim != 0) {
            throw new IllegalArgumentException("coordinate count " + owned.length + " is not a multiple of " + dim);
        }
        this.coords = owned;
        this.dim = dim;
    }

    /** Wraps an array the caller gives up (no copy). */
    public static PointSet wrap(float[] coords, int dim) {
        return new PointSet(coords, dim, true);
    }

    public int size() {
        return coords.length / dim;
    }

    public int dim() {
        return dim;
    }

    public float get(int i, int d) {
        return coords[i * dim + d];
    }

    /** A copy of the row-major coordinates. */
    public float[] toArray() {
        return coords.clone();
    }

    /** Copies coordinates of points [from, from + count) into {@code dst} at {@code offset}. */
    public void copyRows(int from, int count, float[] dst, int offset) {
        System.arraycopy(coords, from * dim, dst, offset, count * dim);
    }

    /** Copies point {@code i} into {@code dst} at {@code offset}. */
    public void copyRow(int i, float[] dst, int offset) {
        System.arraycopy(coords, i * dim, dst, offset, dim);
    }

    /** The first {@code n} points (or all if fewer). */
    public PointSet head(int n) {
        return n >= size() ? this : new PointSet(Arrays.copyOf(coords, n * dim), dim, true);
    }

    /** True when every coordinate is finite. */
    public boolean allFinite() {
        for (float v : coords) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointSet p && p.dim == dim && Arrays.equals(p.coords, coords);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(coords) + dim;
    }

    @Override
    public String toString() {
        return size() + " points in " + dim + "D";
    }
}
