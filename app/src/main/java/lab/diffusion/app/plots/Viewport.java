package lab.diffusion.app.plots;

/** Maps world coordinates to the pixels of a plot area (y up in the world, down on screen). Immutable; any thread. */
public final class Viewport {

    private final double x0;
    private final double y0;
    private final double w;
    private final double h;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private final boolean logY;

    Viewport(double x0, double y0, double w, double h, double xMin, double xMax, double yMin, double yMax, boolean logY) {
        this.x0 = x0;
        this.y0 = y0;
        this.w = w;
        this.h = h;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
        this.logY = logY;
    }

    public double sx(double x) {
        return x0 + (x - xMin) / (xMax - xMin) * w;
    }

    public double sy(double y) {
        if (logY) {
            double v = Math.log10(Math.max(y, 1e-300));
            return y0 + h - (v - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin)) * h;
        }
        return y0 + h - (y - yMin) / (yMax - yMin) * h;
    }

    public double wx(double sx) {
        return xMin + (sx - x0) / w * (xMax - xMin);
    }

    public double wy(double sy) {
        if (logY) {
            double f = (y0 + h - sy) / h;
            return Math.pow(10, Math.log10(yMin) + f * (Math.log10(yMax) - Math.log10(yMin)));
        }
        return yMin + (y0 + h - sy) / h * (yMax - yMin);
    }

    /** World units per pixel along x. */
    public double worldPerPixel() {
        return (xMax - xMin) / w;
    }

    public boolean contains(double sx, double sy) {
        return sx >= x0 && sx <= x0 + w && sy >= y0 && sy <= y0 + h;
    }

    public double left() {
        return x0;
    }

    public double top() {
        return y0;
    }

    public double width() {
        return w;
    }

    public double height() {
        return h;
    }

    public double xMin() {
        return xMin;
    }

    public double xMax() {
        return xMax;
    }

    public double yMin() {
        return yMin;
    }

    public double yMax() {
        return yMax;
    }
}
