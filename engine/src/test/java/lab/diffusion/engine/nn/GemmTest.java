package lab.diffusion.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The direct BLAS product against a plain triple loop, on the kinds of matrices the networks use:
 * column-major views into a flat parameter vector at an offset, and the leading columns of a
 * matrix with an extra column (leading dimension larger than the columns used).
 */
class GemmTest {

    @BeforeAll
    static void setUp() {
        Nd4jRuntime.configure();
    }

    enum Type {
        FLOAT(DataType.FLOAT, 1e-5), DOUBLE(DataType.DOUBLE, 1e-12);

        final DataType type;
        final double tol;

        Type(DataType type, double tol) {
            this.type = type;
            this.tol = tol;
        }
    }

    @ParameterizedTest
    @EnumSource(Type.class)
    void directProductsMatchATripleLoopForEveryTransposeAndView(Type t) {
        SplittableRandom rng = new SplittableRandom(5);
        int m = 7;
        int n = 5;
        int k = 4;
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                // A: a view into a flat vector at offset 13, like a layer's weights in the parameter buffer
                int ar = ta ? k : m;
                int ac = ta ? m : k;
                INDArray flat = random(rng, t.type, 1, 13 + ar * ac + 3);
                INDArray a = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(13, 13 + ar * ac)).reshape('f', ar, ac);
                // B: the leading columns of a column-major matrix with one extra column
                int br = tb ? n : k;
                int bc = tb ? k : n;
                INDArray bFull = random(rng, t.type, br, bc + 1).dup('f');
                INDArray b = bFull.get(NDArrayIndex.all(), NDArrayIndex.interval(0, bc));
                // C: also a column block with an extra (scratch) column after it
                INDArray cFull = Nd4j.create(t.type, new long[] {m, n + 1}, 'f');
                cFull.assign(42.0);
                INDArray c = cFull.get(NDArrayIndex.all(), NDArrayIndex.interval(0, n));
                assertTrue(Gemm.direct(a, b, c), "the fast path is taken for " + ta + "/" + tb);
                Gemm.multiply(a, b, c, ta, tb);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double want = 0;
                        for (int q = 0; q < k; q++) {
                            double x = ta ? a.getDouble(q, i) : a.getDouble(i, q);
                            double y = tb ? b.getDouble(j, q) : b.getDouble(q, j);
                            want += x * y;
                        }
                        assertEquals(want, c.getDouble(i, j), t.tol * (1 + Math.abs(want)), "C(" + i + "," + j + ") " + ta + "/" + tb);
                    }
                    assertEquals(42.0, cFull.getDouble(i, n), 0.0, "the extra column is left alone");
                }
            }
        }
    }

    private static INDArray random(SplittableRandom rng, DataType type, int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2 * rng.nextDouble() - 1;
        }
        return Nd4j.create(v, new long[] {rows, cols}, 'c').castTo(type);
    }
}
