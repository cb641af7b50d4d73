package lab.diffusion.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.data.Preset;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static PointSet gaussian(int n, long seed, double dx, double dy) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] c = new float[2 * n];
        for (int i = 0; i < n; i++) {
            c[2 * i] = (float) (r.nextGaussian() + dx);
            c[2 * i + 1] = (float) (r.nextGaussian() + dy);
        }
        return PointSet.wrap(c, 2);
    }

    private static PointSet shift(PointSet p, double dx, double dy) {
        float[] c = p.toArray();
        for (int i = 0; i < p.size(); i++) {
            c[2 * i] += (float) dx;
            c[2 * i + 1] += (float) dy;
        }
        return PointSet.wrap(c, 2);
    }

    @Test
    void slicedWassersteinOfIdenticalSetsIsZero() {
        PointSet a = Preset.SWISSROLL.generate(3000, 1);
        assertEquals(0.0, SlicedWasserstein.distance(a, a), 0.0);
    }

    @Test
    void slicedWassersteinOfAShiftIsItsLengthOverRootTwo() {
        // every projection shifts by θ·v, so W₂² = (θ·v)² and the mean over the 128 directions is |v|²/2
        PointSet a = gaussian(2000, 3, 0, 0);
        double dx = 0.3;
        double dy = -0.4;
        PointSet b = shift(a, dx, dy);
        assertEquals(0.5 / Math.sqrt(2), SlicedWasserstein.distance(a, b), 1e-6);
    }

    @Test
    void slicedWassersteinRejectsUnequalSizes() {
        assertThrows(IllegalArgumentException.class,
                () -> SlicedWasserstein.distance(gaussian(10, 1, 0, 0), gaussian(11, 2, 0, 0)));
    }

    @Test
    void mmdOfPointMassesHasTheClosedForm() {
        // X = m copies of 0, Y = m copies of v: MMD²ᵤ = 1 + 1 − 2·exp(−|v|²/(2h²))
        int m = 50;
        float[] x = new float[2 * m];
        float[] y = new float[2 * m];
        for (int i = 0; i < m; i++) {
            y[2 * i] = 0.1f;
            y[2 * i + 1] = 0.05f;
        }
        double v2 = 0.1f * 0.1f + 0.05f * 0.05f;
        double expected = 2 - 2 * Math.exp(-v2 / (2 * 0.01));
        assertEquals(expected, Mmd.unbiasedSquared(PointSet.wrap(x, 2), PointSet.wrap(y, 2), 0.1), 1e-6);
    }

    /** Mean of k(xᵢ, xⱼ) over i ≠ j, computed directly. */
    private static double within(PointSet p, double h) {
        double s = 0;
        int n = p.size();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    double dx = p.get(i, 0) - p.get(j, 0);
                    double dy = p.get(i, 1) - p.get(j, 1);
                    s += Math.exp(-(dx * dx + dy * dy) / (2 * h * h));
                }
            }
        }
        return s / ((double) n * (n - 1));
    }

    @Test
    void mmdOfFarApartSetsIsTheSumOfTheWithinTerms() {
        // the cross term vanishes (exp(−20000/0.02) = 0), leaving the two within-set means
        PointSet a = gaussian(300, 1, 0, 0);
        PointSet b = shift(gaussian(300, 2, 0, 0), 100, 100);
        assertEquals(within(a, 0.1) + within(b, 0.1), Mmd.unbiasedSquared(a, b, 0.1), 1e-12);
    }

    private static PointSet scaled(PointSet p, double f) {
        float[] c = p.toArray();
        for (int i = 0; i < c.length; i++) {
            c[i] *= (float) f;
        }
        return PointSet.wrap(c, 2);
    }

    /**
     * For X ~ N(μx, s²I₂), Y ~ N(μy, s²I₂): E k(X, Y) = h²/(h²+2s²)·exp(−|μx−μy|²/(2(h²+2s²))), so the
     * population MMD² = 2h²/(h²+2s²)·(1 − exp(−|Δ|²/(2(h²+2s²)))); the unbiased estimate must be near it.
     */
    @Test
    void mmdOfGaussiansMatchesThePopulationValue() {
        double s = 0.1;
        double h = 0.1;
        PointSet x = scaled(gaussian(2000, 1, 0, 0), s);
        PointSet same = scaled(gaussian(2000, 2, 0, 0), s);
        PointSet moved = shift(scaled(gaussian(2000, 3, 0, 0), s), 0.1, 0);
        double c = h * h + 2 * s * s;
        double expected = 2 * h * h / c * (1 - Math.exp(-0.01 / (2 * c)));
        assertEquals(0.1023, expected, 1e-4);
        assertEquals(expected, Mmd.unbiasedSquared(x, moved, h), 0.01);
        assertEquals(0.0, Mmd.unbiasedSquared(x, same, h), 0.005);
    }
}
