package lab.diffusion.app.points;

import java.util.List;
import lab.diffusion.app.mode.ModeContext;
import lab.diffusion.app.plots.DriftPlot;
import lab.diffusion.app.plots.ForwardPlot;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.app.plots.ReversePlot;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.data.Standardizer;
import lab.diffusion.engine.live.LiveResults;
import lab.diffusion.engine.schedule.Schedule;

/**
 * The three plots of 2D points and the region of the plane they show: the Forward plot, the
 * reverse samples, and the drift field over the learned variance with the samples faintly under
 * it; their layers follow the Display settings. FX thread.
 */
final class PointsPlots {

    final ForwardPlot forward = new ForwardPlot();
    final ReversePlot reverse = new ReversePlot();
    final DriftPlot drift = new DriftPlot();

    private final PointsMode mode;
    private final ModeContext ctx;
    private double[] world = {-4, 4, -4, 4};
    private LiveResults.Reverse lastReverse;
    /** What the Reverse and Drift plots say while they have nothing of the model shown. */
    private String loading = "sampling…";

    PointsPlots(PointsMode mode, ModeContext ctx) {
        this.mode = mode;
        this.ctx = ctx;
        var d = ctx.display();
        d.colorByStartProperty().addListener((o, a, b) -> {
            forward.setColorByStart(b);
            reverse.setColorByStart(b);
        });
        d.arrowsProperty().addListener((o, a, b) -> drift.setShowArrows(b));
        d.heatProperty().addListener((o, a, b) -> drift.setShowHeat(b));
        d.idealProperty().addListener((o, a, b) -> drift.setShowIdeal(b));
        d.backdropProperty().addListener((o, a, b) -> updateBackdrop());
        d.gridProperty().addListener((o, a, b) -> requestDrift());
        // a taller or wider Drift plot shows more of the plane: the field is asked for over what it shows
        drift.widthProperty().addListener((o, a, b) -> requestDrift());
        drift.heightProperty().addListener((o, a, b) -> requestDrift());
    }

    List<PlotCanvas> all() {
        return List.of(forward, reverse, drift);
    }

    double[] world() {
        return world.clone();
    }

    /** Fits the shown region to the data: 3.3 standard scales around the mean, or wider to hold every point. */
    void refitWorld(PointSet pts, Standardizer st) {
        if (pts.size() == 0) {
            return;
        }
        double[] m = st.mean();
        double half = 3.3 * st.scale();
        for (int i = 0; i < pts.size(); i++) {
            half = Math.max(half, 1.08 * Math.abs(pts.get(i, 0) - m[0]));
            half = Math.max(half, 1.08 * Math.abs(pts.get(i, 1) - m[1]));
        }
        world = new double[] {m[0] - half, m[0] + half, m[1] - half, m[1] + half};
        for (PlotCanvas p : all()) {
            p.setWorld(world[0], world[1], world[2], world[3]);
        }
        requestDrift();
    }

    /** Asks the engine for the drift field at the timeline's t over the region the Drift plot shows. */
    void requestDrift() {
        if (ctx.isShown(mode)) {
            double[] w = drift.shownWorld();
            ctx.engine().requestDrift(ctx.t(), w[0], w[1], w[2], w[3], ctx.display().gridProperty().get());
        }
    }

    private void updateBackdrop() {
        int t = ctx.t();
        drift.setBackdrop(ctx.display().backdropProperty().get() && lastReverse != null && t < lastReverse.states().length
                ? lastReverse.states()[t] : null);
    }

    void setT(int t) {
        forward.setT(t);
        reverse.setT(t);
        updateBackdrop();
        requestDrift();
    }

    void updateSubtitles(int t, Schedule s) {
        forward.setSubtitle(String.format("t = %d   ᾱₜ = %.3g   %,d points", t, s.alphaBar(Math.min(t, s.steps())),
                forward.pointCount()));
        reverse.setSubtitle(lastReverse == null ? loading : String.format("t = %d   %,d samples from noise at T = %d",
                t, reverse.pointCount(), s.steps()));
        LiveResults.Drift d = drift.drift();
        drift.setSubtitle(d == null ? loading : t <= 1
                ? String.format("step 1 → 0: the fixed forward kernel   arrows ×%.2g", d.arrowScale())
                : String.format("step %d → %d   arrows ×%.2g", t, t - 1, d.arrowScale()));
    }

    void showLoading(String what) {
        loading = what;
        lastReverse = null;
        reverse.setStates(null);
        reverse.setNote("");
        reverse.setFollowPath(null);
        drift.setDrift(null);
        drift.setBackdrop(null);
    }

    void onReverse(LiveResults.Reverse r) {
        if (r.dim() != 2) {
            return;
        }
        lastReverse = r;
        loading = "sampling…";
        reverse.setStates(r.states());
        reverse.setNote(r.step() == 0 ? "Untrained: each reverse step is the forward kernel." : "");
        updateBackdrop();
    }

    /** The reverse samples x⁽⁰⁾ shown now (data units), or null. */
    PointSet samples() {
        return lastReverse == null ? null : PointSet.wrap(lastReverse.states()[0].clone(), 2);
    }
}
