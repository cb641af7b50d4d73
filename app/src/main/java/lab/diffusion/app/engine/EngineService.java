package lab.diffusion.app.engine;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import lab.diffusion.engine.data.ImageData;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.data.Standardizer;
import lab.diffusion.engine.metrics.SlicedWasserstein;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.model.Models;
import lab.diffusion.engine.model.BinaryReverseModel;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.model.TrainableModel;
import lab.diffusion.engine.sample.BinarySampler;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.sample.Conditioning;
import lab.diffusion.engine.sample.DriftField;
import lab.diffusion.engine.sample.IdealDrift;
import lab.diffusion.engine.sample.Sampler;
import lab.diffusion.engine.sample.Trajectory;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.train.TrainConfig;
import lab.diffusion.engine.train.Trainer;
import lab.diffusion.engine.train.TrainingSnapshot;
import lab.diffusion.engine.train.TrainingStatus;
import lab.diffusion.engine.worker.EngineWorker;

/**
 * The app's only door to the engine. Every method may be called from the UI thread and returns
 * at once; the work runs on the engine worker and results arrive through {@link Channel}s on
 * the UI executor. Training runs in 0.1 s chunks; between chunks the newest display requests
 * (drift at the current t, a followed point) are served, latest wins.
 */
public final class EngineService implements AutoCloseable {

    /** What to train: data (model units inside), schedule, model, optimizer settings. */
    public record Setup(PointData data, Schedule schedule, ModelSpec spec, TrainConfig config, long modelSeed,
                        PointSet idealReference) {
        public Setup {
            Objects.requireNonNull(data);
            Objects.requireNonNull(schedule);
            Objects.requireNonNull(spec);
            Objects.requireNonNull(config);
        }
    }

    private record DriftRequest(int t, double xMin, double xMax, double yMin, double yMax, int grid) {
    }

    private record FollowRequest(int index, float[] forwardPath) {
    }

    /**
     * Conditional sampling of images (grey levels 0..255, row-major): inpainting where
     * {@code hole} is true, or denoising an observation with noise variance 1/snr in model units.
     */
    public record ConditionRequest(long id, Views.ConditionKind kind, float[] grey, boolean[] hole, double snr, int samples,
                                   long seed) {
    }

    private static final double CHUNK_SECONDS = 0.1;
    /** Shortest time between display refreshes while training. */
    private static final long MIN_REFRESH_NANOS = 400_000_000L;
    /** Display work may take at most 1/(1+this) of the engine's time while training. */
    private static final double TRAIN_TO_DISPLAY = 9.0;

    public final Channel<TrainingSnapshot> snapshots;
    public final Channel<Views.Reverse> reverse;
    public final Channel<Views.Drift> drift;
    public final Channel<Views.Follow> follow;
    public final Channel<Views.Quality> quality;
    /** Binary mode: next-step probabilities of the reverse samples at the requested t. */
    public final Channel<Views.Probabilities> probabilities;
    /** Image mode: inpainting and denoising trajectories. */
    public final Channel<Views.Conditioned> conditioned;
    /** What the engine is doing, one short phrase. */
    public final Channel<String> status;
    /** Problems for people (one sentence each). */
    public final Channel<String> errors;
    /** Training stopped by itself (auto-stop); the sentence says why. */
    public final Channel<String> stopped;
    /** A learned schedule as it is now (while it trains). */
    public final Channel<Schedule> learnedSchedule;

    private final EngineWorker worker;
    private final AtomicBoolean training = new AtomicBoolean();
    private final AtomicBoolean pumpScheduled = new AtomicBoolean();
    private final AtomicReference<DriftRequest> driftRequest = new AtomicReference<>();
    private final AtomicReference<FollowRequest> followRequest = new AtomicReference<>();
    private final AtomicReference<ConditionRequest> conditionRequest = new AtomicReference<>();
    private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> tasks = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicBoolean reverseWanted = new AtomicBoolean();
    private volatile int displaySamples = 2000;
    private volatile long displaySeed = 7;

    // engine thread only
    private Setup setup;
    private TrainableModel model;
    private float[][] lastReverseStates;
    private Trainer trainer;
    private long version;
    private DriftRequest lastDrift;
    private long lastDriftVersion = -1;
    private long lastRefreshNanos;
    private long refreshCostNanos;

    private final Executor uiExecutor;

    public EngineService(Executor ui) {
        this(ui, null);
    }

    /** An engine whose worker starts when {@code firstFrame} completes (at most 2 s later; see EngineWorker). */
    public EngineService(Executor ui, java.util.concurrent.CompletableFuture<?> firstFrame) {
        this.worker = new EngineWorker(firstFrame, 2000);
        this.uiExecutor = ui;
        snapshots = new Channel<>(ui);
        reverse = new Channel<>(ui);
        drift = new Channel<>(ui);
        follow = new Channel<>(ui);
        quality = new Channel<>(ui);
        probabilities = new Channel<>(ui);
        conditioned = new Channel<>(ui);
        status = new Channel<>(ui);
        errors = new Channel<>(ui);
        stopped = new Channel<>(ui);
        learnedSchedule = new Channel<>(ui);
    }

    private volatile double autoStopSeconds;
    // engine thread only: the best held-out K of this model and when (training seconds) it was reached
    private double bestHeldout = Double.NEGATIVE_INFINITY;
    private double bestHeldoutAt;
    private long bestHeldoutStep;

    /** Stops training when held-out K has not improved for this many seconds of training (0: never). */
    public void setAutoStop(double seconds) {
        autoStopSeconds = seconds;
    }

    /** True while the training loop runs (or is about to). */
    public boolean isTraining() {
        return training.get();
    }

    /**
     * Installs a setup. With {@code keepWeights} and an unchanged model spec and schedule the
     * trained weights, optimizer and history stay and training continues on the new data;
     * otherwise a fresh model is built.
     */
    public void configure(Setup next, boolean keepWeights) {
        boolean wasTraining = training.getAndSet(false);
        worker.run(() -> {
            try {
                boolean sameModel = model != null && setup != null && setup.spec().equals(next.spec())
                        && Arrays.equals(setup.schedule().betas(), next.schedule().betas());
                if (keepWeights && sameModel) {
                    trainer.replaceData(next.data());
                    setup = next;
                } else {
                    setup = next;
                    rebuild();
                }
                version++;
                reverseWanted.set(true);
                lastDriftVersion = -1;
                lastReverseStates = null;
                snapshots.publish(trainer.snapshot());
                pump();
                status.publish("Ready: " + next.spec().describe());
            } catch (RuntimeException e) {
                errors.publish("Could not set up the model: " + e.getMessage());
            }
        });
        if (wasTraining && keepWeights) {
            train();
        }
    }

    /**
     * Installs a model saved in a session: its weights, optimizer state and progress, trained on
     * the setup's data (the session's own). Training continues where the session stopped.
     */
    public java.util.concurrent.CompletableFuture<Void> open(lab.diffusion.engine.session.Session session, Setup next) {
        training.set(false);
        status.publish("Opening: " + session.model().describe() + "…");
        java.util.concurrent.CompletableFuture<Void> installed = worker.run(() -> {
            try {
                setup = next;
                model = lab.diffusion.engine.session.Sessions.model(session);
                trainer = lab.diffusion.engine.session.Sessions.trainer(session, model, next.config());
                resetAutoStop();
                bestHeldoutAt = trainer.snapshot().seconds();
                trainer.addListener(snapshots::publish);
                version++;
                reverseWanted.set(true);
                lastDriftVersion = -1;
                lastReverseStates = null;
                snapshots.publish(trainer.snapshot());
                if (model.schedule().family() == lab.diffusion.engine.schedule.ScheduleFamily.LEARNED) {
                    learnedSchedule.publish(model.schedule());
                }
                pump(); // the opened model's samples and drift first
                status.publish("Opened: " + next.spec().describe() + " — evaluating held-out K…");
            } catch (RuntimeException e) {
                errors.publish("Could not open the model: " + e.getMessage());
            }
        });
        worker.run(() -> { // then the per-step KL and variance bounds of the opened model
            Trainer opened = trainer;
            if (opened == null || model == null || opened.step() != session.training().steps()) {
                return; // replaced or trained on meanwhile
            }
            try {
                opened.evaluateHeldout();
                snapshots.publish(opened.snapshot());
                status.publish("Opened: " + next.spec().describe());
            } catch (RuntimeException e) {
                errors.publish("Could not evaluate the opened model: " + e.getMessage());
            }
        });
        return installed;
    }

    /**
     * Captures the current model, data and progress as a session on the engine thread and hands
     * it to {@code done} on the UI executor (null if there is no model yet).
     */
    public void capture(java.util.function.Consumer<lab.diffusion.engine.session.Session> done) {
        soon(() -> {
            lab.diffusion.engine.session.Session s = null;
            String problem = null;
            try {
                if (trainer != null) {
                    s = lab.diffusion.engine.session.Sessions.capture(trainer, setup.modelSeed(), setup.config());
                }
            } catch (RuntimeException e) {
                problem = e.getMessage();
            }
            var session = s;
            var msg = problem;
            uiExecutor.execute(() -> {
                if (msg != null) {
                    errors.publish("Could not capture the session: " + msg);
                }
                done.accept(session);
            });
        });
    }

    /**
     * Samples n reverse trajectories of a model saved in a session (an earlier run), in the
     * display units of its data (data units for points, 0/1 rows, grey levels for images), and
     * hands them to {@code done} on the UI executor (null on failure).
     */
    public void sampleSession(lab.diffusion.engine.session.Session s, int n, long seed, java.util.function.Consumer<float[][]> done) {
        soon(() -> {
            float[][] states = null;
            try {
                TrainableModel m = lab.diffusion.engine.session.Sessions.model(s);
                Trajectory tr = m instanceof BinaryReverseModel b ? BinarySampler.sample(b, n, seed, true)
                        : Sampler.sample((ReverseModel) m, n, seed, true);
                states = new float[tr.steps() + 1][];
                Standardizer st = s.data().standardizer();
                for (int t = 0; t <= tr.steps(); t++) {
                    states[t] = m instanceof BinaryReverseModel ? tr.state(t) : s.data().isImages() ? ImageData.toGrey(tr.state(t), st)
                            : st.invert(PointSet.wrap(tr.state(t), m.dim())).toArray();
                }
            } catch (RuntimeException e) {
                errors.publish("Could not sample the earlier run: " + e.getMessage());
            }
            float[][] result = states;
            uiExecutor.execute(() -> done.accept(result));
        });
    }

    /**
     * Estimates the log-likelihood of held-out points by importance sampling with the current
     * model (paper §2.3) and hands the result to {@code done} (null when the model is not Gaussian).
     */
    public void estimateLogLikelihood(int samples, int points, java.util.function.Consumer<lab.diffusion.engine.sample.ImportanceSampling.Result> done) {
        soon(() -> {
            lab.diffusion.engine.sample.ImportanceSampling.Result r = null;
            if (model instanceof ReverseModel g && setup != null) {
                status.publish("Estimating log p by importance sampling…");
                try {
                    r = lab.diffusion.engine.sample.ImportanceSampling.estimate(g, setup.data().heldout().head(points), samples, 23);
                } catch (RuntimeException e) {
                    errors.publish("The estimate failed: " + e.getMessage());
                }
                status.publish(training.get() ? "Training" : "Ready");
            }
            var res = r;
            uiExecutor.execute(() -> done.accept(res));
        });
    }

    /** The outcome of training one model of a comparison. */
    public record PairResult(String label, lab.diffusion.engine.train.TrainingHistory.Curve curve, double heldoutBits, long steps,
                             double seconds) {
    }

    /**
     * Trains two fresh models one after the other for {@code seconds} each (same data and seed,
     * their own schedules) and hands both results to {@code done}; the model being trained in
     * the window pauses meanwhile. {@code progress} gets a sentence now and then.
     */
    public void trainPair(Setup a, Setup b, double seconds, java.util.function.Consumer<String> progress,
                          java.util.function.BiConsumer<PairResult, PairResult> done) {
        training.set(false);
        soon(() -> {
            PairResult[] r = new PairResult[2];
            Setup[] both = {a, b};
            try {
                for (int i = 0; i < 2; i++) {
                    Setup s = both[i];
                    String label = i == 0 ? "A" : "B";
                    uiExecutor.execute(() -> progress.accept("Training " + label + " (" + s.schedule() + ") for " + (int) seconds + " s…"));
                    TrainableModel m = Models.create(s.spec(), s.schedule(), s.modelSeed());
                    Trainer tr = new Trainer(m, s.data(), s.config());
                    TrainingSnapshot snap = tr.run(Long.MAX_VALUE, seconds, null);
                    double k = lab.diffusion.engine.objective.Bounds.evaluate(m, s.data().heldout().head(2000), 17).kBits();
                    r[i] = new PairResult(label + ": " + s.schedule(), tr.history().curve(), k, snap.step(), snap.seconds());
                    Nd4jRuntime.collectGarbage();
                }
            } catch (RuntimeException e) {
                uiExecutor.execute(() -> progress.accept("The comparison stopped: " + e.getMessage()));
                return;
            }
            uiExecutor.execute(() -> done.accept(r[0], r[1]));
        });
    }

    /** Runs an engine-thread task now when idle, or between training chunks. */
    private void soon(Runnable task) {
        tasks.add(task);
        if (!training.get()) {
            worker.run(this::serveTasks); // idle: serve now (while training, the loop serves it between chunks)
        }
    }

    /** Engine thread: runs the waiting tasks. */
    private void serveTasks() {
        Runnable r;
        while ((r = tasks.poll()) != null) {
            r.run();
        }
    }

    private void rebuild() {
        resetAutoStop();
        model = Models.create(setup.spec(), setup.schedule(), setup.modelSeed());
        trainer = new Trainer(model, setup.data(), setup.config());
        trainer.addListener(snapshots::publish);
    }

    /** Starts (or continues) training until {@link #pause()}. */
    public void train() {
        if (!training.compareAndSet(false, true)) {
            return;
        }
        worker.run(this::trainingLoop);
    }

    /** Stops training after the current chunk (≤ 0.1 s). */
    public void pause() {
        training.set(false);
    }

    /** One optimizer step, then the displays are refreshed. */
    public void step() {
        training.set(false);
        worker.run(() -> {
            if (trainer == null) {
                return;
            }
            TrainingSnapshot s = trainer.run(1, Double.MAX_VALUE, null);
            if (s.status() == TrainingStatus.DIVERGED) {
                errors.publish(s.message());
            }
            version++;
            reverseWanted.set(true);
            pump();
        });
    }

    /** Discards training: fresh weights from the same seed, empty history. */
    public void reset() {
        training.set(false);
        worker.run(() -> {
            if (setup == null) {
                return;
            }
            rebuild();
            version++;
            reverseWanted.set(true);
            lastDriftVersion = -1;
            snapshots.publish(trainer.snapshot());
            pump();
            status.publish("Reset: fresh weights");
        });
    }

    public void setLearningRate(double lr) {
        worker.run(() -> {
            if (trainer != null) {
                trainer.setLearningRate(lr);
                snapshots.publish(trainer.snapshot());
            }
        });
    }

    public void setBatchSize(int b) {
        worker.run(() -> {
            if (trainer != null) {
                trainer.setBatchSize(b);
            }
        });
    }

    /** Number and seed of the reverse samples shown in the Reverse plot. */
    public void setSampling(int n, long seed) {
        displaySamples = n;
        displaySeed = seed;
        reverseWanted.set(true);
        schedulePump();
    }

    /** Asks for the drift field at t on a grid × grid lattice of the given data-unit bounds. */
    public void requestDrift(int t, double xMin, double xMax, double yMin, double yMax, int grid) {
        driftRequest.set(new DriftRequest(t, xMin, xMax, yMin, yMax, grid));
        schedulePump();
    }

    /** Asks for a reverse path starting where the given forward path (data units, t = 0..T) ends. */
    public void requestFollow(int index, float[] forwardPath) {
        followRequest.set(new FollowRequest(index, forwardPath.clone()));
        schedulePump();
    }

    /** Asks for inpainting or denoising with the current model (latest request wins). */
    public void requestCondition(ConditionRequest r) {
        conditionRequest.set(r);
        schedulePump();
    }

    /** Asks to recompute the reverse samples now. */
    public void refreshSamples() {
        reverseWanted.set(true);
        schedulePump();
    }

    private void schedulePump() {
        if (!training.get() && pumpScheduled.compareAndSet(false, true)) {
            worker.run(() -> {
                pumpScheduled.set(false);
                pump();
            });
        }
    }

    private void trainingLoop() {
        if (trainer == null) {
            training.set(false);
            return;
        }
        status.publish("Training");
        refreshCostNanos = 0;
        try {
            while (training.get()) {
                TrainingSnapshot s = trainer.runChunk(CHUNK_SECONDS, () -> !training.get());
                version++;
                serveTasks();
                if (checkAutoStop(s)) {
                    break;
                }
                if (s.status() == TrainingStatus.DIVERGED) {
                    training.set(false);
                    errors.publish(s.message());
                    break;
                }
                long now = System.nanoTime();
                long interval = Math.max(MIN_REFRESH_NANOS, (long) (TRAIN_TO_DISPLAY * refreshCostNanos));
                if (now - lastRefreshNanos >= interval) {
                    if (model.schedule().family() == lab.diffusion.engine.schedule.ScheduleFamily.LEARNED) {
                        learnedSchedule.publish(model.schedule());
                    }
                    reverseWanted.set(true);
                    lastDriftVersion = -1;
                    pump();
                    long end = System.nanoTime();
                    refreshCostNanos = end - now;
                    lastRefreshNanos = end;
                } else {
                    pump(false);
                }
            }
        } catch (RuntimeException e) {
            training.set(false);
            errors.publish("Training stopped: " + e.getMessage());
        } finally {
            if (trainer.status() != TrainingStatus.DIVERGED) {
                trainer.endChunks();
            }
            reverseWanted.set(true);
            pump();
            serveTasks();
            status.publish(trainer.status() == TrainingStatus.DIVERGED ? "Training diverged" : "Paused");
        }
    }

    /** Engine thread: true (and training stopped) when held-out K has stalled for the auto-stop time. */
    private boolean checkAutoStop(TrainingSnapshot s) {
        if (s.heldoutStep() > 0 && s.heldoutStep() != bestHeldoutStep && Double.isFinite(s.heldoutKBits())) {
            if (s.heldoutKBits() > bestHeldout + 1e-4) {
                bestHeldout = s.heldoutKBits();
                bestHeldoutAt = s.seconds();
            }
            bestHeldoutStep = s.heldoutStep();
        }
        if (bestHeldoutAt == 0 && bestHeldout == Double.NEGATIVE_INFINITY) {
            bestHeldoutAt = s.seconds(); // no evaluation yet: the patience starts now
        }
        double patience = autoStopSeconds;
        if (patience > 0 && s.seconds() - bestHeldoutAt >= patience && Double.isFinite(bestHeldout)) {
            training.set(false);
            stopped.publish(String.format("Auto-stopped at step %,d: held-out K has not improved for %.0f s (best %.3f bits).",
                    s.step(), s.seconds() - bestHeldoutAt, bestHeldout));
            return true;
        }
        return false;
    }

    private void resetAutoStop() {
        bestHeldout = Double.NEGATIVE_INFINITY;
        bestHeldoutAt = 0;
        bestHeldoutStep = 0;
    }

    /** Serves pending display requests, refreshing everything that is stale. Engine thread only. */
    private void pump() {
        pump(true);
    }

    /**
     * Serves what a person asked for (a followed point, a new t). With {@code refresh} it also
     * recomputes displays that only went stale because the model changed. Engine thread only.
     */
    private void pump(boolean refresh) {
        if (model == null) {
            return;
        }
        try {
            FollowRequest f = followRequest.getAndSet(null);
            if (f != null) {
                computeFollow(f);
            }
            ConditionRequest c = conditionRequest.getAndSet(null);
            if (c != null) {
                computeCondition(c);
            }
            if (refresh && reverseWanted.getAndSet(false)) {
                computeReverse();
            }
            DriftRequest d = driftRequest.get();
            if (d != null && (!d.equals(lastDrift) || (refresh && lastDriftVersion != version))) {
                computeDrift(d);
                lastDrift = d;
                lastDriftVersion = version;
            }
        } catch (RuntimeException e) {
            errors.publish("Display update failed: " + e.getMessage());
        }
    }

    private void computeReverse() {
        int n = displaySamples;
        if (model instanceof BinaryReverseModel b) {
            Trajectory tr = BinarySampler.sample(b, n, displaySeed, true);
            float[][] states = new float[tr.steps() + 1][];
            for (int t = 0; t <= tr.steps(); t++) {
                states[t] = tr.state(t);
            }
            lastReverseStates = states;
            lastDriftVersion = -1;
            reverse.publish(new Views.Reverse(states, n, trainer.step(), version));
            return;
        }
        Trajectory tr = Sampler.sample((ReverseModel) model, n, displaySeed, true);
        Standardizer st = setup.data().standardizer();
        float[][] states = new float[tr.steps() + 1][];
        if (setup.data().isImages()) {
            for (int t = 0; t <= tr.steps(); t++) {
                states[t] = ImageData.toGrey(tr.state(t), st);
            }
            reverse.publish(new Views.Reverse(states, n, trainer.step(), version));
            return;
        }
        for (int t = 0; t <= tr.steps(); t++) {
            states[t] = st.invert(PointSet.wrap(tr.state(t), 2)).toArray();
        }
        reverse.publish(new Views.Reverse(states, n, trainer.step(), version));
        PointSet held = setup.data().heldout();
        int m = Math.min(n, held.size());
        if (m >= 2) {
            PointSet gen = PointSet.wrap(Arrays.copyOf(tr.samples(), 2 * m), 2);
            quality.publish(new Views.Quality(SlicedWasserstein.distance(gen, held.head(m)), trainer.step()));
        }
    }

    private void computeCondition(ConditionRequest c) {
        if (!setup.data().isImages() || !(model instanceof ReverseModel gaussian) || c.grey().length != gaussian.dim()) {
            return; // the data changed since the request
        }
        Standardizer st = setup.data().standardizer();
        float[] x = ImageData.toModel(c.grey(), st);
        long t0 = System.nanoTime();
        Trajectory tr;
        if (c.kind() == Views.ConditionKind.INPAINT) {
            tr = Conditioning.inpaint(gaussian, x, c.hole(), c.samples(), c.seed(), true);
        } else {
            java.util.SplittableRandom rng = new java.util.SplittableRandom(c.seed() ^ 0x6E6F697365L);
            double sd = Math.sqrt(1.0 / c.snr());
            for (int i = 0; i < x.length; i++) {
                x[i] += (float) (sd * rng.nextGaussian());
            }
            tr = Conditioning.denoise(gaussian, x, 1.0 / c.snr(), c.samples(), c.seed(), true);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        float[][] states = new float[tr.steps() + 1][];
        for (int t = 0; t <= tr.steps(); t++) {
            states[t] = ImageData.toGrey(tr.state(t), st);
        }
        float[] observed = c.kind() == Views.ConditionKind.DENOISE ? ImageData.toGrey(x, st) : c.grey().clone();
        conditioned.publish(new Views.Conditioned(c.id(), c.kind(), states, c.samples(), observed, c.hole(), secs, trainer.step()));
    }

    private void computeDrift(DriftRequest d) {
        int steps = setup.schedule().steps();
        int t = Math.max(1, Math.min(steps, d.t()));
        if (model instanceof BinaryReverseModel b) {
            float[][] states = lastReverseStates;
            if (states == null || states.length != steps + 1) {
                return;
            }
            float[] x = states[t];
            int bits = b.dim();
            int n = x.length / bits;
            float[] prob = new float[x.length];
            Nd4jRuntime.run(() -> b.reverse(x, n, t, prob));
            probabilities.publish(new Views.Probabilities(t, prob, n, bits, trainer.step()));
            return;
        }
        ReverseModel model = (ReverseModel) this.model;
        if (model.dim() != 2) {
            return; // the drift field is drawn for 2D points only
        }
        Standardizer st = setup.data().standardizer();
        double[] m = st.mean();
        double s = st.scale();
        DriftField mf = DriftField.compute(model, t, (d.xMin() - m[0]) / s, (d.xMax() - m[0]) / s,
                (d.yMin() - m[1]) / s, (d.yMax() - m[1]) / s, d.grid(), d.grid());
        int n = d.grid() * d.grid();
        float[] x = new float[n];
        float[] y = new float[n];
        float[] dx = new float[n];
        float[] dy = new float[n];
        float[] grid = new float[2 * n];
        double[] len = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = (float) (mf.x()[k] * s + m[0]);
            y[k] = (float) (mf.y()[k] * s + m[1]);
            dx[k] = (float) (mf.dx()[k] * s);
            dy[k] = (float) (mf.dy()[k] * s);
            grid[2 * k] = mf.x()[k];
            grid[2 * k + 1] = mf.y()[k];
            len[k] = Math.hypot(dx[k], dy[k]);
        }
        DriftField field = new DriftField(t, d.grid(), d.grid(), d.xMin(), d.xMax(), d.yMin(), d.yMax(), x, y, dx, dy,
                mf.varX(), mf.varY(), mf.postVar(), mf.beta());
        float[] idx = null;
        float[] idy = null;
        if (setup.idealReference() != null && t >= 2) {
            float[] ideal = IdealDrift.at(setup.idealReference(), setup.schedule(), t, grid);
            idx = new float[n];
            idy = new float[n];
            for (int k = 0; k < n; k++) {
                idx[k] = (float) (ideal[2 * k] * s);
                idy[k] = (float) (ideal[2 * k + 1] * s);
            }
        }
        Arrays.sort(len);
        double typical = len[(int) (0.95 * (n - 1))];
        double cell = (d.xMax() - d.xMin()) / (d.grid() - 1);
        double scale = typical > 0 ? 0.9 * cell / typical : 1.0;
        drift.publish(new Views.Drift(field, idx, idy, scale, trainer.step()));
    }

    private void computeFollow(FollowRequest f) {
        if (!(model instanceof ReverseModel gaussian) || gaussian.dim() != 2) {
            return;
        }
        int steps = setup.schedule().steps();
        if (f.forwardPath().length != 2 * (steps + 1)) {
            return; // the schedule changed since the click
        }
        Standardizer st = setup.data().standardizer();
        double[] m = st.mean();
        double s = st.scale();
        float[] start = {
            (float) ((f.forwardPath()[2 * steps] - m[0]) / s),
            (float) ((f.forwardPath()[2 * steps + 1] - m[1]) / s)};
        Trajectory tr = Sampler.sampleFrom(gaussian, start, 1000L + f.index(), true);
        float[] path = new float[2 * (steps + 1)];
        for (int t = 0; t <= steps; t++) {
            float[] p = tr.state(t);
            path[2 * t] = (float) (p[0] * s + m[0]);
            path[2 * t + 1] = (float) (p[1] * s + m[1]);
        }
        follow.publish(new Views.Follow(f.index(), f.forwardPath(), path));
    }

    @Override
    public void close() {
        training.set(false);
        worker.close();
    }
}
