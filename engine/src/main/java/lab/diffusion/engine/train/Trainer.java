package lab.diffusion.engine.train;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.model.TrainableModel;
import lab.diffusion.engine.model.StepLoss;
import lab.diffusion.engine.model.TrainingBatch;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.nn.Optimizer;
import lab.diffusion.engine.nn.ParamBuffer;
import lab.diffusion.engine.objective.Bounds;
import lab.diffusion.engine.objective.BoundReport;

/**
 * Trains a reverse model on point data. Not thread-safe: every method except the setters of
 * learning rate and batch size and {@link #requestStop()} must run on the engine worker thread.
 * The setters take effect at the next step.
 */
public final class Trainer {

    private static final double LN2 = Math.log(2.0);
    private static final long CHECKPOINT_EVERY = 200;
    private static final long MIN_SNAPSHOT_INTERVAL_NANOS = 1_000_000_000L / 30;
    /** Time between garbage collections while training (see {@link Nd4jRuntime#collectGarbage()}). */
    private static final long GC_EVERY_NANOS = 5_000_000_000L;

    private final TrainableModel model;
    private PointData data;
    private final ParamBuffer params;
    private final Optimizer optimizer;
    private final TrainingHistory history = new TrainingHistory();
    private final List<TrainerListener> listeners = new CopyOnWriteArrayList<>();
    private final BatchDrawer batches;
    private final int dim;
    private final double lnullBits;
    private final long evalSeed;
    private final double[] grad;
    private PointSet evalSet;
    private final int evalPoints;

    private volatile double requestedLr;
    private volatile int requestedBatch;
    private volatile boolean stopRequested;
    private volatile double evalEverySeconds;

    private TrainingBatch batch;
    private long step;
    private double seconds;
    private double lastLoss = Double.NaN;
    private double kEma = Double.NaN;
    private double heldoutBits = Double.NaN;
    private BoundReport heldoutReport;
    private long heldoutStep = -1;
    private double lastEvalAt = 0.0;
    /** Wall seconds the last held-out evaluation took; evaluations take at most 1/(1+EVAL_RATIO) of a run. */
    private double lastEvalCost = 0.0;
    static final double EVAL_RATIO = 9.0;
    private final SpeedMeter speed = new SpeedMeter();
    private long lastGcNanos = System.nanoTime();
    private long lastEmitNanos;
    private TrainingStatus status = TrainingStatus.IDLE;
    private String message = "";
    private final double scheduleRate;
    /** Exponential moving average of the weights (null when averaging is off). */
    private final WeightAverage averaged;
    private final DivergenceGuard good;

    public Trainer(TrainableModel model, PointData data, TrainConfig config) {
        if (data.dim() != model.dim()) {
            throw new IllegalArgumentException("the data are " + data.dim() + "D but the model is " + model.dim() + "D");
        }
        this.model = model;
        this.data = data;
        this.params = model.parameters();
        this.optimizer = Optimizer.create(config.optimizer(), params.size(), config.learningRate());
        int[] sched = model.scheduleParameterRange();
        if (sched != null) {
            optimizer.setRateFactor(sched[0], sched[1], config.scheduleRate());
        }
        this.batches = new BatchDrawer(data, config.seed());
        this.dim = data.dim();
        this.lnullBits = model.nullLogLikelihoodNats() / LN2;
        this.evalSeed = config.seed() ^ 0x5DEECE66DL;
        this.grad = new double[params.size()];
        this.evalPoints = config.evalPoints();
        this.evalSet = data.heldout().head(evalPoints);
        this.requestedLr = config.learningRate();
        this.scheduleRate = config.scheduleRate();
        this.averaged = config.averageDecay() > 0 ? new WeightAverage(params.master(), config.averageDecay()) : null;
        this.requestedBatch = config.batchSize();
        this.evalEverySeconds = config.evalEverySeconds();
        this.batch = new TrainingBatch(config.batchSize(), dim);
        this.good = new DivergenceGuard(lnullBits);
        checkpoint();
    }

    public TrainableModel model() {
        return model;
    }

    public PointData data() {
        return data;
    }

    /** A copy of the averaged weights, or null when averaging is off. */
    public double[] averagedWeights() {
        return averaged == null ? null : averaged.values().clone();
    }

    /**
     * Replaces the model's weights by their moving average (for the final evaluation and the
     * saved session); returns false when averaging is off. Training may go on from there.
     */
    public boolean useAveragedWeights() {
        if (averaged == null) {
            return false;
        }
        params.setAll(averaged.values());
        checkpoint();
        return true;
    }

    /** The learned schedule's factor on the learning rate (unused when the schedule is fixed). */
    public double scheduleRate() {
        return scheduleRate;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public TrainingHistory history() {
        return history;
    }

    public long step() {
        return step;
    }

    public TrainingStatus status() {
        return status;
    }

    public void addListener(TrainerListener l) {
        listeners.add(l);
    }

    public void removeListener(TrainerListener l) {
        listeners.remove(l);
    }

    /**
     * Continues training on other data of the same dimension (e.g. after a person drew more
     * points), keeping weights, optimizer state and history. Engine thread only.
     */
    public void replaceData(PointData newData) {
        if (newData.dim() != dim) {
            throw new IllegalArgumentException("the new data are " + newData.dim() + "D, the model is " + dim + "D");
        }
        this.data = newData;
        batches.use(newData);
        this.evalSet = newData.heldout().head(evalPoints);
        this.heldoutBits = Double.NaN;
        this.heldoutReport = null;
        this.lastEvalAt = Double.NEGATIVE_INFINITY;
    }

    /** Changes the learning rate from any thread; applies at the next step, keeps optimizer state. */
    public void setLearningRate(double lr) {
        Optimizer.checkLearningRate(lr);
        requestedLr = lr;
    }

    /** Changes the batch size from any thread; applies at the next step. */
    public void setBatchSize(int b) {
        TrainConfig.checkBatch(b);
        requestedBatch = b;
    }

    /** Changes how often held-out K is evaluated during runs (≤ 0: never). */
    public void setEvalEverySeconds(double s) {
        evalEverySeconds = s;
    }

    /** Asks a running {@link #run} to return after the current step (any thread). */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Restores counters and optimizer state saved in a session (parameters are restored through
     * the model's {@link ParamBuffer}).
     */
    public void restoreProgress(long steps, double secs, double[] optimizerState, long iteration, TrainingHistory.Curve curve) {
        this.step = steps;
        this.seconds = secs;
        if (optimizerState != null) {
            optimizer.restore(optimizerState, iteration);
        }
        if (curve != null) {
            history.restore(curve);
            int last = curve.lastHeldoutIndex();
            if (last >= 0) {
                heldoutBits = curve.heldoutBits()[last];
                heldoutStep = curve.steps()[last];
            }
            if (curve.size() > 0) {
                kEma = curve.kBits()[curve.size() - 1];
            }
        }
        if (steps > 0) {
            status = TrainingStatus.STOPPED;
        }
        checkpoint();
    }

    /** One optimizer step; returns false (and restores the last good parameters) on divergence. */
    public boolean step1() {
        applyRequests();
        batches.fill(batch, model);
        StepLoss sl = Nd4jRuntime.step(() -> model.lossAndGradient(batch));
        params.readGradient(grad);
        double loss = sl.loss();
        if (DivergenceGuard.diverged(loss, grad)) {
            diverged(step + 1, DivergenceGuard.lossProblem(loss));
            return false;
        }
        optimizer.step(params.master(), grad);
        params.pushMaster();
        step++;
        if (averaged != null) {
            averaged.add(params.master());
        }
        lastLoss = loss;
        double kb = sl.kEstimate() / LN2;
        if (!Double.isNaN(kb)) {
            kEma = Double.isNaN(kEma) ? kb : kEma + 0.02 * (kb - kEma);
        }
        if (good.collapsed(step, kEma)) {
            diverged(step, good.fall(kEma));
            return false;
        }
        if (step % CHECKPOINT_EVERY == 0 && good.healthy(kEma)) {
            checkpoint();
        }
        return true;
    }

    /**
     * Trains until {@code maxSteps} more steps, {@code maxSeconds} more seconds, a stop request
     * or {@code stop} returns true, or divergence. Sends snapshots to listeners (at most ~30 per
     * second, and one at the end).
     */
    public TrainingSnapshot run(long maxSteps, double maxSeconds, BooleanSupplier stop) {
        return run(maxSteps, maxSeconds, stop, false);
    }

    /**
     * Trains for up to {@code maxSeconds} as one chunk of a longer session that does other work
     * between chunks (the app's engine loop): the speed window and the snapshot rate limit carry
     * over from chunk to chunk, and no extra snapshot is sent at the end unless training
     * diverged. Call {@link #endChunks()} when the series ends.
     */
    public TrainingSnapshot runChunk(double maxSeconds, BooleanSupplier stop) {
        return run(Long.MAX_VALUE, maxSeconds, stop, true);
    }

    /** Ends a series of {@link #runChunk} calls and sends the final snapshot. */
    public TrainingSnapshot endChunks() {
        speed.end();
        if (status == TrainingStatus.RUNNING) {
            status = TrainingStatus.STOPPED;
        }
        TrainingSnapshot s = snapshot();
        listeners.forEach(l -> l.onSnapshot(s));
        return s;
    }

    private TrainingSnapshot run(long maxSteps, double maxSeconds, BooleanSupplier stop, boolean chunk) {
        stopRequested = false;
        status = TrainingStatus.RUNNING;
        message = "";
        long startStep = step;
        long t0 = System.nanoTime();
        double startSeconds = seconds;
        speed.start(t0, step);
        boolean ok = true;
        while (step - startStep < maxSteps) {
            long now = System.nanoTime();
            if ((now - t0) / 1e9 >= maxSeconds || stopRequested || (stop != null && stop.getAsBoolean())) {
                break;
            }
            ok = step1();
            now = System.nanoTime();
            seconds = startSeconds + (now - t0) / 1e9;
            if (!ok) {
                break;
            }
            speed.tick(now, step);
            double heldout = Double.NaN;
            if (evalEverySeconds > 0 && seconds - lastEvalAt >= Math.max(evalEverySeconds, EVAL_RATIO * lastEvalCost)) {
                heldout = evaluateHeldout();
            }
            history.add(step, seconds, kEma, heldout);
            if (now - lastGcNanos >= GC_EVERY_NANOS) {
                Nd4jRuntime.collectGarbage();
                lastGcNanos = System.nanoTime();
            }
            if (now - lastEmitNanos >= MIN_SNAPSHOT_INTERVAL_NANOS) {
                emit();
                lastEmitNanos = now;
            }
        }
        speed.ranFor((System.nanoTime() - t0) / 1e9, step - startStep);
        return ok && chunk ? snapshot() : endChunks(); // a divergence always sends its snapshot
    }

    /**
     * Evaluates held-out K on the trainer's evaluation subset, records and returns it (bits). With
     * weight averaging on, the averaged weights are evaluated (the model {@link #useAveragedWeights()}
     * would keep), and the weights being trained are put back exactly afterwards.
     */
    public double evaluateHeldout() {
        return evaluateHeldout(() -> false);
    }

    /**
     * As {@link #evaluateHeldout()}, abandoned (nothing recorded) with a {@code CancellationException}
     * once {@code cancelled} says so; engine thread only.
     */
    public double evaluateHeldout(BooleanSupplier cancelled) {
        long e0 = System.nanoTime();
        BoundReport r;
        if (averaged == null) {
            r = Bounds.evaluate(model, evalSet, evalSeed, cancelled);
        } else {
            double[] current = params.master().clone();
            params.setAll(averaged.values());
            try {
                r = Bounds.evaluate(model, evalSet, evalSeed, cancelled);
            } finally {
                params.setAll(current);
            }
        }
        lastEvalCost = (System.nanoTime() - e0) / 1e9;
        heldoutReport = r;
        heldoutBits = r.kBits();
        heldoutStep = step;
        lastEvalAt = seconds;
        return heldoutBits;
    }

    /** The current state as an immutable snapshot. */
    public TrainingSnapshot snapshot() {
        return new TrainingSnapshot(step, seconds, lastLoss, kEma, kEma - lnullBits, heldoutBits, heldoutStep,
                speed.speed(), optimizer.learningRate(), batch.size, status, message, heldoutReport);
    }

    private void emit() {
        if (listeners.isEmpty()) {
            return;
        }
        TrainingSnapshot s = snapshot();
        for (TrainerListener l : listeners) {
            l.onSnapshot(s);
        }
    }

    private void applyRequests() {
        if (optimizer.learningRate() != requestedLr) {
            optimizer.setLearningRate(requestedLr);
        }
        if (batch.size != requestedBatch) {
            batch = new TrainingBatch(requestedBatch, dim);
        }
    }

    private void checkpoint() {
        good.save(params, optimizer, step, kEma);
    }

    /** Goes back to the last good state: the step {@code at} diverged because of {@code what}. */
    private void diverged(long at, String what) {
        step = good.restore(params, optimizer);
        kEma = good.savedK();
        status = TrainingStatus.DIVERGED;
        message = DivergenceGuard.message(at, what, step, optimizer.learningRate());
    }
}
