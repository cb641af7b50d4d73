package lab.diffusion.engine.sample;

import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.schedule.Schedule;

/**
 * The learned reverse drift f_μ(x, t) − x and variance f_Σ(x, t) on an nx × ny grid of the
 * plane (2D models), for the step t → t−1. Grid point (i, j) is at index j·nx + i.
 *
 * @param postVar β̃ₜ (lower entropy bound; NaN at t = 1)
 * @param beta    βₜ (upper entropy bound)
 */
public record DriftField(int t, int nx, int ny, double xMin, double xMax, double yMin, double yMax,
                         float[] x, float[] y, float[] dx, float[] dy, float[] varX, float[] varY,
                         double postVar, double beta) {

    /** Computes the field; t in 1..T. */
    public static DriftField compute(ReverseModel model, int t, double xMin, double xMax, double yMin, double yMax,
                                     int nx, int ny) {
        if (model.dim() != 2) {
            throw new IllegalArgumentException("a drift field needs a 2D model");
        }
        if (nx < 2 || ny < 2 || (long) nx * ny > 1_000_000) {
            throw new IllegalArgumentException("grid must be between 2×2 and 1000×1000 points");
        }
        Schedule s = model.schedule();
        if (t < 1 || t > s.steps()) {
            throw new IllegalArgumentException("t must be in 1.." + s.steps() + ", got " + t);
        }
        int n = nx * ny;
        float[] pts = new float[2 * n];
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int j = 0; j < ny; j++) {
            double y = yMin + (yMax - yMin) * j / (ny - 1.0);
            for (int i = 0; i < nx; i++) {
                double x = xMin + (xMax - xMin) * i / (nx - 1.0);
                int k = j * nx + i;
                xs[k] = (float) x;
                ys[k] = (float) y;
                pts[2 * k] = (float) x;
                pts[2 * k + 1] = (float) y;
            }
        }
        float[] mean = new float[2 * n];
        float[] var = new float[2 * n];
        Nd4jRuntime.run(() -> model.reverse(pts, n, t, mean, var));
        float[] dx = new float[n];
        float[] dy = new float[n];
        float[] vx = new float[n];
        float[] vy = new float[n];
        for (int k = 0; k < n; k++) {
            dx[k] = mean[2 * k] - pts[2 * k];
            dy[k] = mean[2 * k + 1] - pts[2 * k + 1];
            vx[k] = var[2 * k];
            vy[k] = var[2 * k + 1];
        }
        double post = t >= 2 ? s.posteriorVariance(t) : Double.NaN;
        return new DriftField(t, nx, ny, xMin, xMax, yMin, yMax, xs, ys, dx, dy, vx, vy, post, s.beta(t));
    }
}
