package lab.diffusion.app.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app's one executor for work that is not the engine's: reading and writing files, forward
 * paths and endpoint diagnostics, encoding exports. Work runs on a small pool of daemon threads
 * and results come back on the UI executor; {@link #sameThread()} runs both at once on the
 * caller's thread (view-model tests). Views get one of these and start no threads of their own.
 * Any thread.
 */
public final class Background implements AutoCloseable {

    private final Executor work;
    private final Executor ui;
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;

    private Background(Executor work, Executor ui, ExecutorService pool, ScheduledExecutorService timer) {
        this.work = work;
        this.ui = ui;
        this.pool = pool;
        this.timer = timer;
    }

    /** Two daemon worker threads (the machines have two cores), results on {@code ui}. */
    public static Background threads(Executor ui) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> daemon(r, "diffusion-lab-background-" + n.incrementAndGet()));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "diffusion-lab-timer"));
        return new Background(pool, ui, pool, timer);
    }

    /** Everything at once on the calling thread, delays included (for tests). */
    public static Background sameThread() {
        return new Background(Runnable::run, Runnable::run, null, null);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Runs {@code task} off the UI thread. */
    public void run(Runnable task) {
        work.execute(task);
    }

    /** Runs {@code task} on the UI thread. */
    public void toUi(Runnable task) {
        ui.execute(task);
    }

    /** Runs {@code task} on the UI thread after {@code millis} (at once in same-thread mode). */
    public void later(long millis, Runnable task) {
        if (timer == null) {
            ui.execute(task);
        } else {
            timer.schedule(() -> ui.execute(task), millis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Computes off the UI thread; the future completes on the UI thread with the value or the
     * exception the computation threw.
     */
    public <T> CompletableFuture<T> call(Callable<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        work.execute(() -> {
            try {
                T v = task.call();
                ui.execute(() -> f.complete(v));
            } catch (Exception e) {
                ui.execute(() -> f.completeExceptionally(e));
            }
        });
        return f;
    }

    /** An executor that runs its tasks one at a time, in order, off the UI thread (files that must not be written at once). */
    public Executor serial() {
        return new SerialExecutor(work);
    }

    /**
     * Runs {@code action} when the JVM is asked to end from outside (SIGTERM at logout or
     * shutdown, {@code kill}); the caller makes it a no-op once the window closed normally.
     */
    public static void onExternalExit(Runnable action) {
        Runtime.getRuntime().addShutdownHook(daemon(action, "diffusion-lab-exit"));
    }

    /** A fresh newest-wins task on this executor. */
    public LatestTask latest() {
        return new LatestTask(this, 0);
    }

    /** A fresh newest-wins task that waits {@code millis} for newer requests before it runs (debounce). */
    public LatestTask debounced(long millis) {
        return new LatestTask(this, millis);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
            timer.shutdownNow();
        }
    }
}
