package lab.diffusion.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import lab.diffusion.engine.data.Standardizer;
import lab.diffusion.engine.sample.DriftField;
import org.junit.jupiter.api.Test;

class DisplayUnitsTest {

    private static final Standardizer ST = new Standardizer(new double[] {3, -1}, 2.5);

    @Test
    void displaySamplesAreCappedByTheTrajectoryBudget() {
        assertEquals(2000, DisplayUnits.maxSamples(2000, 2, 40));
        assertEquals(DisplayUnits.MAX_SAMPLES, DisplayUnits.maxSamples(1_000_000, 2, 40));
        // 784 pixels × 201 states: 64 M floats hold 425 trajectories
        assertEquals((64L << 20) / (784L * 201), DisplayUnits.maxSamples(2000, 784, 200));
        assertEquals(16, DisplayUnits.maxSamples(16, 784, 200));
        assertEquals(1, DisplayUnits.maxSamples(10, 1_000_000, 1000));
    }

    @Test
    void pointsGoToModelUnitsAndPathsComeBack() {
        float[] m = DisplayUnits.toModel(ST, 8, 4);
        assertEquals(2.0, m[0], 1e-6);
        assertEquals(2.0, m[1], 1e-6);
        float[] back = DisplayUnits.pathToData(ST, new float[] {2, 2, 0, 0});
        assertEquals(8, back[0], 1e-5);
        assertEquals(4, back[1], 1e-5);
        assertEquals(3, back[2], 1e-5);
        assertEquals(-1, back[3], 1e-5);
    }

    @Test
    void aFieldInDataUnitsIsShiftedAndScaledAndItsArrowsFillACell() {
        int n = 3 * 3;
        float[] x = new float[n];
        float[] y = new float[n];
        float[] dx = new float[n];
        float[] dy = new float[n];
        for (int k = 0; k < n; k++) {
            x[k] = (k % 3) - 1;
            y[k] = (k / 3) - 1;
            dx[k] = 0.01f * (k + 1);
            dy[k] = 0;
        }
        DriftField mf = new DriftField(4, 3, 3, -1, 1, -1, 1, x, y, dx, dy, new float[n], new float[n], 0.1, 0.2);
        DriftField f = DisplayUnits.fieldToData(mf, ST, 3 - 2.5, 3 + 2.5, -1 - 2.5, -1 + 2.5);
        assertEquals(3 - 2.5, f.x()[0], 1e-5);
        assertEquals(-1 + 2.5, f.y()[8], 1e-5);
        assertEquals(0.01 * 2.5, f.dx()[0], 1e-6);
        // arrows of length 0.025·(k+1); the 95th percentile of 9 sorted lengths is the 8th (index 7)
        double cell = 5.0 / 2;
        assertEquals(0.9 * cell / (0.025 * 8), DisplayUnits.arrowScale(f), 1e-4);
    }
}
