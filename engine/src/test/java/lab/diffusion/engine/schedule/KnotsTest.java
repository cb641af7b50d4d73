package lab.diffusion.engine.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import lab.diffusion.engine.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KnotsTest {

    /** Knots → β → knots: sampling the drawn schedule at the knots gives the knots back (no β at its clamps). */
    @ParameterizedTest
    @EnumSource(Knots.Space.class)
    void knotsRoundTripThroughBetas(Knots.Space space) {
        Schedule base = Schedules.create(ScheduleFamily.LOGSNR, 50);
        Knots k = Knots.from(base, space, 6).withValue(2, Knots.from(base, space, 6).value(2) * 0.97);
        Schedule drawn = k.toSchedule();
        Knots back = Knots.from(drawn, space, 6);
        for (int i = 0; i < k.size(); i++) {
            assertEquals(k.t(i), back.t(i), 0.0);
            assertEquals(k.value(i), back.value(i), 1e-9 * Math.max(1, Math.abs(k.value(i))), space + " knot " + i);
        }
        for (int t = 1; t <= 50; t++) {
            assertTrue(drawn.beta(t) > 0 && drawn.beta(t) < 1);
        }
    }

    @Test
    void monotoneKnotsGiveAMonotoneCurveWithoutOvershoot() {
        Knots k = new Knots(Knots.Space.ALPHA_BAR, 100, new double[] {1, 10, 50, 100}, new double[] {0.999, 0.99, 0.2, 0.001});
        double[] c = k.curve();
        for (int t = 2; t <= 100; t++) {
            assertTrue(c[t] <= c[t - 1] + 1e-15, "ᾱ must not rise at t = " + t);
        }
        assertEquals(0.999, c[1], 1e-12);
        assertEquals(0.001, c[100], 1e-12);
        Schedule s = k.toSchedule();
        assertEquals(0.001, s.alphaBar(100), 1e-9);
    }

    @Test
    void draggingKeepsTheAlphaBarKnotsInOrder() {
        Knots k = Knots.from(Schedules.create(ScheduleFamily.LINEAR, 40), Knots.Space.ALPHA_BAR, 5);
        Knots up = k.withValue(2, 2.0);
        assertTrue(up.value(2) < up.value(1), "clamped below the knot before it");
        Knots down = k.withValue(2, -1.0);
        assertTrue(down.value(2) > down.value(3), "clamped above the knot after it");
    }

    @Test
    void csvRoundTripsExactly(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Schedule s = Schedules.create(ScheduleFamily.LOGSNR, 40);
        Path f = dir.resolve("s.csv");
        ScheduleCsv.write(f, s);
        Schedule back = ScheduleCsv.read(f);
        org.junit.jupiter.api.Assertions.assertArrayEquals(s.betas(), back.betas(), 0.0);
        Files.writeString(f, "t,beta\n1,0.1\n3,0.2\n");
        var e = org.junit.jupiter.api.Assertions.assertThrows(DataException.class, () -> ScheduleCsv.read(f));
        assertTrue(e.getMessage().contains("step 3 where step 2"), e.getMessage());
        Files.writeString(f, "t,beta\n1,0.1\n2,1.5\n");
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(DataException.class, () -> ScheduleCsv.read(f))
                .getMessage().contains("outside (0, 1)"));
    }
}
