package lab.diffusion.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import lab.diffusion.app.ui.Background;
import lab.diffusion.engine.io.GifWriter;

/**
 * An animated GIF (or a folder of PNG frames) of a plot through t: frames are rendered on the
 * FX thread a few per pulse, so the window stays live, and encoded on the background executor as
 * they arrive. Progress is a property; cancelling stops both and leaves no file behind.
 */
public final class GifExport {

    /** Renders the frame for one t (FX thread). */
    @FunctionalInterface
    public interface Renderer {
        BufferedImage render(int t);
    }

    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final BooleanProperty cancelled = new SimpleBooleanProperty();
    private final CompletableFuture<Double> done = new CompletableFuture<>();

    public DoubleProperty progressProperty() {
        return progress;
    }

    public void cancel() {
        cancelled.set(true);
    }

    /** Completes with the seconds it took, or exceptionally (GifWriter.Cancelled when cancelled). */
    public CompletableFuture<Double> result() {
        return done;
    }

    /** Writes frames as {@code file}-0001.png …; on a failure or a cancel the frames of this run are removed again. */
    private static void writeFrames(Path file, int n, GifWriter.Frames source, IntConsumer onFrame) throws IOException {
        String base = file.getFileName().toString().replaceFirst("\\.png$", "");
        List<Path> written = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                BufferedImage img = source.frame(i);
                Path f = file.resolveSibling(String.format("%s-%04d.png", base, i + 1));
                Exports.writePng(img, f);
                written.add(f);
                onFrame.accept(i);
            }
            written.clear();
        } finally {
            for (Path f : written) {
                Files.deleteIfExists(f);
            }
        }
    }

    /**
     * Starts rendering frames for the given t values and writing them to {@code file} (an
     * animated GIF) or, with {@code frames} true, to {@code file}-0001.png … in the same folder.
     */
    public GifExport start(int[] ts, Renderer renderer, Path file, int delayMillis, boolean frames, Background background) {
        long t0 = System.nanoTime();
        int n = ts.length;
        BlockingQueue<BufferedImage> queue = new ArrayBlockingQueue<>(4);
        int[] next = {0};
        AnimationTimer pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long start = System.nanoTime();
                // render while the frame budget lasts and the encoder keeps up
                while (next[0] < n && !cancelled.get() && System.nanoTime() - start < 12_000_000L && queue.remainingCapacity() > 0) {
                    queue.add(renderer.render(ts[next[0]]));
                    next[0]++;
                }
                if (next[0] >= n || cancelled.get()) {
                    stop();
                }
            }
        };
        pump.start();
        background.run(() -> {
            try {
                GifWriter.Frames source = i -> {
                    BufferedImage img = null;
                    while (img == null) {
                        if (cancelled.get()) {
                            throw new GifWriter.Cancelled();
                        }
                        try {
                            img = queue.poll(100, TimeUnit.MILLISECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new GifWriter.Cancelled();
                        }
                    }
                    return img;
                };
                IntConsumer onFrame = i -> background.toUi(() -> progress.set((i + 1.0) / n));
                if (frames) {
                    writeFrames(file, n, source, onFrame);
                } else {
                    GifWriter.write(file, n, source, delayMillis, onFrame, cancelled::get);
                }
                done.complete((System.nanoTime() - t0) / 1e9);
            } catch (Exception e) {
                done.completeExceptionally(e);
            } finally {
                background.toUi(pump::stop);
            }
        });
        return this;
    }
}
