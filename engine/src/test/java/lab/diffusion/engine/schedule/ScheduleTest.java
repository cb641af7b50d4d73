package lab.diffusion.engine.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScheduleTest {

    @Test
    void logSnrMatchesTheCheckValuesAtT40() {
        Schedule s = Schedules.create(ScheduleFamily.LOGSNR, 40);
        assertEquals(1e-5, s.beta(1), 1e-5 * 1e-6);
        assertEquals(5.386830e-6, s.beta(2), 5e-13);
        assertEquals(1.691725e-4, s.beta(10), 5e-11);
        assertEquals(1.215333e-2, s.beta(20), 5e-9);
        assertEquals(2.548356e-1, s.beta(30), 5e-8);
        assertEquals(3.483443e-1, s.beta(40), 5e-8);
        assertEquals(0.005, s.alphaBar(40), 1e-12);
    }

    @Test
    void paperDefaultFollowsTheReleasedCode() {
        Schedule s = Schedules.create(ScheduleFamily.PAPER, 40);
        // β_base(1) = 1/40, min 1e-6 + 0.001: 0.001001 + 0.025·(1 − 0.001001 − 1e-5)
        assertEquals(0.001001 + 0.025 * (1 - 0.001001 - 1e-5), s.beta(1), 1e-15);
        assertEquals(1e-6 + 0.5 * (1 - 1e-6 - 1e-5), s.beta(40), 1e-15);
        // 1/linspace(40, 2, 40): step 20 has denominator 40 − 38·19/39
        assertEquals(1e-6 + (1 / (40 - 38.0 * 19 / 39)) * (1 - 1e-6 - 1e-5), s.beta(20), 1e-15);
        // ᾱ_T ≈ 1/T for the baseline
        assertEquals(1.0 / 40, s.alphaBar(40), 0.003);
    }

    @Test
    void constantErasureRemovesAFixedFractionPerStep() {
        Schedule s = Schedules.create(ScheduleFamily.ERASURE, 10);
        for (int t = 1; t < 10; t++) {
            assertEquals(1.0 / (10 - t + 1), s.beta(t), 1e-15);
            assertEquals((10.0 - t) / 10.0, s.alphaBar(t), 1e-12);
        }
        assertEquals(1.0, s.oneMinusAlphaBar(10), 1e-5);
    }

    @Test
    void linearScalesWithT() {
        Schedule s = Schedules.create(ScheduleFamily.LINEAR, 1000);
        assertEquals(1e-4, s.beta(1), 1e-15);
        assertEquals(0.02, s.beta(1000), 1e-15);
        Schedule s40 = Schedules.create(ScheduleFamily.LINEAR, 40);
        assertEquals(0.0025, s40.beta(1), 1e-15);
        assertEquals(0.5, s40.beta(40), 1e-15);
    }

    @Test
    void cosineMatchesItsAlphaBarDefinition() {
        Schedule s = Schedules.create(ScheduleFamily.COSINE, 100);
        double sOff = 0.008;
        double f0 = Math.pow(Math.cos(sOff / (1 + sOff) * Math.PI / 2), 2);
        for (int t : new int[] {1, 10, 50, 90}) {
            double f = Math.pow(Math.cos((t / 100.0 + sOff) / (1 + sOff) * Math.PI / 2), 2);
            assertEquals(f / f0, s.alphaBar(t), 1e-12);
        }
        assertEquals(0.999, s.beta(100), 1e-12);
    }

    @ParameterizedTest
    @EnumSource(value = ScheduleFamily.class, mode = EnumSource.Mode.EXCLUDE, names = {"CUSTOM", "LEARNED"})
    void derivedConstantsAreConsistent(ScheduleFamily family) {
        Schedule s = Schedules.create(family, 40);
        for (int t = 1; t <= 40; t++) {
            assertTrue(s.beta(t) > 0 && s.beta(t) <= 1, family + " β" + t);
            assertEquals(1.0, s.alphaBar(t) + s.oneMinusAlphaBar(t), 1e-12);
            assertEquals(s.alphaBar(t - 1) * (1 - s.beta(t)), s.alphaBar(t), 1e-12);
            if (t >= 2) {
                assertTrue(s.posteriorVariance(t) <= s.beta(t) * (1 + 1e-12));
            }
        }
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThrows(IllegalArgumentException.class, () -> Schedules.create(ScheduleFamily.LOGSNR, 1));
        assertThrows(IllegalArgumentException.class, () -> Schedules.create(ScheduleFamily.LOGSNR, Schedule.MAX_T + 1));
        assertThrows(IllegalArgumentException.class, () -> Schedule.ofBetas(ScheduleFamily.PAPER, new double[] {0.1, 1.5}));
        assertThrows(IllegalArgumentException.class, () -> Schedule.ofBetas(ScheduleFamily.PAPER, new double[] {0.1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> ScheduleFamily.parse("quadratic"));
    }
}
