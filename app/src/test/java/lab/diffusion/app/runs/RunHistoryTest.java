package lab.diffusion.app.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.diffusion.engine.session.RunRecord;
import lab.diffusion.engine.train.TrainingHistory;
import org.junit.jupiter.api.Test;

/** The run history's bookkeeping (no FX thread needed). */
class RunHistoryTest {

    private static TrainingHistory.Curve curve(double... heldout) {
        int n = heldout.length;
        long[] steps = new long[n];
        for (int i = 0; i < n; i++) {
            steps[i] = 10L * (i + 1);
        }
        return new TrainingHistory.Curve(steps, new double[n], new double[n], heldout);
    }

    @Test
    void runsAreNumberedKeepTheirLastHeldoutKAndTheOldestGoFirst() {
        RunHistory h = new RunHistory();
        RunRecord first = h.add("a", curve(Double.NaN, -3.0, Double.NaN), new byte[0]);
        assertEquals("Run 1", first.name());
        assertEquals(-3.0, first.heldoutBits(), 0.0);
        assertTrue(Double.isNaN(h.add("b", curve(Double.NaN), new byte[0]).heldoutBits()), "never evaluated");
        for (int i = 0; i < RunRecord.MAX_RUNS; i++) {
            h.add("c", curve(-2.0), new byte[0]);
        }
        assertEquals(RunRecord.MAX_RUNS, h.list().size());
        assertEquals("Run " + (RunRecord.MAX_RUNS + 2), h.list().get(h.list().size() - 1).name());
        assertFalse(h.list().contains(first), "the oldest run left first");
        h.restore(List.of(first));
        assertEquals(List.of(first), h.list());
        assertEquals("Run 2", h.add("d", curve(-1.0), new byte[0]).name(), "new runs are numbered after the opened ones");
    }
}
