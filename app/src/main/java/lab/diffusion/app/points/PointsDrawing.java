package lab.diffusion.app.points;

import javafx.scene.input.MouseButton;
import lab.diffusion.app.mode.ModeContext;
import lab.diffusion.app.plots.ForwardPlot;
import lab.diffusion.app.plots.Viewport;

/**
 * The mouse on the Forward plot of 2D points: the spray, point and eraser tools edit the data
 * (at t = 0, one undo step per stroke); the Follow tool picks the point under the pointer and
 * follows it. Also draws the brush outline. FX thread.
 */
public final class PointsDrawing {

    private final PointsMode mode;
    private final ModeContext ctx;
    private final DataModel data;
    private final ForwardPlot plot;

    PointsDrawing(PointsMode mode, ModeContext ctx) {
        this.mode = mode;
        this.ctx = ctx;
        this.data = mode.data;
        this.plot = mode.forwardPlot;
        plot.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            if (drawing()) {
                start(e.getX(), e.getY());
            } else if (e.getClickCount() == 1) {
                followAt(e.getX(), e.getY());
            }
        });
        plot.setOnMouseDragged(e -> {
            if (drawing()) {
                drag(e.getX(), e.getY());
            }
            brush(e.getX(), e.getY());
        });
        plot.setOnMouseReleased(e -> {
            if (drawing()) {
                end();
            }
        });
        plot.setOnMouseMoved(e -> brush(e.getX(), e.getY()));
        plot.setOnMouseExited(e -> plot.setBrush(Double.NaN, 0, 0));
    }

    private boolean drawing() {
        return data.toolProperty().get() != Tool.FOLLOW;
    }

    /** Starts a stroke at a screen position of the Forward plot (drawing edits the data, which is t = 0). */
    public void start(double sx, double sy) {
        if (ctx.t() != 0) {
            ctx.setT(0);
        }
        data.beginStroke();
        drawAt(sx, sy, true);
    }

    public void drag(double sx, double sy) {
        drawAt(sx, sy, false);
    }

    public void end() {
        data.endStroke();
    }

    private void drawAt(double sx, double sy, boolean first) {
        Viewport v = plot.viewport();
        if (v == null || !v.contains(sx, sy)) {
            return;
        }
        double x = v.wx(sx);
        double y = v.wy(sy);
        double radius = data.brushPixelsProperty().get() * v.worldPerPixel();
        String full = "The drawing holds at most " + String.format("%,d", DataModel.MAX_POINTS) + " points.";
        switch (data.toolProperty().get()) {
            case SPRAY -> {
                if (data.spray(x, y, radius, data.densityProperty().get()) == 0 && data.points().size() >= DataModel.MAX_POINTS) {
                    ctx.report(full);
                }
            }
            case POINT -> {
                if (first && !data.addPoint(x, y)) {
                    ctx.report(full);
                }
            }
            case ERASE -> data.erase(x, y, radius);
            case FOLLOW -> {
            }
        }
    }

    /** Follows the shown point nearest to a screen position (within 12 pixels), or stops following. */
    public void followAt(double sx, double sy) {
        float[] pos = plot.currentPositions();
        Viewport v = plot.viewport();
        if (pos == null || v == null) {
            return;
        }
        int best = -1;
        double bestD = 12 * 12;
        for (int i = 0; i < pos.length / 2; i++) {
            double dx = v.sx(pos[2 * i]) - sx;
            double dy = v.sy(pos[2 * i + 1]) - sy;
            double d = dx * dx + dy * dy;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        mode.follow(best);
    }

    private void brush(double x, double y) {
        Tool t = data.toolProperty().get();
        if (t == Tool.SPRAY || t == Tool.ERASE) {
            plot.setBrush(x, y, data.brushPixelsProperty().get());
        } else {
            plot.setBrush(Double.NaN, 0, 0);
        }
    }
}
