package lab.diffusion.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OptimizerTest {

    @Test
    void adamFirstStepMovesEachParameterByTheLearningRate() {
        // with bias correction the first Adam step is lr·g/|g| (up to ε)
        Optimizer adam = Optimizer.create(Optimizer.Kind.ADAM, 3, 0.01);
        double[] p = {1.0, -2.0, 0.5};
        adam.step(p, new double[] {3.0, -0.2, 1e-3});
        assertArrayEquals(new double[] {0.99, -1.99, 0.49}, p, 1e-6);
    }

    @Test
    void adamMinimizesAQuadratic() {
        Optimizer adam = Optimizer.create(Optimizer.Kind.ADAM, 2, 0.05);
        double[] p = {3.0, -4.0};
        for (int i = 0; i < 2000; i++) {
            adam.step(p, new double[] {2 * (p[0] - 1), 2 * (p[1] + 2)});
        }
        assertEquals(1.0, p[0], 1e-3);
        assertEquals(-2.0, p[1], 1e-3);
    }

    @Test
    void rmspropMinimizesAQuadratic() {
        Optimizer opt = Optimizer.create(Optimizer.Kind.RMSPROP, 1, 0.01);
        double[] p = {5.0};
        for (int i = 0; i < 3000; i++) {
            opt.step(p, new double[] {2 * (p[0] - 1)});
        }
        assertEquals(1.0, p[0], 0.02);
    }

    @Test
    void stateRoundTripsAndContinuesIdentically() {
        Optimizer a = Optimizer.create(Optimizer.Kind.ADAM, 2, 0.01);
        double[] p = {1, 2};
        a.step(p, new double[] {0.3, -0.1});
        Optimizer b = Optimizer.create(Optimizer.Kind.ADAM, 2, 0.01);
        b.restore(a.state(), a.iteration());
        double[] pa = p.clone();
        double[] pb = p.clone();
        a.step(pa, new double[] {0.5, 0.2});
        b.step(pb, new double[] {0.5, 0.2});
        assertArrayEquals(pa, pb, 0.0);
    }

    @Test
    void rejectsImpossibleLearningRates() {
        assertThrows(IllegalArgumentException.class, () -> Optimizer.create(Optimizer.Kind.ADAM, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> Optimizer.create(Optimizer.Kind.ADAM, 1, Double.NaN));
    }
}
