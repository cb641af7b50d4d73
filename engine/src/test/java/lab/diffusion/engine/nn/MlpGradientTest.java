package lab.diffusion.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import lab.diffusion.engine.testutil.FiniteDifference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;

/** The MLP's hand-written backprop against central finite differences in float64. */
class MlpGradientTest {

    @BeforeAll
    static void setUp() {
        Nd4jRuntime.configure();
    }

    /** loss = Σ c ⊙ output for fixed random c, so ∂loss/∂output = c. */
    private static double loss(Mlp mlp, Mlp.Work wk, double[] input, double[] c) {
        wk.input().fromDoubles(input);
        mlp.forward(wk);
        double[] out = new double[c.length];
        wk.output().toDoubles(out);
        double s = 0;
        for (int i = 0; i < c.length; i++) {
            s += c[i] * out[i];
        }
        return s;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void gradientMatchesFiniteDifferences(Activation act) {
        int[] sizes = {3, 7, 5, 4};
        ParamBuffer pb = new ParamBuffer(DataType.DOUBLE, Mlp.parameterCount(sizes));
        Mlp mlp = new Mlp(sizes, act, pb);
        SplittableRandom rng = new SplittableRandom(11);
        mlp.initialize(rng, 1.0);
        double[] m = pb.master();
        for (int i = 0; i < m.length; i++) {
            m[i] += 0.3 * rng.nextGaussian(); // non-zero biases too
        }
        pb.pushMaster();
        int rows = 6;
        Mlp.Work wk = mlp.work(rows);
        double[] input = new double[rows * 3];
        double[] c = new double[rows * 4];
        for (int i = 0; i < input.length; i++) {
            input[i] = rng.nextGaussian();
        }
        for (int i = 0; i < c.length; i++) {
            c[i] = rng.nextGaussian();
        }
        loss(mlp, wk, input, c);
        wk.outputGradient().fromDoubles(c);
        mlp.backward(wk);
        double[] grad = new double[pb.size()];
        pb.readGradient(grad);

        double worst = 0;
        for (int i = 0; i < pb.size(); i++) {
            final int k = i;
            final double keep = m[i];
            double fd = FiniteDifference.derivative(dx -> {
                m[k] = keep + dx;
                pb.pushMaster();
                return loss(mlp, wk, input, c);
            }, 1e-4);
            m[k] = keep;
            pb.pushMaster();
            worst = Math.max(worst, FiniteDifference.relativeError(fd, grad[i], 1e-4));
        }
        assertTrue(worst < 1e-7, "worst relative error " + worst);
    }

    @Test
    void parameterViewsShareTheFlatBuffer() {
        int[] sizes = {2, 3, 2};
        ParamBuffer pb = new ParamBuffer(DataType.DOUBLE, Mlp.parameterCount(sizes));
        Mlp mlp = new Mlp(sizes, Activation.TANH, pb);
        // a single weight set through the master copy changes the forward output as expected
        double[] m = pb.master();
        Arrays.fill(m, 0.0);
        // first layer: W(1, 2) = 0.5 -> h_2 = tanh(0.5 * x_1), plus a bias 0.1 on h_0 (not read out)
        m[mlp.weightIndex(0, 1, 2)] = 0.5;
        m[mlp.biasIndex(0, 0)] = 0.1;
        // output layer: W(2, 0) = 2 -> out_0 = 2 * h_2 ; bias of out_1 = 0.25
        m[mlp.weightIndex(1, 2, 0)] = 2.0;
        m[mlp.biasIndex(1, 1)] = 0.25;
        // every index is distinct and inside the buffer
        Set<Integer> seen = new HashSet<>();
        for (int l = 0; l < 2; l++) {
            for (int j = 0; j < sizes[l + 1]; j++) {
                for (int i = 0; i < sizes[l]; i++) {
                    seen.add(mlp.weightIndex(l, i, j));
                }
                seen.add(mlp.biasIndex(l, j));
            }
        }
        assertEquals(pb.size(), seen.size());
        pb.pushMaster();
        Mlp.Work wk = mlp.work(1);
        wk.input().fromDoubles(new double[] {0.3, 0.8});
        mlp.forward(wk);
        double[] out = new double[2];
        wk.output().toDoubles(out);
        assertEquals(2 * Math.tanh(0.4), out[0], 1e-12);
        assertEquals(0.25, out[1], 1e-12);
    }

    @Test
    void floatKernelsAgreeWithDoubleKernels() {
        float worst = 0;
        for (double x = -20; x <= 20; x += 1e-4) {
            worst = (float) Math.max(worst, Math.abs(Activation.fastTanh((float) x) - Math.tanh((float) x)));
            float t = Activation.fastTanh((float) x);
            assertTrue(t >= -1f && t <= 1f);
        }
        assertTrue(worst < 4e-7, "fast tanh worst error " + worst);
        float[] zf = new float[2001];
        double[] zd = new double[2001];
        for (int i = 0; i < zf.length; i++) {
            zd[i] = -10 + 0.01 * i;
            zf[i] = (float) zd[i];
        }
        Activation.SIGMOID.apply(zf, zf.length);
        Activation.SIGMOID.apply(zd, zd.length);
        for (int i = 0; i < zf.length; i++) {
            assertEquals(zd[i], zf[i], 4e-7);
        }
    }
}
