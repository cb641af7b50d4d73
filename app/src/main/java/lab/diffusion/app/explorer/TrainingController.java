package lab.diffusion.app.explorer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import lab.diffusion.app.export.Exports;
import lab.diffusion.app.mode.ExplorerMode;
import lab.diffusion.app.plots.KChart;
import lab.diffusion.app.plots.KlBars;
import lab.diffusion.app.plots.VarianceBounds;
import lab.diffusion.app.runs.RunHistory;
import lab.diffusion.app.training.TrainingModel;
import lab.diffusion.app.ui.Confirmer;
import lab.diffusion.engine.data.ImageFiles;
import lab.diffusion.engine.live.LiveEngine;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.nn.Optimizer;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.session.RunRecord;
import lab.diffusion.engine.train.TrainingSnapshot;
import lab.diffusion.engine.train.TrainingStatus;

/**
 * Training commands and what training reports: Train, Pause, Step, Reset, model and optimizer
 * changes (asking before trained steps are discarded), the learning rate and batch size that
 * apply at once, the importance-sampled log p, and the snapshots that feed the telemetry.
 * A replaced model is kept in the run history. FX thread.
 */
public final class TrainingController {

    /** Samples per example of the importance-sampled log p. */
    public static final int IS_SAMPLES = 100;

    /** What the controller needs of the explorer. */
    interface Host {
        ExplorerMode mode();

        /** Sets the model up again for the current data; with {@code keepWeights} it keeps training the same model. */
        void setUp(boolean keepWeights);

        /** One line: data, model, schedule and optimizer of the current run. */
        String describeRun();

        /** The schedule in use. */
        Schedule schedule();
    }

    public final TrainingModel model = new TrainingModel();
    public final KChart kChart = new KChart();
    public final KlBars klBars = new KlBars();
    public final VarianceBounds varianceBounds = new VarianceBounds();
    public final RunHistory runs = new RunHistory();

    private final LiveEngine engine;
    private final Messages messages;
    private final Host host;
    private final BooleanProperty canTrain = new SimpleBooleanProperty();
    private Confirmer confirmer;
    /** Train was pressed while the data were loading. */
    private boolean trainWhenLoaded;

    TrainingController(LiveEngine engine, Messages messages, Confirmer confirmer, Host host) {
        this.engine = engine;
        this.messages = messages;
        this.confirmer = confirmer;
        this.host = host;
        model.autoStopProperty().addListener((o, a, b) -> engine.setAutoStop(b ? model.autoStopSecondsProperty().get() : 0));
        model.autoStopSecondsProperty().addListener((o, a, b) -> {
            if (model.autoStopProperty().get()) {
                engine.setAutoStop(b.doubleValue());
            }
        });
        model.specProperty().addListener((o, a, b) -> kChart.setNote(b != null && b.kind() == ModelSpec.Kind.DDPM
                ? "DDPM keeps its variance fixed at βₜ, so with few steps its K stays near L_null. Judge it by its samples (SW2) too."
                : ""));
        engine.channels().progress.onValue(p -> onSnapshot(p.snapshot()));
        engine.channels().stopped.onValue(s -> {
            model.runningProperty().set(false);
            messages.report(s.message());
        });
        engine.channels().quality.onValue(q -> model.acceptQuality(q.sw2()));
    }

    void setConfirmer(Confirmer c) {
        confirmer = c;
    }

    /** True when the data can be trained on (enough points, loaded). */
    public ReadOnlyBooleanProperty canTrainProperty() {
        return canTrain;
    }

    void setCanTrain(boolean b) {
        canTrain.set(b);
    }

    private void onSnapshot(TrainingSnapshot s) {
        model.accept(s);
        kChart.setCurve(model.curveProperty().get());
        Schedule schedule = host.schedule();
        klBars.setReport(s.heldoutReport(), schedule.steps());
        if (model.specProperty().get().kind() != ModelSpec.Kind.BINOMIAL) {
            varianceBounds.setData(s.heldoutReport(), schedule);
        }
        if (s.status() == TrainingStatus.DIVERGED) {
            model.runningProperty().set(false);
        }
        if (s.status() == TrainingStatus.RUNNING) {
            messages.status(String.format("Training: %,d steps, %.0f steps/s", s.step(), s.stepsPerSecond()));
        }
    }

    // ------------------------------------------------------------------ commands

    public void train() {
        if (host.mode().isLoading()) {
            trainWhenLoaded = true;
            model.runningProperty().set(true);
            messages.status("Training starts when the data are loaded");
            return;
        }
        if (!canTrain.get()) {
            messages.report(messages.message().isEmpty() ? "There is no data to train on." : messages.message());
            model.runningProperty().set(false);
            return;
        }
        engine.train();
        model.runningProperty().set(true);
    }

    /** The data finished loading: training starts if Train was pressed meanwhile. */
    void loaded() {
        if (trainWhenLoaded) {
            trainWhenLoaded = false;
            train();
        }
    }

    public void pause() {
        trainWhenLoaded = false;
        engine.pause();
        model.runningProperty().set(false);
    }

    public void toggle() {
        if (model.runningProperty().get()) {
            pause();
        } else {
            train();
        }
    }

    public void step() {
        model.runningProperty().set(false);
        if (canTrain.get()) {
            engine.step();
        }
    }

    /** Reset asks first when trained steps would be lost; then fresh weights (from the seed), empty K history. */
    public void reset() {
        if (model.hasProgress() && !confirmer.confirm("Discard training?", "Reset starts again from fresh weights; "
                + lost())) {
            return;
        }
        model.runningProperty().set(false);
        host.setUp(false);
    }

    /** What discarding the model loses, in words that match what happens (Runs keeps the replaced run's record). */
    private String lost() {
        return String.format("the %,d steps trained since %s are discarded (Runs keeps their K curve and picture, not the weights).",
                model.unkeptSteps(), model.unkeptSteps() == model.stepProperty().get() ? "the model was made" : "it was opened or saved");
    }

    /** Asks before something discards trained steps (true when there are none or the person agrees). */
    public boolean allowDiscard(String what) {
        if (!model.hasProgress()) {
            return true;
        }
        boolean wasRunning = model.runningProperty().get();
        boolean ok = confirmer.confirm("Discard training?", what + " starts a new model; " + lost());
        if (ok && wasRunning) {
            pause();
        }
        return ok;
    }

    /**
     * Asks once, before a gesture that will replace the model (a knot drag), whether the training
     * may be discarded; a yes counts for the rest of the gesture, so nothing asks in its middle.
     */
    public boolean agreeToDiscard(String what) {
        if (!allowDiscard(what)) {
            return false;
        }
        model.markKept(model.stepProperty().get()); // agreed: no further question for this model's steps
        return true;
    }

    /** Applies a model architecture; asks first when that discards training. */
    public boolean requestSpec(ModelSpec spec) {
        if (spec.equals(model.specProperty().get())) {
            return true;
        }
        if (!allowDiscard("Switching to the " + spec.describe())) {
            return false;
        }
        model.specProperty().set(spec);
        host.setUp(false);
        return true;
    }

    /** Switches between the paper model and DDPM, keeping the other settings. */
    public boolean requestKind(ModelSpec.Kind kind) {
        return requestSpec(model.specWith(kind));
    }

    public boolean requestOptimizer(Optimizer.Kind k) {
        if (k == model.optimizerProperty().get()) {
            return true;
        }
        if (!allowDiscard("Switching the optimizer")) {
            return false;
        }
        model.optimizerProperty().set(k);
        host.setUp(false);
        return true;
    }

    public void setLearningRate(double lr) {
        model.learningRateProperty().set(lr);
        engine.setLearningRate(lr);
    }

    public void setBatchSize(int b) {
        model.batchSizeProperty().set(b);
        engine.setBatchSize(b);
    }

    public void setSeed(long s) {
        model.seedProperty().set(s);
    }

    /** Estimates log p of held-out examples by importance sampling with {@link #IS_SAMPLES} samples each. */
    public void estimateLogLikelihood() {
        ExplorerMode m = host.mode();
        int examples = m.logLikelihoodExamples();
        if (examples == 0) {
            messages.report("The importance-sampled log-likelihood is computed for Gaussian models (points, images).");
            return;
        }
        model.logLikelihoodProperty().set("estimating…");
        long step = model.stepProperty().get();
        double reference = m.units().referenceBits();
        engine.estimateLogLikelihood(IS_SAMPLES, examples, r -> {
            if (r == null) {
                model.logLikelihoodProperty().set("–");
                return;
            }
            int per = model.perUnitProperty().get();
            model.logLikelihoodProperty().set(String.format("%.3f ± %.3f %s (N = %d, step %,d)%s", r.logpBits() / per,
                    r.stdErrBits() / per, per > 1 ? "bits/px" : "bits", r.samples(), step,
                    per == 1 && Double.isFinite(reference) && m.units().referenceLabel().startsWith("true")
                            ? String.format("; true %.3f", reference) : ""));
        });
    }

    /** A new model of the current kind is set up: the shown numbers and curves are of it from now on. */
    void newModel(Schedule s) {
        model.runningProperty().set(false);
        model.clear();
        klBars.setReport(null, s.steps());
        varianceBounds.setData(null, s);
    }

    /** Keeps the current run in the history before its model is replaced (nothing if it never trained). */
    void archiveCurrentRun() {
        if (model.stepProperty().get() == 0) {
            return; // (a model opened from a file is a run too, though nothing of it would be lost)
        }
        byte[] thumb = new byte[0];
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            ImageFiles.encodePng(Exports.awt(host.mode().plots().get(1).render(0.35)), b);
            thumb = b.toByteArray();
        } catch (IOException | RuntimeException e) {
            // a run without a picture is still a run
        }
        RunRecord r = runs.add(host.describeRun(), model.curveProperty().get(), thumb);
        engine.capture(s -> runs.attachModel(r, s));
    }
}
