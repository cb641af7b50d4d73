package lab.diffusion.engine.nn;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A native ND4J matrix (rows × cols, column-major, allocated outside any workspace) paired
 * with a heap copy. Bulk copies between the two cost ~2 µs per 256 KB, which makes the heap the
 * fast place for elementwise work and ND4J the fast place for matrix products.
 * <p>
 * A mirror may carry one extra native column after its {@code cols} columns: a column of ones
 * (so a matrix product with a weight matrix whose last row is the bias adds the bias), or a
 * scratch column that a product writes and nobody reads. Heap copies cover only the
 * {@code rows × cols} prefix, which is contiguous in column-major order.
 */
public abstract sealed class Mirror permits Mirror.F32, Mirror.F64 {

    /** What the extra native column holds. */
    public enum Extra {
        NONE, ONES, SCRATCH
    }

    protected final INDArray full;
    protected final INDArray array;
    protected final int rows;
    protected final int cols;
    protected final int length;

    private Mirror(INDArray full, INDArray array, int rows, int cols) {
        this.full = full;
        this.array = array;
        this.rows = rows;
        this.cols = cols;
        this.length = rows * cols;
    }

    /** Allocates a zeroed mirror without an extra column. */
    public static Mirror allocate(DataType type, int rows, int cols) {
        return allocate(type, rows, cols, Extra.NONE);
    }

    /** Allocates a mirror, detached from workspaces, with the given extra column. */
    public static Mirror allocate(DataType type, int rows, int cols, Extra extra) {
        INDArray f;
        INDArray a;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            int total = cols + (extra == Extra.NONE ? 0 : 1);
            f = Nd4j.create(type, new long[] {rows, total}, 'f');
            if (extra == Extra.ONES) {
                f.get(NDArrayIndex.all(), NDArrayIndex.point(cols)).assign(1.0);
            }
            a = extra == Extra.NONE ? f : f.get(NDArrayIndex.all(), NDArrayIndex.interval(0, cols));
        }
        return switch (type) {
            case FLOAT -> new F32(f, a, rows, cols);
            case DOUBLE -> new F64(f, a, rows, cols);
            default -> throw new IllegalArgumentException("unsupported type " + type);
        };
    }

    /** The rows × cols native matrix (column-major: element (r, c) at c·rows + r). */
    public INDArray array() {
        return array;
    }

    /** The native matrix including the extra column (the same as {@link #array()} without one). */
    public INDArray withExtra() {
        return full;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Native → heap. */
    public abstract void download();

    /** Heap → native. */
    public abstract void upload();

    /** Heap: apply the activation in place. */
    public abstract void activate(Activation act);

    /** Heap: multiply this gradient by act' evaluated at the outputs held in {@code outputs}. */
    public abstract void multiplyActivationGradient(Activation act, Mirror outputs);

    /** Heap → doubles (column-major). */
    public abstract void toDoubles(double[] dst);

    /** Doubles (column-major) → heap. */
    public abstract void fromDoubles(double[] src);

    /** Float32 mirror. */
    public static final class F32 extends Mirror {
        private final float[] host;
        private final FloatBuffer nio;

        F32(INDArray f, INDArray a, int rows, int cols) {
            super(f, a, rows, cols);
            host = new float[rows * cols];
            nio = f.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
        }

        /** The heap copy (column-major). */
        public float[] host() {
            return host;
        }

        @Override
        public void download() {
            nio.get(0, host, 0, length);
        }

        @Override
        public void upload() {
            nio.put(0, host, 0, length);
        }

        @Override
        public void activate(Activation act) {
            act.apply(host, length);
        }

        @Override
        public void multiplyActivationGradient(Activation act, Mirror outputs) {
            act.backward(((F32) outputs).host, host, length);
        }

        @Override
        public void toDoubles(double[] dst) {
            for (int i = 0; i < length; i++) {
                dst[i] = host[i];
            }
        }

        @Override
        public void fromDoubles(double[] src) {
            for (int i = 0; i < length; i++) {
                host[i] = (float) src[i];
            }
        }
    }

    /** Float64 mirror (gradient checks and reference computations). */
    public static final class F64 extends Mirror {
        private final double[] host;
        private final DoubleBuffer nio;

        F64(INDArray f, INDArray a, int rows, int cols) {
            super(f, a, rows, cols);
            host = new double[rows * cols];
            nio = f.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer();
        }

        public double[] host() {
            return host;
        }

        @Override
        public void download() {
            nio.get(0, host, 0, length);
        }

        @Override
        public void upload() {
            nio.put(0, host, 0, length);
        }

        @Override
        public void activate(Activation act) {
            act.apply(host, length);
        }

        @Override
        public void multiplyActivationGradient(Activation act, Mirror outputs) {
            act.backward(((F64) outputs).host, host, length);
        }

        @Override
        public void toDoubles(double[] dst) {
            System.arraycopy(host, 0, dst, 0, length);
        }

        @Override
        public void fromDoubles(double[] src) {
            System.arraycopy(src, 0, host, 0, length);
        }
    }
}
