package lab.diffusion.app.plots;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Repaints dirty canvases once per display frame and measures frames per second and the time
 * a repaint of the registered plots takes. With {@link #continuousProperty()} every plot is
 * repainted every frame (a frame-rate test). FX thread.
 */
public final class RenderLoop extends AnimationTimer {

    private final List<PlotCanvas> plots = new ArrayList<>();
    private final List<PlotCanvas> main = new ArrayList<>();
    private final ReadOnlyDoubleWrapper fps = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper paintMillis = new ReadOnlyDoubleWrapper();
    private final BooleanProperty continuous = new SimpleBooleanProperty();
    private long windowStart;
    private int frames;
    private long paintNanos;
    private int paints;

    /** Repaints p whenever it is marked dirty. */
    public void register(PlotCanvas p) {
        plots.add(p);
    }

    /** Every plot this loop paints (for theme changes). */
    public List<PlotCanvas> plots() {
        return List.copyOf(plots);
    }

    /** Stops repainting p (a closed window's plot). */
    public void unregister(PlotCanvas p) {
        plots.remove(p);
        main.remove(p);
    }

    /** Like {@link #register} and also repainted on every frame in continuous (frame-rate test) mode. */
    public void registerMain(PlotCanvas p) {
        plots.add(p);
        main.add(p);
    }

    /** Frames painted per second over the last second (frames where something was repainted). */
    public ReadOnlyDoubleProperty fpsProperty() {
        return fps.getReadOnlyProperty();
    }

    /** Average milliseconds per frame spent repainting. */
    public ReadOnlyDoubleProperty paintMillisProperty() {
        return paintMillis.getReadOnlyProperty();
    }

    public BooleanProperty continuousProperty() {
        return continuous;
    }

    @Override
    public void handle(long now) {
        if (windowStart == 0) {
            windowStart = now;
        }
        boolean all = continuous.get();
        long t0 = System.nanoTime();
        boolean painted = false;
        for (PlotCanvas p : plots) {
            if (p.isDirty() || (all && main.contains(p))) {
                p.paint();
                painted = true;
            }
        }
        if (painted) {
            frames++;
            paints++;
            paintNanos += System.nanoTime() - t0;
        }
        if (now - windowStart >= 1_000_000_000L) {
            double secs = (now - windowStart) / 1e9;
            fps.set(frames / secs);
            paintMillis.set(paints == 0 ? 0 : paintNanos / 1e6 / paints);
            frames = 0;
            paints = 0;
            paintNanos = 0;
            windowStart = now;
        }
    }
}
