package lab.diffusion.engine.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import lab.diffusion.engine.data.ImageData;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.data.Standardizer;
import lab.diffusion.engine.model.BinaryReverseModel;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.model.TrainableModel;
import lab.diffusion.engine.process.BinaryPaths;
import lab.diffusion.engine.process.BinomialProcess;
import lab.diffusion.engine.process.ForwardPaths;
import lab.diffusion.engine.sample.BinarySampler;
import lab.diffusion.engine.sample.DriftField;
import lab.diffusion.engine.sample.Sampler;
import lab.diffusion.engine.sample.Trajectory;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.session.Session;
import lab.diffusion.engine.session.Sessions;

/**
 * Pictures of a trained session for the command line: the paper's Figure 1 (forward, reverse
 * and drift at t = 0, T/2, T) and single frames of the forward or reverse process for GIFs.
 * Works for 2D points, binary sequences and images. Engine thread only (it samples the model).
 */
public final class SessionFigures {

    /** Which process a frame shows. */
    public enum Process {
        FORWARD, REVERSE
    }

    private final TrainableModel model;
    private final PointData data;
    private final Schedule schedule;
    private final float[][] forward;
    private final float[][] reverse;
    private final float[] hueForward;
    private final float[] hueReverse;
    private final double[] bounds;
    private final int kind; // 0 points, 1 binary, 2 images

    /**
     * The figures of a session with up to {@code n} points shown: images at most 16, binary
     * sequences at most 64 (and no more than the held-out set has).
     */
    public static SessionFigures of(Session s, int n, long seed) {
        int shown = s.data().isImages() ? Math.min(n, 16) : s.model().kind() == ModelSpec.Kind.BINOMIAL
                ? Math.min(n, Math.min(64, s.data().heldout().size())) : n;
        return new SessionFigures(Sessions.model(s), s.data(), shown, seed);
    }

    /** Prepares forward and reverse trajectories of {@code n} points (sequences, images) from the session's model. */
    public SessionFigures(TrainableModel model, PointData data, int n, long seed) {
        this.model = model;
        this.data = data;
        this.schedule = model.schedule();
        int steps = schedule.steps();
        if (data.isImages()) {
            kind = 2;
            int m = Math.min(n, data.train().size());
            Standardizer st = data.standardizer();
            PointSet x0 = data.train().head(m);
            // the forward chain in model units, shown in grey levels
            float[][] f = new float[steps + 1][];
            float[] x = x0.toArray();
            SplittableRandom r = new SplittableRandom(seed);
            f[0] = ImageData.toGrey(x, st);
            for (int t = 1; t <= steps; t++) {
                double a = Math.sqrt(1 - schedule.beta(t));
                double b = Math.sqrt(schedule.beta(t));
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) (a * x[i] + b * r.nextGaussian());
                }
                f[t] = ImageData.toGrey(x, st);
            }
            forward = f;
            Trajectory tr = Sampler.sample((ReverseModel) model, m, seed + 1, true);
            reverse = new float[steps + 1][];
            for (int t = 0; t <= steps; t++) {
                reverse[t] = ImageData.toGrey(tr.state(t), st);
            }
            hueForward = null;
            hueReverse = null;
            bounds = null;
        } else if (model instanceof BinaryReverseModel b) {
            kind = 1;
            PointSet rows = data.heldout().head(n);
            forward = BinaryPaths.compute(rows, new BinomialProcess(schedule, b.baseRate()), seed);
            Trajectory tr = BinarySampler.sample(b, n, seed + 1, true);
            reverse = new float[steps + 1][];
            for (int t = 0; t <= steps; t++) {
                reverse[t] = tr.state(t);
            }
            hueForward = null;
            hueReverse = null;
            bounds = null;
        } else {
            kind = 0;
            Standardizer st = data.standardizer();
            PointSet pts = st.invert(data.train().head(n));
            forward = ForwardPaths.compute(pts, st, schedule, seed);
            Trajectory tr = Sampler.sample((ReverseModel) model, n, seed + 1, true);
            reverse = new float[steps + 1][];
            for (int t = 0; t <= steps; t++) {
                reverse[t] = st.invert(PointSet.wrap(tr.state(t), 2)).toArray();
            }
            double[] m = st.mean();
            hueForward = hues(forward[0], m);
            hueReverse = hues(reverse[0], m);
            // bounds: the data's extent at t = 0 and the noise at T, with a margin
            double ext = 0;
            for (float[] s : new float[][] {forward[0], forward[steps]}) {
                for (int i = 0; i < s.length; i += 2) {
                    ext = Math.max(ext, Math.max(Math.abs(s[i] - m[0]), Math.abs(s[i + 1] - m[1])));
                }
            }
            ext = Math.max(ext * 1.05, 3 * st.scale());
            bounds = new double[] {m[0] - ext, m[0] + ext, m[1] - ext, m[1] + ext};
        }
    }

    private static float[] hues(float[] xy, double[] centre) {
        float[] h = new float[xy.length / 2];
        for (int i = 0; i < h.length; i++) {
            double a = Math.atan2(xy[2 * i + 1] - centre[1], xy[2 * i] - centre[0]);
            h[i] = (float) ((a + Math.PI) / (2 * Math.PI));
        }
        return h;
    }

    public int steps() {
        return schedule.steps();
    }

    /** One panel of the forward or reverse process at t, {@code size} pixels square (before {@code scale}). */
    public BufferedImage frame(Process p, int t, int size, double scale) {
        int w = (int) Math.round(size * scale);
        int h = (int) Math.round((size + 42) * scale);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Panels.graphics(img);
        panel(g, new Panels(scale), p, t, 0, 0, w, h);
        g.dispose();
        return img;
    }

    private void panel(Graphics2D g, Panels pn, Process p, int t, int x, int y, int w, int h) {
        boolean fwd = p == Process.FORWARD;
        float[] state = (fwd ? forward : reverse)[t];
        String head = fwd ? "Forward  q(x⁽ᵗ⁾)" : "Reverse  p(x⁽ᵗ⁾)";
        String sub = String.format("t = %d of %d   ᾱₜ = %.3g", t, steps(), schedule.alphaBar(Math.min(t, steps())));
        int[] a = pn.frame(g, x, y, w, h, head, sub);
        switch (kind) {
            case 0 -> pn.points(g, a, state, fwd ? hueForward : hueReverse, bounds);
            case 1 -> pn.raster(g, a, state, model.dim());
            default -> pn.images(g, a, state, data.images().width(), data.images().height());
        }
    }

    /**
     * The paper's Figure 1 for this session: rows forward, reverse and (2D) the drift with the
     * variance heat map; columns t = 0, T/2, T. Width in pixels before {@code scale}.
     */
    public BufferedImage figure(int width, double scale) {
        int rows = kind == 0 ? 3 : 2;
        int cell = width / 3;
        int ch = cell + 42;
        int w = (int) Math.round(width * scale);
        int h = (int) Math.round(rows * ch * scale);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Panels.graphics(img);
        Panels pn = new Panels(scale);
        int[] ts = {0, steps() / 2, steps()};
        int cw = (int) Math.round(cell * scale);
        int chs = (int) Math.round(ch * scale);
        for (int c = 0; c < 3; c++) {
            panel(g, pn, Process.FORWARD, ts[c], c * cw, 0, cw, chs);
            panel(g, pn, Process.REVERSE, ts[c], c * cw, chs, cw, chs);
            if (kind == 0) {
                int t = Math.max(1, ts[c]);
                DriftField f = DriftField.compute((ReverseModel) model, t, modelUnits(bounds[0], 0), modelUnits(bounds[1], 0),
                        modelUnits(bounds[2], 1), modelUnits(bounds[3], 1), 24, 24);
                DriftField shown = toDataUnits(f);
                int[] a = pn.frame(g, c * cw, 2 * chs, cw, chs, "Drift  f_μ(x,t) − x",
                        String.format("step %d → %d, heat: f_Σ from β̃ₜ to βₜ", t, t - 1));
                pn.drift(g, a, shown, arrowScale(shown));
            }
        }
        g.dispose();
        return img;
    }

    private double modelUnits(double v, int d) {
        return (v - data.standardizer().mean()[d]) / data.standardizer().scale();
    }

    private DriftField toDataUnits(DriftField f) {
        double s = data.standardizer().scale();
        double[] m = data.standardizer().mean();
        int n = f.nx() * f.ny();
        float[] x = new float[n];
        float[] y = new float[n];
        float[] dx = new float[n];
        float[] dy = new float[n];
        for (int k = 0; k < n; k++) {
            x[k] = (float) (f.x()[k] * s + m[0]);
            y[k] = (float) (f.y()[k] * s + m[1]);
            dx[k] = (float) (f.dx()[k] * s);
            dy[k] = (float) (f.dy()[k] * s);
        }
        return new DriftField(f.t(), f.nx(), f.ny(), bounds[0], bounds[1], bounds[2], bounds[3], x, y, dx, dy, f.varX(), f.varY(),
                f.postVar(), f.beta());
    }

    /** Longest arrows about one grid cell long. */
    private static double arrowScale(DriftField f) {
        double max = 1e-12;
        for (int k = 0; k < f.dx().length; k++) {
            max = Math.max(max, Math.hypot(f.dx()[k], f.dy()[k]));
        }
        return (f.xMax() - f.xMin()) / f.nx() / max;
    }
}
