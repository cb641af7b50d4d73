package lab.diffusion.app.images;

import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lab.diffusion.app.engine.EngineService;
import lab.diffusion.app.engine.Views;
import lab.diffusion.app.plots.ConditionPlot;
import lab.diffusion.app.plots.ImageGridPlot;
import lab.diffusion.engine.data.ImageData;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.schedule.Schedule;

/**
 * The explorer's image mode: a grid of training images pushed through the forward process, a
 * grid of reverse samples, and inpainting / denoising of one image with several posterior
 * samples, all at the timeline's t.
 */
public final class ImageMode {

    /** Training images shown in the Forward grid. */
    public static final int FORWARD_IMAGES = 16;
    /** Reverse samples shown in image mode. */
    public static final int REVERSE_IMAGES = 16;

    public final ImageDataModel data = new ImageDataModel();
    public final ConditionModel condition = new ConditionModel();
    public final ImageGridPlot forward = new ImageGridPlot("forward-images", "Forward  q(x⁽ᵗ⁾)");
    public final ImageGridPlot reverse = new ImageGridPlot("reverse-images", "Reverse  p(x⁽ᵗ⁾)");
    public final ConditionPlot conditionPlot = new ConditionPlot();

    private final AtomicLong forwardRequest = new AtomicLong();
    private final ReadOnlyStringWrapper runStatus = new ReadOnlyStringWrapper("");
    private long runId;
    private long shownRun = -1;
    private boolean running;
    private int t;

    public ImageMode() {
        forward.setEmptyText("loading images…");
        reverse.setEmptyText("sampling…");
        conditionPlot.setEmptyText("press Inpaint");
        condition.targetProperty().addListener((o, a, b) -> showInput());
        condition.maskProperty().addListener((o, a, b) -> showInput());
        condition.kindProperty().addListener((o, a, b) -> {
            showInput();
            conditionPlot.setSamples(null, 0);
            conditionPlot.setEmptyText(b == Views.ConditionKind.INPAINT ? "press Inpaint" : "press Denoise");
        });
        data.dataProperty().addListener((o, a, b) -> {
            if (b != null) {
                pickHeldout(condition.heldoutIndexProperty().get());
            }
        });
    }

    /** What the last inpainting or denoising run did, for the sidebar. */
    public ReadOnlyStringProperty runStatusProperty() {
        return runStatus.getReadOnlyProperty();
    }

    /** Chooses held-out image i as the target. */
    public void pickHeldout(int i) {
        float[] img = data.heldout(i);
        if (img == null) {
            return;
        }
        int k = Math.floorMod(i, data.heldoutCount());
        condition.heldoutIndexProperty().set(k);
        condition.setTarget(img, data.width(), data.height(), "held-out image " + (k + 1));
        conditionPlot.setSamples(null, 0);
    }

    private void showInput() {
        float[] target = condition.targetProperty().get();
        if (target == null) {
            conditionPlot.setInput(null, null, condition.width(), condition.height(), "");
            return;
        }
        boolean inpaint = condition.kindProperty().get() == Views.ConditionKind.INPAINT;
        if (inpaint) {
            conditionPlot.setInput(target, condition.maskProperty().get(), condition.width(), condition.height(),
                    condition.targetNameProperty().get() + " (red: the hole)");
        } else {
            conditionPlot.setInput(target, null, condition.width(), condition.height(), condition.targetNameProperty().get());
        }
    }

    /**
     * Starts an inpainting or denoising run with the engine's current model; returns why it
     * cannot start, or an empty string.
     */
    public String run(EngineService engine) {
        String p = condition.problem();
        if (!p.isEmpty()) {
            return p;
        }
        PointData d = data.data();
        if (d == null || condition.width() * condition.height() != d.dim()) {
            return "The images are still loading.";
        }
        ConditionModel.RunSpec r = condition.request();
        runId++;
        running = true;
        runStatus.set((r.kind() == Views.ConditionKind.INPAINT ? "Inpainting" : "Denoising") + " with " + r.samples() + " samples…");
        engine.requestCondition(new EngineService.ConditionRequest(runId, r.kind(), r.grey(), r.hole(), r.snr(), r.samples(), r.seed()));
        return "";
    }

    public boolean isRunning() {
        return running;
    }

    public void onConditioned(Views.Conditioned c) {
        if (c.id() < shownRun) {
            return;
        }
        shownRun = c.id();
        running = c.id() < runId;
        if (c.kind() == Views.ConditionKind.DENOISE) {
            conditionPlot.setInput(c.observed(), null, condition.width(), condition.height(),
                    String.format("noisy input, SNR %.3g", condition.snrProperty().get()));
        }
        conditionPlot.setSamples(c.states(), c.n());
        runStatus.set(String.format("%s: %d samples through T = %d steps in %.2f s (model at step %,d). Scrub t to watch.",
                c.kind() == Views.ConditionKind.INPAINT ? "Inpainted" : "Denoised", c.n(), c.states().length - 1, c.seconds(), c.step()));
    }

    /** Recomputes the Forward grid off the UI thread: a forward chain of the first training images. */
    public void recomputeForward(Schedule s, long seed, Executor background, Runnable done) {
        PointData d = data.data();
        if (d == null) {
            return;
        }
        long id = forwardRequest.incrementAndGet();
        background.execute(() -> {
            if (forwardRequest.get() != id) {
                return;
            }
            float[][] states = chain(d, s, seed);
            Platform.runLater(() -> {
                if (forwardRequest.get() == id) {
                    forward.setStates(states, d.images().width(), d.images().height());
                    forward.setT(t);
                    done.run();
                }
            });
        });
    }

    /** x⁽ᵗ⁾ = √(1−βₜ)·x⁽ᵗ⁻¹⁾ + √βₜ·ε for the first images, in grey levels, t = 0..T. */
    static float[][] chain(PointData d, Schedule s, long seed) {
        int px = d.dim();
        int n = Math.min(FORWARD_IMAGES, d.train().size());
        float[] x = new float[n * px];
        d.train().copyRows(0, n, x, 0);
        float[][] states = new float[s.steps() + 1][];
        states[0] = ImageData.toGrey(x, d.standardizer());
        SplittableRandom rng = new SplittableRandom(seed);
        for (int t = 1; t <= s.steps(); t++) {
            double a = Math.sqrt(1 - s.beta(t));
            double b = Math.sqrt(s.beta(t));
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (a * x[i] + b * rng.nextGaussian());
            }
            states[t] = ImageData.toGrey(x, d.standardizer());
        }
        return states;
    }

    public void setT(int t) {
        this.t = t;
        forward.setT(t);
        reverse.setT(t);
        conditionPlot.setT(t);
    }

    /** The reverse samples at t = 0 (grey levels, n × pixels), or null. */
    public float[] reverseStates0() {
        return lastReverse == null ? null : lastReverse.states()[0];
    }

    private Views.Reverse lastReverse;

    public void onReverse(Views.Reverse r) {
        lastReverse = r;
        reverse.setStates(r.states(), data.width(), data.height());
        reverse.setT(t);
    }

    /** Forgets results that belong to another model or data set. */
    public void clearResults() {
        lastReverse = null;
        reverse.setStates(null, data.width(), data.height());
        conditionPlot.setSamples(null, 0);
        runStatus.set("");
        running = false;
        shownRun = runId;
    }

    public void subtitles(int t, Schedule s) {
        int steps = s.steps();
        forward.setSubtitle(String.format("t = %d   ᾱₜ = %.3g   %d training images", t, s.alphaBar(Math.min(t, steps)),
                forward.imageCount()));
        reverse.setSubtitle(reverse.imageCount() == 0 ? "sampling…"
                : String.format("t = %d   %d samples from noise at T = %d", t, reverse.imageCount(), steps));
        conditionPlot.setSubtitle(conditionPlot.hasSamples() ? String.format("t = %d of %d: the posterior trajectory", t, steps)
                : condition.kindProperty().get() == Views.ConditionKind.INPAINT
                        ? "paint the hole on the input (drag), then Inpaint" : "set the SNR, then Denoise");
    }
}
