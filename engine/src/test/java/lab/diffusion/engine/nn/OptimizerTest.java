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
    void aRateFactorScalesTheStepsOfItsRangeOnly() {
        for (Optimizer.Kind kind : Optimizer.Kind.values()) {
            Optimizer plain = Optimizer.create(kind, 4, 0.01);
            Optimizer scaled = Optimizer.create(kind, 4, 0.01);
            scaled.setRateFactor(2, 4, 0.1);
            double[] p0 = {1.0, -2.0, 0.5, 3.0};
            double[] a = p0.clone();
            double[] b = p0.clone();
            for (int i = 0; i < 5; i++) {
                double[] g = {0.3 - i, 1.0, -0.7 + 0.2 * i, 2.0};
                plain.step(a, g);
                scaled.step(b, g);
            }
            for (int i = 0; i < 4; i++) {
                double expected = i < 2 ? a[i] - p0[i] : 0.1 * (a[i] - p0[i]);
                assertEquals(expected, b[i] - p0[i], 1e-12, kind + " parameter " + i);
            }
            assertEquals(1.0, scaled.rateFactor(1));
            assertEquals(0.1, scaled.rateFactor(3));
        }
    }

    @Test
    void impossibleRateFactorsAreRefused() {
        Optimizer adam = Optimizer.create(Optimizer.Kind.ADAM, 3, 0.01);
        assertThrows(IllegalArgumentException.class, () -> adam.setRateFactor(0, 4, 0.1));
        assertThrows(IllegalArgumentException.class, () -> adam.setRateFactor(2, 1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> adam.setRateFactor(0, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> adam.setRateFactor(0, 3, Double.NaN));
    }

    @Test
    void rejectsImpossibleLearningRates() {
        assertThrows(IllegalArgumentException.class, () -> Optimizer.create(Optimizer.Kind.ADAM, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> Optimizer.create(Optimizer.Kind.ADAM, 1, Double.NaN));
    }
}
