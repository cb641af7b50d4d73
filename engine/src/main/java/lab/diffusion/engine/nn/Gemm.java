package lab.diffusion.engine.nn;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * C ← op(A)·op(B) on column-major ND4J matrices, calling the OpenBLAS that ND4J itself uses
 * ({@code cblas_sgemm} / {@code cblas_dgemm}) on the arrays' native buffers. {@link Nd4j#gemm}
 * builds and validates an op for every call, which costs 40–70 µs here; a training step makes
 * eleven products, so that set-up was a tenth of the step. The arithmetic is the same library
 * call either way. Matrices that are not plain column-major blocks go through {@link Nd4j#gemm}.
 */
public final class Gemm {

    private static final int COL_MAJOR = openblas.CblasColMajor;
    private static final int NO_TRANS = openblas.CblasNoTrans;
    private static final int TRANS = openblas.CblasTrans;

    private Gemm() {
    }

    /** C (m × n) ← op(A)·op(B), op = transpose when the flag is set. Engine thread only. */
    public static void multiply(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB) {
        DataType type = c.dataType();
        if (!direct(a, type) || !direct(b, type) || !direct(c, type)) {
            Nd4j.gemm(a, b, c, transA, transB, 1.0, 0.0);
            return;
        }
        int m = (int) c.rows();
        int n = (int) c.columns();
        int k = (int) (transA ? a.rows() : a.columns());
        long ar = transA ? a.columns() : a.rows();
        long bc = transB ? b.rows() : b.columns();
        long bk = transB ? b.columns() : b.rows();
        if (ar != m || bc != n || bk != k) {
            throw new IllegalArgumentException("matrix product of " + shape(a, transA) + " and " + shape(b, transB)
                    + " into " + m + "×" + n);
        }
        int ta = transA ? TRANS : NO_TRANS;
        int tb = transB ? TRANS : NO_TRANS;
        if (type == DataType.FLOAT) {
            openblas.cblas_sgemm(COL_MAJOR, ta, tb, m, n, k, 1f, floats(a), ld(a), floats(b), ld(b), 0f, floats(c), ld(c));
        } else {
            openblas.cblas_dgemm(COL_MAJOR, ta, tb, m, n, k, 1.0, doubles(a), ld(a), doubles(b), ld(b), 0.0, doubles(c), ld(c));
        }
    }

    /** True when {@link #multiply} calls BLAS directly for these matrices (tests check the fast path is taken). */
    static boolean direct(INDArray a, INDArray b, INDArray c) {
        return direct(a, c.dataType()) && direct(b, c.dataType()) && direct(c, c.dataType());
    }

    /** True for a rank-2 column-major block of this type: unit stride down a column. */
    private static boolean direct(INDArray x, DataType type) {
        if (x.rank() != 2 || x.dataType() != type || (type != DataType.FLOAT && type != DataType.DOUBLE)) {
            return false;
        }
        long[] st = x.stride();
        return x.ordering() == 'f' && st[0] == 1 && (x.columns() == 1 || st[1] >= x.rows());
    }

    private static int ld(INDArray x) {
        return (int) Math.max(1, x.columns() == 1 ? x.rows() : x.stride()[1]);
    }

    // a view's buffer already starts at the view's first element (its address includes the offset)
    private static FloatPointer floats(INDArray x) {
        Pointer base = x.data().addressPointer();
        return new FloatPointer(base);
    }

    private static DoublePointer doubles(INDArray x) {
        Pointer base = x.data().addressPointer();
        return new DoublePointer(base);
    }

    private static String shape(INDArray x, boolean t) {
        return t ? x.columns() + "×" + x.rows() : x.rows() + "×" + x.columns();
    }
}
