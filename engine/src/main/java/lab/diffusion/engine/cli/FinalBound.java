package lab.diffusion.engine.cli;

import java.io.PrintStream;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.model.TrainableModel;
import lab.diffusion.engine.objective.BoundReport;
import lab.diffusion.engine.objective.Bounds;

/**
 * Held-out K at the end of a command, bounded in time: on the points {@link Bounds#withinBudget}
 * pays for, with a progress line every 5 s while it runs. Main thread.
 */
final class FinalBound {

    private static final long PROGRESS_NANOS = 5_000_000_000L;

    private FinalBound() {
    }

    /**
     * Evaluates K on {@code points}.
     *
     * @param log where progress lines go, or null for none
     */
    static BoundReport evaluate(TrainableModel model, PointSet points, long seed, PrintStream log) {
        int steps = model.schedule().steps();
        long start = System.nanoTime();
        long[] last = {start};
        return Bounds.evaluate(model, points, seed, () -> false, t -> {
            long now = System.nanoTime();
            if (log != null && now - last[0] >= PROGRESS_NANOS) {
                last[0] = now;
                double done = (t - 1.0) / (steps - 1.0);
                double secs = (now - start) / 1e9;
                log.printf("  held-out K: step %,d of %,d (%.0f %%), %.0f s, about %.0f s left%n", t, steps, 100 * done, secs,
                        secs / done * (1 - done));
            }
        });
    }

    /**
     * A sentence when K was measured on fewer points than were available (null otherwise): how
     * many, why, and the standard error that costs.
     */
    static String note(BoundReport k, int available, int steps) {
        if (k.samples() >= available) {
            return null;
        }
        return String.format("  (over %,d of %,d held-out points: with T = %,d steps all of them would take too long; "
                + "standard error ±%.3f bits)", k.samples(), available, steps, k.standardErrorBits());
    }
}
