package lab.diffusion.engine.train;

/**
 * Steps per second, measured over windows of at least half a second that carry over from one
 * training chunk to the next. Engine thread (its trainer's).
 */
final class SpeedMeter {

    private static final long WINDOW_NANOS = 500_000_000L;
    private double speed;
    private long windowNanos = -1;
    private long windowStep;

    /** A run starts at {@code step} (a new window unless one is open). */
    void start(long now, long step) {
        if (windowNanos < 0) {
            windowNanos = now;
            windowStep = step;
        }
    }

    /** One more step done; closes the window once it is long enough. */
    void tick(long now, long step) {
        if (now - windowNanos >= WINDOW_NANOS) {
            speed = (step - windowStep) / ((now - windowNanos) / 1e9);
            windowNanos = now;
            windowStep = step;
        }
    }

    /** A run too short for a window still gets a speed: its steps over its time. */
    void ranFor(double seconds, long steps) {
        if (seconds > 0 && steps > 0 && speed == 0) {
            speed = steps / seconds;
        }
    }

    /** The series of runs ended: the next run opens a new window. */
    void end() {
        windowNanos = -1;
    }

    double speed() {
        return speed;
    }
}
