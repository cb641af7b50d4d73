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
 * All parameters of a model in one flat native vector, its gradient in another, and a double
 * precision master copy on the heap that optimizers update. Layers see column-major views.
 */
public final class ParamBuffer {

    private final DataType type;
    private final int size;
    private final INDArray params;
    private final INDArray grads;
    private final double[] master;
    private final float[] scratchF;
    private final FloatBuffer paramsF;
    private final FloatBuffer gradsF;
    private final DoubleBuffer paramsD;
    private final DoubleBuffer gradsD;
    private int allocated;

    public ParamBuffer(DataType type, int size) {
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("unsupported type " + type);
        }
        this.type = type;
        this.size = size;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            params = Nd4j.zeros(type, 1, size);
            grads = Nd4j.zeros(type, 1, size);
        }
        master = new double[size];
        if (type == DataType.FLOAT) {
            scratchF = new float[size];
            paramsF = params.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
            gradsF = grads.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
            paramsD = null;
            gradsD = null;
        } else {
            scratchF = null;
            paramsF = null;
            gradsF = null;
            paramsD = params.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer();
            gradsD = grads.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer();
        }
    }

    public DataType type() {
        return type;
    }

    public int size() {
        return size;
    }

    /** Reserves the next {@code count} entries and returns their offset (layers call this in order). */
    public int reserve(int count) {
        int off = allocated;
        if (off + count > size) {
            throw new IllegalStateException("parameter buffer too small");
        }
        allocated += count;
        return off;
    }

    /** Column-major rows × cols view of the parameters starting at {@code offset}. */
    INDArray paramView(int offset, int rows, int cols) {
        return view(params, offset, rows, cols);
    }

    /** Column-major rows × cols view of the gradient starting at {@code offset}. */
    INDArray gradView(int offset, int rows, int cols) {
        return view(grads, offset, rows, cols);
    }

    private static INDArray view(INDArray flat, int offset, int rows, int cols) {
        return flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + rows * cols)).reshape('f', rows, cols);
    }

    /** The heap master copy that optimizers update; call {@link #pushMaster()} afterwards. */
    public double[] master() {
        return master;
    }

    /** Master → native parameters (rounded to the native type). */
    public void pushMaster() {
        if (type == DataType.FLOAT) {
            for (int i = 0; i < size; i++) {
                scratchF[i] = (float) master[i];
            }
            paramsF.put(0, scratchF, 0, size);
        } else {
            paramsD.put(0, master, 0, size);
        }
    }

    /** Native gradient → {@code dst}. */
    public void readGradient(double[] dst) {
        if (type == DataType.FLOAT) {
            gradsF.get(0, scratchF, 0, size);
            for (int i = 0; i < size; i++) {
                dst[i] = scratchF[i];
            }
        } else {
            gradsD.get(0, dst, 0, size);
        }
    }

    /**
     * Writes the gradient of parameters [offset, offset + g.length) (for parameters a model
     * differentiates on the heap instead of through a layer).
     */
    public void writeGradient(int offset, double[] g) {
        if (offset < 0 || offset + g.length > size) {
            throw new IllegalArgumentException("gradient range outside the buffer");
        }
        if (type == DataType.FLOAT) {
            float[] f = new float[g.length];
            for (int i = 0; i < g.length; i++) {
                f[i] = (float) g[i];
            }
            gradsF.put(offset, f, 0, f.length);
        } else {
            gradsD.put(offset, g, 0, g.length);
        }
    }

    /** Sets every parameter (master and native). */
    public void setAll(double[] values) {
        if (values.length != size) {
            throw new IllegalArgumentException("expected " + size + " parameters, got " + values.length);
        }
        System.arraycopy(values, 0, master, 0, size);
        pushMaster();
    }

    /** A float copy of the parameters as the model uses them. */
    public float[] toFloats() {
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) master[i];
        }
        return out;
    }

    /** Sets every parameter from floats (e.g. read from a session file). */
    public void setFromFloats(float[] values) {
        if (values.length != size) {
            throw new IllegalArgumentException("expected " + size + " parameters, got " + values.length);
        }
        for (int i = 0; i < size; i++) {
            master[i] = values[i];
        }
        pushMaster();
    }
}
