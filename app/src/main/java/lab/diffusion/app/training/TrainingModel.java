package lab.diffusion.app.training;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.nn.Activation;
import lab.diffusion.engine.nn.Optimizer;
import lab.diffusion.engine.objective.BoundReport;
import lab.diffusion.engine.train.TrainingHistory;
import lab.diffusion.engine.train.TrainingSnapshot;
import lab.diffusion.engine.train.TrainingStatus;

/** Model and optimizer settings, and what the engine reports about training. FX thread. */
public final class TrainingModel {

    public static final double[] LEARNING_RATES = {1e-4, 3e-4, 1e-3, 3e-3, 1e-2};
    public static final int[] BATCH_SIZES = {64, 128, 256, 512, 1024, 2048};

    // Settings (architecture changes are applied through the explorer, which may ask first)
    private final ObjectProperty<ModelSpec> spec = new SimpleObjectProperty<>(ModelSpec.paperDefault(2));
    private final ObjectProperty<Optimizer.Kind> optimizer = new SimpleObjectProperty<>(Optimizer.Kind.ADAM);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(1e-3);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(512);
    private final LongProperty seed = new SimpleLongProperty(1);

    // Reported
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final LongProperty step = new SimpleLongProperty();
    /** The step count a file keeps (the session opened or last saved); a new model lowers it with its steps. */
    private long keptStep;

    {
        step.addListener((o, a, b) -> keptStep = Math.min(keptStep, b.longValue()));
    }
    private final DoubleProperty seconds = new SimpleDoubleProperty();
    private final DoubleProperty kBits = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty kMinusLnull = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty heldoutK = new SimpleDoubleProperty(Double.NaN);
    private final IntegerProperty perUnit = new SimpleIntegerProperty(1);
    private final BooleanProperty autoStop = new SimpleBooleanProperty();
    private final StringProperty logLikelihood = new SimpleStringProperty("–");
    private final DoubleProperty autoStopSeconds = new SimpleDoubleProperty(60);
    private final DoubleProperty stepsPerSecond = new SimpleDoubleProperty();
    private final DoubleProperty sw2 = new SimpleDoubleProperty(Double.NaN);
    private final ObjectProperty<TrainingStatus> status = new SimpleObjectProperty<>(TrainingStatus.IDLE);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<TrainingHistory.Curve> curve = new SimpleObjectProperty<>();
    private final ObjectProperty<BoundReport> report = new SimpleObjectProperty<>();
    private final TrainingHistory history = new TrainingHistory();
    private long lastHeldoutStep = -1;

    public ObjectProperty<ModelSpec> specProperty() {
        return spec;
    }

    public ObjectProperty<Optimizer.Kind> optimizerProperty() {
        return optimizer;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public LongProperty stepProperty() {
        return step;
    }

    public DoubleProperty secondsProperty() {
        return seconds;
    }

    /** The last importance-sampled log-likelihood, as text ("–" before the first estimate). */
    public StringProperty logLikelihoodProperty() {
        return logLikelihood;
    }

    /** Stop training when held-out K has not improved for {@link #autoStopSecondsProperty()} seconds. */
    public BooleanProperty autoStopProperty() {
        return autoStop;
    }

    public DoubleProperty autoStopSecondsProperty() {
        return autoStopSeconds;
    }

    /** What K readouts are divided by for display: 1, or the pixels of an image (K per pixel). */
    public IntegerProperty perUnitProperty() {
        return perUnit;
    }

    public DoubleProperty kBitsProperty() {
        return kBits;
    }

    public DoubleProperty kMinusLnullProperty() {
        return kMinusLnull;
    }

    public DoubleProperty heldoutKProperty() {
        return heldoutK;
    }

    public DoubleProperty stepsPerSecondProperty() {
        return stepsPerSecond;
    }

    public DoubleProperty sw2Property() {
        return sw2;
    }

    public ObjectProperty<TrainingStatus> statusProperty() {
        return status;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** The K curve (a new immutable object on every change). */
    public ObjectProperty<TrainingHistory.Curve> curveProperty() {
        return curve;
    }

    /** The latest held-out evaluation (per-step KL). */
    public ObjectProperty<BoundReport> reportProperty() {
        return report;
    }

    /**
     * True when the model has trained steps that no file keeps: steps since it was set up, or
     * since the session it came from was opened or last saved.
     */
    public boolean hasProgress() {
        return step.get() > keptStep;
    }

    /** Steps trained that no file keeps. */
    public long unkeptSteps() {
        return Math.max(0, step.get() - keptStep);
    }

    /** Training up to {@code steps} is kept in a file (opened or saved). */
    public void markKept(long steps) {
        keptStep = steps;
    }

    /** A spec with the given kind, keeping the architecture settings. */
    public ModelSpec specWith(ModelSpec.Kind kind) {
        return spec.get().withKind(kind);
    }

    /**
     * A spec from sidebar fields (validated by ModelSpec's constructor); the dimension and the
     * binomial base rate are kept from {@code current}; the head applies to binomial models only.
     */
    public static ModelSpec spec(ModelSpec current, ModelSpec.Kind kind, int width, int depth, ModelSpec.Readout readout,
                                 int bumps, ModelSpec.MeanForm mean, ModelSpec.DdpmVariance variance, boolean cleanBitHead) {
        boolean binomial = kind == ModelSpec.Kind.BINOMIAL;
        return new ModelSpec(kind, current.dim(), width, depth, binomial ? Activation.SIGMOID : Activation.TANH, readout, bumps,
                mean, variance, 32, binomial ? current.baseRate() : Double.NaN,
                binomial && cleanBitHead);
    }

    // Commands (called with engine reports, on the UI thread)

    /**
     * Shows the K history of a model opened from a session; every other readout says "–" until
     * the model's first snapshot arrives.
     */
    public void restoreHistory(TrainingHistory.Curve c, long atStep) {
        clear();
        history.restore(c);
        step.set(atStep);
        int last = c.lastHeldoutIndex();
        lastHeldoutStep = last < 0 ? -1 : c.steps()[last];
        curve.set(history.curve());
    }

    /** A new model: no steps, no curve, every readout "–" until its first snapshot arrives. */
    public void clear() {
        history.restore(new TrainingHistory.Curve(new long[0], new double[0], new double[0], new double[0]));
        lastHeldoutStep = -1;
        step.set(0);
        seconds.set(0);
        kBits.set(Double.NaN);
        kMinusLnull.set(Double.NaN);
        heldoutK.set(Double.NaN);
        stepsPerSecond.set(0);
        sw2.set(Double.NaN);
        logLikelihood.set("–");
        report.set(null);
        status.set(TrainingStatus.IDLE);
        message.set("");
        curve.set(history.curve());
    }

    /** Takes in a snapshot from the engine. */
    public void accept(TrainingSnapshot s) {
        boolean restarted = s.step() < step.get() || s.step() == 0;
        step.set(s.step());
        seconds.set(s.seconds());
        kBits.set(s.kBits());
        kMinusLnull.set(s.kMinusLnullBits());
        heldoutK.set(s.heldoutKBits());
        stepsPerSecond.set(s.status() == TrainingStatus.RUNNING ? s.stepsPerSecond() : 0);
        status.set(s.status());
        message.set(s.message());
        report.set(s.heldoutReport());
        if (restarted) {
            history.restore(new TrainingHistory.Curve(new long[0], new double[0], new double[0], new double[0]));
            lastHeldoutStep = -1;
        }
        if (s.step() > 0 && Double.isFinite(s.kBits())) {
            // snapshots are coalesced, so a held-out result is attached to the first snapshot that shows it
            boolean newHeldout = s.heldoutStep() > lastHeldoutStep && Double.isFinite(s.heldoutKBits());
            history.add(s.step(), s.seconds(), s.kBits(), newHeldout ? s.heldoutKBits() : Double.NaN);
            if (newHeldout) {
                lastHeldoutStep = s.heldoutStep();
            }
        }
        curve.set(history.curve());
    }

    public void acceptQuality(double value) {
        sw2.set(value);
    }
}
