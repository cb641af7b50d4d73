package lab.diffusion.app;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import lab.diffusion.app.explorer.Explorer;
import lab.diffusion.app.points.PointsMode;
import lab.diffusion.app.ui.Frames;

/**
 * With {@code -Ddlab.perf=true}, prints once per second what the window achieves: frames per
 * second, milliseconds per repaint, and training steps per second (for the README's figures).
 * FX thread.
 */
final class PerfLog extends AnimationTimer {

    private final Explorer ex;
    private long last;
    private boolean modelReported;

    private PerfLog(Explorer ex) {
        this.ex = ex;
    }

    /** With -Ddlab.perf=true prints how long after the JVM started a start-up stage was reached. */
    static void mark(String what) {
        if (Boolean.getBoolean("dlab.perf")) {
            System.out.printf("startup: %s %.2f s after the JVM started%n", what, sinceJvmStart());
        }
    }

    private static double sinceJvmStart() {
        return (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
    }

    static void startIfEnabled(Explorer ex) {
        if (Boolean.getBoolean("dlab.perf")) {
            new PerfLog(ex).start();
            Frames.after(1, () -> {
                System.out.printf("startup: first frame painted %.2f s after the JVM started (forward plot: %d points)%n",
                        sinceJvmStart(), ex.mode(PointsMode.class).forwardPlot.pointCount());
                System.out.flush();
            });
        }
    }

    @Override
    public void handle(long now) {
        if (!modelReported && ex.mode().shownSamples() != null) {
            modelReported = true;
            System.out.printf("startup: first reverse samples shown %.2f s after the JVM started%n", sinceJvmStart());
        }
        if (now - last < 1_000_000_000L) {
            return;
        }
        last = now;
        PointsMode points = ex.mode(PointsMode.class);
        System.out.printf("perf: fps %.1f  paint %.2f ms  training %.0f steps/s  step %d  points %d  samples %d  grid %d%n",
                ex.renderLoop.fpsProperty().get(), ex.renderLoop.paintMillisProperty().get(),
                ex.training.stepsPerSecondProperty().get(), ex.training.stepProperty().get(), points.forwardPlot.pointCount(),
                points.reversePlot.pointCount(), ex.display.gridProperty().get());
        System.out.flush();
    }
}
