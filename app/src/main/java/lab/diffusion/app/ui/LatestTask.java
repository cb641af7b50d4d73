package lab.diffusion.app.ui;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Newest request wins: each {@link #submit} supersedes the ones before it, a superseded request
 * that has not started is skipped, and only the newest result reaches the UI thread. With a delay
 * it also debounces (a request runs only if no newer one came within the delay), for work that
 * follows a slider or a drag. Submit from the UI thread.
 */
public final class LatestTask {

    private final Background background;
    private final long delayMillis;
    private final AtomicLong newest = new AtomicLong();

    LatestTask(Background background, long delayMillis) {
        this.background = background;
        this.delayMillis = delayMillis;
    }

    /** Computes off the UI thread and hands the result to {@code onUi} unless a newer request came meanwhile. */
    public <T> void submit(Supplier<T> compute, Consumer<T> onUi) {
        long id = newest.incrementAndGet();
        Runnable work = () -> {
            if (newest.get() != id) {
                return; // superseded before it started
            }
            T value = compute.get();
            background.toUi(() -> {
                if (newest.get() == id) {
                    onUi.accept(value);
                }
            });
        };
        if (delayMillis > 0) {
            background.later(delayMillis, () -> {
                if (newest.get() == id) {
                    background.run(work);
                }
            });
        } else {
            background.run(work);
        }
    }

    /** Runs {@code onUi} on the UI thread after the delay, unless another request came meanwhile (no computation). */
    public void submit(Runnable onUi) {
        submit(() -> Boolean.TRUE, v -> onUi.run());
    }

    /** Drops every request made so far (a result on its way is not shown). */
    public void cancel() {
        newest.incrementAndGet();
    }
}
