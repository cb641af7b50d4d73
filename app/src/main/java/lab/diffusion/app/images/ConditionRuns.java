package lab.diffusion.app.images;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lab.diffusion.app.mode.ModeContext;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.live.ConditionRequest;
import lab.diffusion.engine.live.LiveResults;
import lab.diffusion.engine.live.LiveResults.ConditionKind;

/**
 * Inpainting and denoising runs of the image mode: the image worked on (a held-out image or a
 * file), the request handed to the engine, and its posterior samples shown on the inpainting
 * view, newest run first. FX thread.
 */
public final class ConditionRuns {

    private final ImageMode mode;
    private final ModeContext ctx;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private long runId;
    private long shownRun = -1;
    private boolean running;

    ConditionRuns(ImageMode mode, ModeContext ctx) {
        this.mode = mode;
        this.ctx = ctx;
    }

    /** What the last inpainting or denoising run did, for the sidebar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Chooses held-out image i as the target. */
    public void pickHeldout(int i) {
        ImageDataModel data = mode.data;
        float[] img = data.heldout(i);
        if (img == null) {
            return;
        }
        int k = Math.floorMod(i, data.heldoutCount());
        mode.condition.heldoutIndexProperty().set(k);
        mode.condition.setTarget(img, data.width(), data.height(), "held-out image " + (k + 1));
        mode.conditionPlot.setSamples(null, 0);
    }

    /** Shows the target (and the hole, when inpainting) on the inpainting view. */
    void showInput() {
        ConditionModel c = mode.condition;
        float[] target = c.targetProperty().get();
        if (target == null) {
            mode.conditionPlot.setInput(null, null, c.width(), c.height(), "");
        } else if (c.kindProperty().get() == ConditionKind.INPAINT) {
            mode.conditionPlot.setInput(target, c.maskProperty().get(), c.width(), c.height(),
                    c.targetNameProperty().get() + " (red: the hole)");
        } else {
            mode.conditionPlot.setInput(target, null, c.width(), c.height(), c.targetNameProperty().get());
        }
    }

    /** Starts inpainting or denoising the chosen image with the engine's current model (the message says why not). */
    public void run() {
        String p = mode.condition.problem();
        PointData d = mode.data.data();
        if (p.isEmpty() && (d == null || mode.condition.width() * mode.condition.height() != d.dim())) {
            p = "The images are still loading.";
        }
        if (!p.isEmpty()) {
            ctx.report(p);
            return;
        }
        ConditionModel.RunSpec r = mode.condition.request();
        runId++;
        running = true;
        status.set((r.kind() == ConditionKind.INPAINT ? "Inpainting" : "Denoising") + " with " + r.samples() + " samples…");
        ctx.engine().requestCondition(new ConditionRequest(runId, r.kind(), r.grey(), r.hole(), r.snr(), r.samples(), r.seed()));
    }

    public boolean isRunning() {
        return running;
    }

    void onConditioned(LiveResults.Conditioned c) {
        if (c.id() < shownRun) {
            return;
        }
        shownRun = c.id();
        running = c.id() < runId;
        if (c.kind() == ConditionKind.DENOISE) {
            mode.conditionPlot.setInput(c.observed(), null, mode.condition.width(), mode.condition.height(),
                    String.format("noisy input, SNR %.3g", mode.condition.snrProperty().get()));
        }
        mode.conditionPlot.setSamples(c.states(), c.n());
        status.set(String.format("%s: %d samples through T = %d steps in %.2f s (model at step %,d). Scrub t to watch.",
                c.kind() == ConditionKind.INPAINT ? "Inpainted" : "Denoised", c.n(), c.states().length - 1, c.seconds(), c.step()));
    }

    /** Forgets the runs of the model shown before (their results are no longer shown). */
    void forget() {
        mode.conditionPlot.setSamples(null, 0);
        status.set("");
        running = false;
        shownRun = runId;
    }
}
