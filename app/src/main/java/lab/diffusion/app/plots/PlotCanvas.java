package lab.diffusion.app.plots;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.text.TextAlignment;

/**
 * A plot drawn on a canvas that fills this region: a title, a plot area with world
 * coordinates, axes with tick labels, and content from {@link #paintContent}. Repaints happen
 * through a {@link RenderLoop} when {@link #invalidate()} has been called. FX thread.
 */
public abstract class PlotCanvas extends Region {

    protected final Canvas canvas = new Canvas();
    protected PlotTheme theme = PlotTheme.light();
    protected final PixelLayer pixels = new PixelLayer();
    private boolean dirty = true;
    private boolean equalAspect;
    private boolean logY;
    private boolean axes = true;
    private double xMin = -1;
    private double xMax = 1;
    private double yMin = -1;
    private double yMax = 1;
    private String title = "";
    private String subtitle = "";
    private String xLabel = "";
    private String yLabel = "";
    private Viewport viewport;
    private double padLeft = 46;
    private double padBottom = 34;
    private double padTop = 40;
    private double padRight = 14;
    private double logicalHeight;

    protected PlotCanvas() {
        getChildren().add(canvas);
        getStyleClass().add("plot");
        setMinSize(120, 120);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            invalidate();
        }
        canvas.relocate(0, 0);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 420;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 420;
    }

    /** Colours and fonts of this plot (themes, lecture mode). */
    public final void setTheme(PlotTheme t) {
        theme = t;
        invalidate();
    }

    public final PlotTheme theme() {
        return theme;
    }

    /** Marks the plot for repainting at the next frame. */
    public final void invalidate() {
        dirty = true;
    }

    final boolean isDirty() {
        return dirty;
    }

    /** The viewport of the last paint (null before the first). */
    public final Viewport viewport() {
        return viewport;
    }

    public final void setWorld(double xMin, double xMax, double yMin, double yMax) {
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
        invalidate();
    }

    public final void setEqualAspect(boolean b) {
        equalAspect = b;
        invalidate();
    }

    /** Without axes the plot area has no grid, ticks or frame (image plots). */
    public final void setAxesVisible(boolean b) {
        axes = b;
        invalidate();
    }

    public final void setLogY(boolean b) {
        logY = b;
        invalidate();
    }

    public final void setTitle(String t) {
        title = t;
        invalidate();
    }

    public final String title() {
        return title;
    }

    public final void setSubtitle(String s) {
        if (!s.equals(subtitle)) {
            subtitle = s;
            invalidate();
        }
    }

    public final String subtitle() {
        return subtitle;
    }

    public final void setAxisLabels(String x, String y) {
        xLabel = x;
        yLabel = y;
        invalidate();
    }

    public final void setPadding(double left, double top, double right, double bottom) {
        padLeft = left;
        padTop = top;
        padRight = right;
        padBottom = bottom;
        invalidate();
    }

    /** Paints now (called by the render loop on the FX thread). */
    public final void paint() {
        dirty = false;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 10 || h < 10) {
            return;
        }
        paintOn(canvas.getGraphicsContext2D(), w, h);
    }

    /**
     * Renders the plot as it is now into an image {@code scale} times the size on screen, with
     * text and lines drawn at that resolution (for exports: 2 for slides). FX thread.
     */
    public final WritableImage render(double scale) {
        double w = Math.max(10, canvas.getWidth());
        double h = Math.max(10, canvas.getHeight());
        return render(w, h, scale);
    }

    /** As {@link #render(double)} at a given logical size (e.g. 600×600 for a GIF frame). */
    public final WritableImage render(double w, double h, double scale) {
        Canvas off = new Canvas(Math.round(w * scale), Math.round(h * scale));
        GraphicsContext g = off.getGraphicsContext2D();
        g.scale(scale, scale);
        double keep = exportScale;
        exportScale = scale;
        Viewport shown = viewport;
        try {
            paintOn(g, w, h);
        } finally {
            exportScale = keep;
            viewport = shown;
            invalidate(); // what the export drew over (hit-test layout, pixel layers) is redone on screen
        }
        SnapshotParameters sp = new SnapshotParameters();
        sp.setFill(theme.background);
        return off.snapshot(sp, null);
    }

    private double exportScale;

    private void paintOn(GraphicsContext g, double w, double h) {
        logicalHeight = h;
        g.setFill(theme.background);
        g.fillRect(0, 0, w, h);
        viewport = layout(w, h);
        double ax = viewport.left();
        double ay = viewport.top();
        double aw = viewport.width();
        double ah = viewport.height();
        if (axes) {
            g.setFill(theme.plotArea);
            g.fillRect(ax, ay, aw, ah);
            paintGrid(g, viewport);
        }
        g.save();
        g.beginPath();
        g.rect(ax, ay, aw, ah);
        g.clip();
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
        paintContent(g, viewport);
        g.restore();
        if (axes) {
            g.setStroke(theme.frame);
            g.setLineWidth(theme.lineWidth);
            g.strokeRect(ax + 0.5, ay + 0.5, aw - 1, ah - 1);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
        paintOverlay(g, viewport);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(theme.text);
        g.setFont(theme.titleFont);
        g.fillText(title, 8, 6);
        if (!subtitle.isEmpty()) {
            // a long subtitle in a narrow plot (lecture type at 1280×720) gets a smaller size, then an ellipsis
            TextFit.Fitted line = TextFit.fit(subtitle, theme.labelFont, w - 14);
            g.setFont(line.font());
            g.setFill(theme.mutedText);
            g.fillText(line.text(), 8, 6 + theme.titleFont.getSize() * 1.3);
        }
    }

    /**
     * The plot area of a w × h canvas. With equal aspect the area still fills the canvas and the
     * shown region grows along the longer side around the centre of the world set, so the set is
     * shown whole at one scale and a tall or wide plot shows more of the plane instead of margins.
     */
    private Viewport layout(double w, double h) {
        // margins grow with the type (lecture mode's large fonts), so titles and tick labels keep clear of the plot
        double k = Math.max(1, theme.titleFont.getSize() / 13.0);
        double aw = Math.max(10, w - (padLeft + padRight) * k);
        double ah = Math.max(10, h - (padTop + padBottom) * k);
        double x0 = xMin;
        double x1 = xMax;
        double y0 = yMin;
        double y1 = yMax;
        if (equalAspect && x1 > x0 && y1 > y0) {
            double perPixel = Math.max((x1 - x0) / aw, (y1 - y0) / ah);
            double cx = (x0 + x1) / 2;
            double cy = (y0 + y1) / 2;
            x0 = cx - perPixel * aw / 2;
            x1 = cx + perPixel * aw / 2;
            y0 = cy - perPixel * ah / 2;
            y1 = cy + perPixel * ah / 2;
        }
        return new Viewport(padLeft * k, padTop * k, aw, ah, x0, x1, y0, y1, logY);
    }

    /**
     * The region of the world shown at the plot's present size, {xMin, xMax, yMin, yMax}: the world
     * set, widened along one side when the plot keeps an equal aspect.
     */
    public final double[] shownWorld() {
        Viewport v = layout(Math.max(10, getWidth()), Math.max(10, getHeight()));
        return new double[] {v.xMin(), v.xMax(), v.yMin(), v.yMax()};
    }

    private void paintGrid(GraphicsContext g, Viewport v) {
        g.setFont(theme.smallFont);
        g.setLineWidth(1);
        int xt = Math.max(2, (int) (v.width() / 70));
        int yt = Math.max(2, (int) (v.height() / 45));
        List<Double> xs = Axis.linearTicks(v.xMin(), v.xMax(), xt);
        List<Double> ys = logY ? Axis.logTicks(v.yMin(), v.yMax(), yt) : Axis.linearTicks(v.yMin(), v.yMax(), yt);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double x : xs) {
            double sx = Math.round(v.sx(x)) + 0.5;
            g.setStroke(theme.grid);
            g.strokeLine(sx, v.top(), sx, v.top() + v.height());
            g.setFill(theme.mutedText);
            g.fillText(Axis.label(x, false), sx, v.top() + v.height() + 3);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double y : ys) {
            double sy = Math.round(v.sy(y)) + 0.5;
            g.setStroke(theme.grid);
            g.strokeLine(v.left(), sy, v.left() + v.width(), sy);
            g.setFill(theme.mutedText);
            g.fillText(Axis.label(y, logY), v.left() - 4, sy);
        }
        g.setFill(theme.mutedText);
        if (!xLabel.isEmpty()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(xLabel, v.left() + v.width() / 2, logicalHeight - 2);
        }
        if (!yLabel.isEmpty()) {
            g.save();
            g.translate(11, v.top() + v.height() / 2);
            g.rotate(-90);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(yLabel, 0, 0);
            g.restore();
        }
    }

    /** The window's output scale (2 on a high-DPI screen), for pixel layers. */
    protected final double outputScale() {
        if (exportScale > 0) {
            return exportScale;
        }
        return getScene() == null || getScene().getWindow() == null ? 1 : getScene().getWindow().getOutputScaleX();
    }

    /** Draws the data inside the (clipped) plot area. */
    protected abstract void paintContent(GraphicsContext g, Viewport v);

    /** Draws on top of everything, unclipped (legends). */
    protected void paintOverlay(GraphicsContext g, Viewport v) {
    }
}
