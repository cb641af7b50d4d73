package lab.diffusion.app.timeline;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;

/** The one t (0..T) that drives all plots, and its playback. No FX thread needed. */
public final class TimelineModel {

    /** Playback speeds offered. */
    public static final double[] SPEEDS = {0.25, 0.5, 1, 2, 4};
    /** At 1× a full sweep 0 → T takes this many seconds. */
    public static final double SWEEP_SECONDS = 4.0;

    // Properties
    private final IntegerProperty t = new SimpleIntegerProperty(0);
    private final ReadOnlyIntegerWrapper max = new ReadOnlyIntegerWrapper(40);
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final BooleanProperty loop = new SimpleBooleanProperty(true);
    private final BooleanProperty backwards = new SimpleBooleanProperty();
    private final DoubleProperty speed = new SimpleDoubleProperty(1.0);
    private double carry;

    public TimelineModel() {
        t.addListener((o, a, b) -> {
            int v = b.intValue();
            int c = Math.max(0, Math.min(max.get(), v));
            if (c != v) {
                t.set(c);
            }
        });
    }

    public IntegerProperty tProperty() {
        return t;
    }

    public int t() {
        return t.get();
    }

    public ReadOnlyIntegerProperty maxProperty() {
        return max.getReadOnlyProperty();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public BooleanProperty loopProperty() {
        return loop;
    }

    /** Play from T down to 0 (the reverse process) instead of 0 up to T. */
    public BooleanProperty backwardsProperty() {
        return backwards;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    // Commands

    /** Sets T; t is clamped into 0..T. */
    /** The next speed up in {@link #SPEEDS} (stays at the fastest). */
    public void faster() {
        double sp = speedProperty().get();
        for (double v : SPEEDS) {
            if (v > sp + 1e-9) {
                speedProperty().set(v);
                return;
            }
        }
    }

    /** The next speed down in {@link #SPEEDS} (stays at the slowest). */
    public void slower() {
        double sp = speedProperty().get();
        for (int i = SPEEDS.length - 1; i >= 0; i--) {
            if (SPEEDS[i] < sp - 1e-9) {
                speedProperty().set(SPEEDS[i]);
                return;
            }
        }
    }

    public void setMax(int steps) {
        max.set(steps);
        if (t.get() > steps) {
            t.set(steps);
        }
    }

    public void setT(int value) {
        t.set(Math.max(0, Math.min(max.get(), value)));
    }

    public void stepForward() {
        setT(t.get() + 1);
    }

    public void stepBack() {
        setT(t.get() - 1);
    }

    public void toStart() {
        setT(0);
    }

    public void toEnd() {
        setT(max.get());
    }

    public void togglePlay() {
        if (!playing.get()) {
            boolean back = backwards.get();
            if (!back && t.get() >= max.get()) {
                setT(0);
            } else if (back && t.get() <= 0) {
                setT(max.get());
            }
            carry = 0;
        }
        playing.set(!playing.get());
    }

    /** Advances playback by a frame of {@code seconds}; call on every display frame. */
    public void tick(double seconds) {
        if (!playing.get()) {
            return;
        }
        double rate = speed.get() * Math.max(1, max.get()) / SWEEP_SECONDS;
        carry += rate * seconds;
        int steps = (int) Math.floor(carry);
        if (steps <= 0) {
            return;
        }
        carry -= steps;
        int dir = backwards.get() ? -1 : 1;
        int next = t.get() + dir * steps;
        if (next > max.get() || next < 0) {
            if (loop.get()) {
                next = backwards.get() ? max.get() : 0;
            } else {
                next = Math.max(0, Math.min(max.get(), next));
                playing.set(false);
            }
        }
        t.set(next);
    }
}
