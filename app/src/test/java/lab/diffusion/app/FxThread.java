package lab.diffusion.app;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Runs test code on the FX thread without a window: starts the toolkit once (headless Monocle,
 * as set in the surefire configuration) and waits for each call.
 */
public final class FxThread {

    private static boolean started;

    private FxThread() {
    }

    private static synchronized void start() throws InterruptedException {
        if (started) {
            return;
        }
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        up.await(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        started = true;
    }

    /** Calls {@code c} on the FX thread and returns its value (its exception is thrown here). */
    public static <T> T call(Callable<T> c) {
        try {
            start();
            CompletableFuture<T> f = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    f.complete(c.call());
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            });
            return f.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code r} on the FX thread and waits for it. */
    public static void run(Runnable r) {
        call(() -> {
            r.run();
            return null;
        });
    }

    /** Waits until everything queued on the FX thread so far has run. */
    public static void drain() {
        run(() -> { });
    }
}
