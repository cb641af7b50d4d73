package lab.diffusion.engine.train;

import java.util.Arrays;

/**
 * The K curve of a training run: (step, seconds, smoothed K estimate, held-out K or NaN) points,
 * thinned by halving when full so any run fits in a bounded size.
 */
public final class TrainingHistory {

    public static final int CAPACITY = 4096;

    private long[] steps = new long[CAPACITY];
    private double[] seconds = new double[CAPACITY];
    private double[] kBits = new double[CAPACITY];
    private double[] heldoutBits = new double[CAPACITY];
    private int size;
    private long every = 1;

    /** One immutable copy of the curve. */
    public record Curve(long[] steps, double[] seconds, double[] kBits, double[] heldoutBits) {
        public int size() {
            return steps.length;
        }

        /** Index of the last point with a held-out K, or −1 when held-out K was never evaluated. */
        public int lastHeldoutIndex() {
            for (int i = heldoutBits.length - 1; i >= 0; i--) {
                if (!Double.isNaN(heldoutBits[i])) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Adds a point (every point with held-out K is kept; others are thinned). */
    public synchronized void add(long step, double sec, double k, double heldout) {
        boolean important = !Double.isNaN(heldout);
        if (!important && step % every != 0) {
            return;
        }
        if (size == CAPACITY) {
            compact();
        }
        steps[size] = step;
        seconds[size] = sec;
        kBits[size] = k;
        heldoutBits[size] = heldout;
        size++;
    }

    private void compact() {
        int w = 0;
        for (int r = 0; r < size; r++) {
            if (r % 2 == 0 || !Double.isNaN(heldoutBits[r])) {
                steps[w] = steps[r];
                seconds[w] = seconds[r];
                kBits[w] = kBits[r];
                heldoutBits[w] = heldoutBits[r];
                w++;
            }
        }
        size = w;
        every *= 2;
        if (size > CAPACITY * 3 / 4) {
            // mostly held-out points: keep the later three quarters
            int drop = size - CAPACITY / 2;
            System.arraycopy(steps, drop, steps, 0, size - drop);
            System.arraycopy(seconds, drop, seconds, 0, size - drop);
            System.arraycopy(kBits, drop, kBits, 0, size - drop);
            System.arraycopy(heldoutBits, drop, heldoutBits, 0, size - drop);
            size -= drop;
        }
    }

    public synchronized Curve curve() {
        return new Curve(Arrays.copyOf(steps, size), Arrays.copyOf(seconds, size), Arrays.copyOf(kBits, size),
                Arrays.copyOf(heldoutBits, size));
    }

    /** Replaces the content (e.g. when a session is opened). */
    public synchronized void restore(Curve c) {
        int n = Math.min(c.size(), CAPACITY);
        int from = c.size() - n;
        System.arraycopy(c.steps(), from, steps, 0, n);
        System.arraycopy(c.seconds(), from, seconds, 0, n);
        System.arraycopy(c.kBits(), from, kBits, 0, n);
        System.arraycopy(c.heldoutBits(), from, heldoutBits, 0, n);
        size = n;
    }

    public synchronized int size() {
        return size;
    }
}
