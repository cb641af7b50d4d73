package lab.diffusion.engine.live;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Hands the newest value from the engine thread to the UI thread: at most one delivery is
 * pending at a time, and it delivers whatever is newest when it runs, so a fast producer can
 * never flood the UI's queue. A value that is no longer current when its delivery runs (it
 * belongs to a replaced model) is dropped. {@link #publish} may be called from any thread;
 * consumers run on the UI executor.
 */
public final class Channel<T> {

    private final Executor ui;
    private final Predicate<? super T> current;
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile Consumer<? super T> consumer = v -> { };

    /** A channel that delivers every value. */
    public Channel(Executor ui) {
        this(ui, v -> true);
    }

    /** A channel that delivers a value only if {@code current} accepts it when the delivery runs. */
    public Channel(Executor ui, Predicate<? super T> current) {
        this.ui = ui;
        this.current = current;
    }

    /** Sets who receives values (on the UI executor). */
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
                if (v != null && current.test(v)) {
                    consumer.accept(v);
                }
            });
        }
    }

    /** The newest value published so far and still current (any thread), or null. */
    public T latest() {
        T v = latest.get();
        return v != null && current.test(v) ? v : null;
    }
}
