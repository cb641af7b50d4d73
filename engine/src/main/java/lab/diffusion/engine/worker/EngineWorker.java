package lab.diffusion.engine.worker;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lab.diffusion.engine.nn.Nd4jRuntime;

/**
 * The one thread that owns every ND4J call of an interactive session (ND4J state and
 * workspaces are per thread). Tasks run in submission order; callers get a future and never
 * wait on it from the UI thread.
 */
public final class EngineWorker implements AutoCloseable {

    public static final String THREAD_NAME = "diffusion-lab-engine";

    private final ExecutorService executor;
    private volatile Thread thread;

    public EngineWorker() {
        this(null, 0);
    }

    /**
     * A worker that starts work (loading ND4J's native code first) only when {@code gate}
     * completes or {@code maxWaitMillis} have passed, whichever is first. A window passes its
     * first frame, so start-up does not share the two cores with ND4J's loading; tasks submitted
     * meanwhile wait in order.
     */
    public EngineWorker(CompletableFuture<?> gate, long maxWaitMillis) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
            thread = t;
            return t;
        });
        if (gate != null) {
            executor.submit(() -> {
                try {
                    gate.get(maxWaitMillis, TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // waited long enough, or the gate failed: start anyway
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        executor.submit(Nd4jRuntime::configure);
    }

    /** Runs the task on the worker; the future completes (possibly exceptionally) when it is done. */
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (executor.isShutdown()) {
            f.completeExceptionally(new RejectedExecutionException("the engine has been closed"));
            return f;
        }
        try {
            executor.execute(() -> {
            if (f.isCancelled()) {
                return;
            }
            try {
                f.complete(task.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
            });
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(e); // closed meanwhile: the task is dropped, nothing else happens
        }
        return f;
    }

    /** Runs an action on the worker. */
    public CompletableFuture<Void> run(Runnable action) {
        return submit(() -> {
            action.run();
            return null;
        });
    }

    /** True on the worker thread itself. */
    public boolean isWorkerThread() {
        return Thread.currentThread() == thread;
    }

    /** Stops accepting work and waits briefly for the current task. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
