package lab.diffusion.app.binary;
import lab.diffusion.engine.process.BinaryPaths;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import lab.diffusion.app.engine.Views;
import lab.diffusion.app.plots.RasterPlot;
import lab.diffusion.engine.data.BinaryData;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.process.BinomialProcess;
import lab.diffusion.engine.schedule.Schedule;

/**
 * The explorer's binary mode (the paper's Figure 2): sequences × bins rasters of the forward
 * process, the reverse samples and the next reverse step's probabilities, at one t.
 */
public final class BinaryMode {

    public final BinaryDataModel data = new BinaryDataModel();
    public final RasterPlot forward = new RasterPlot("forward-raster", "Forward  q(x⁽ᵗ⁾)", false);
    public final RasterPlot reverse = new RasterPlot("reverse-raster", "Reverse  p(x⁽ᵗ⁾)", false);
    public final RasterPlot probability = new RasterPlot("probability-raster", "Next reverse step  f_b(x⁽ᵗ⁾, t)", true);

    private final AtomicLong forwardRequest = new AtomicLong();
    private Views.Reverse lastReverse;
    private int t;

    public BinaryMode() {
        setAlign(true);
    }

    /** The base rate of the shown rows (0.2 for the heartbeat), clamped into (0, 1). */
    public double baseRate() {
        double r = BinaryData.baseRate(data.rows());
        return Math.min(0.999, Math.max(0.001, r));
    }

    /** −K of a perfect model: log₂ 5 for the heartbeat, else the entropy of the shown rows, in bits. */
    public double optimumBits() {
        return data.untouchedHeartbeatProperty().get() ? -Math.log(5) / Math.log(2)
                : -BinaryData.empiricalEntropyBits(data.rows());
    }

    /** Recomputes the forward rasters off the UI thread (latest request wins). */
    public void recomputeForward(Schedule s, double pBar, long seed, Executor background, Runnable done) {
        PointSet rows = data.rows();
        long id = forwardRequest.incrementAndGet();
        background.execute(() -> {
            if (forwardRequest.get() != id) {
                return;
            }
            float[][] states = BinaryPaths.compute(rows, new BinomialProcess(s, pBar), seed);
            Platform.runLater(() -> {
                if (forwardRequest.get() == id) {
                    forward.setStates(states, rows.dim());
                    forward.setT(t);
                    done.run();
                }
            });
        });
    }

    public void setT(int t) {
        this.t = t;
        forward.setT(t);
        reverse.setT(t);
    }

    public void setAlign(boolean a) {
        forward.setAlign(a);
        reverse.setAlign(a);
        probability.setAlign(a);
    }

    public void onReverse(Views.Reverse r) {
        lastReverse = r;
        int bits = data.rows().dim();
        reverse.setStates(r.states(), bits);
        reverse.setT(t);
    }

    /** The reverse samples at t = 0 (row-major 0/1), or null. */
    public float[] reverseStates0() {
        return lastReverse == null ? null : lastReverse.states()[0];
    }

    public void onProbabilities(Views.Probabilities p) {
        if (lastReverse != null && p.t() < lastReverse.states().length) {
            probability.setValues(p.prob(), p.bits(), lastReverse.states()[0]);
        }
    }

    /** Updates the subtitles for step t of schedule s. */
    public void subtitles(int t, Schedule s) {
        int steps = s.steps();
        forward.setSubtitle(String.format("t = %d   signal left γₜ = %.3g   %d sequences", t, s.alphaBar(Math.min(t, steps)),
                forward.rowCount()));
        reverse.setSubtitle(lastReverse == null ? "sampling…" : String.format("t = %d   %d samples from noise at T = %d", t,
                reverse.rowCount(), steps));
        probability.setSubtitle(t == 0 ? "t = 0: the samples are finished"
                : String.format("step %d → %d: black = certain 1, white = certain 0", Math.max(1, t), Math.max(1, t) - 1));
    }
}
