package lab.diffusion.app.ui;

import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;

/** Work tied to the window's frames (pulses), on the FX thread. */
public final class Frames {

    private Frames() {
    }

    /** Runs {@code action} once, at the {@code n}-th frame from now (1: the next one). */
    public static void after(int n, Runnable action) {
        eachFrom(n, () -> {
            action.run();
            return false;
        });
    }

    /** From the {@code n}-th frame on, runs {@code step} once a frame for as long as it returns true. */
    public static void eachFrom(int n, BooleanSupplier step) {
        new AnimationTimer() {
            private int frame;

            @Override
            public void handle(long now) {
                if (++frame >= n && !step.getAsBoolean()) {
                    stop();
                }
            }
        }.start();
    }
}
