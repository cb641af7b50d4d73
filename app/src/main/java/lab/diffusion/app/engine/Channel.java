package lab.diffusion.app.engine;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the newest value from the engine thread to the UI thread: at most one delivery is
 * pending at a time, and it delivers whatever is newest when it runs, so a fast producer can
 * never flood the UI's queue.
 */
public final class Channel<T> {

    private final Executor ui;
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile Consumer<? super T> consumer = v -> { };

    public Channel(Executor ui) {
        this.ui = ui;
    }

    /** Sets who receives values (on the UI thread). */
    public void onValue(Consumer<? super T> c) {
        consumer = c;
    }

    /** Offers a value from any thread. */
    public void publish(T value) {
        latest.set(value);
        if (pending.compareAndSet(false, true)) {
            ui.execute(() -> {
                pending.set(false);
                T v = latest.get();
                if (v != null) {
                    consumer.accept(v);
                }
            });
        }
    }

    /** The newest value published so far (any thread), or null. */
    public T latest() {
        return latest.get();
    }
}
