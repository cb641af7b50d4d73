package lab.diffusion.app.images;

import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import lab.diffusion.app.plots.ConditionPlot;
import lab.diffusion.engine.live.LiveResults.ConditionKind;

/**
 * The mouse on the inpainting view: pressing or dragging over the input image paints (or
 * erases) the mask, and the brush outline follows the pointer while inpainting. FX thread.
 */
final class MaskPainting {

    private final ImageMode mode;
    private final ConditionPlot plot;

    MaskPainting(ImageMode mode) {
        this.mode = mode;
        this.plot = mode.conditionPlot;
        plot.setOnMousePressed(e -> paint(e));
        plot.setOnMouseDragged(e -> {
            paint(e);
            brush(e.getX(), e.getY());
        });
        plot.setOnMouseMoved(e -> brush(e.getX(), e.getY()));
        plot.setOnMouseExited(e -> plot.setBrush(Double.NaN, 0, 0));
    }

    private boolean inpainting() {
        return mode.condition.kindProperty().get() == ConditionKind.INPAINT;
    }

    private void paint(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && inpainting()) {
            paintAt(e.getX(), e.getY());
        }
    }

    /** Paints (or erases) the mask under a screen point of the plot. */
    void paintAt(double sx, double sy) {
        double[] p = plot.imageAt(sx, sy);
        if (p != null) {
            mode.condition.paint(p[0], p[1]);
        }
    }

    private void brush(double x, double y) {
        boolean on = inpainting() && plot.imageAt(x, y) != null;
        plot.setBrush(on ? x : Double.NaN, y, mode.condition.brushProperty().get());
    }
}
