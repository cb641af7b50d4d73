package lab.diffusion.engine.live;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import lab.diffusion.engine.live.LiveResults.PairResult;
import lab.diffusion.engine.live.LiveResults.Tagged;
import lab.diffusion.engine.model.BinaryReverseModel;
import lab.diffusion.engine.model.Models;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.model.TrainableModel;
import lab.diffusion.engine.sample.BinarySampler;
import lab.diffusion.engine.sample.ImportanceSampling;
import lab.diffusion.engine.sample.Sampler;
import lab.diffusion.engine.sample.Trajectory;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.session.Session;
import lab.diffusion.engine.session.Sessions;
import lab.diffusion.engine.train.Trainer;
import lab.diffusion.engine.train.TrainingSnapshot;
import lab.diffusion.engine.train.TrainingStatus;
import lab.diffusion.engine.worker.EngineWorker;

/**
 * An interactive session, headless: the one door a window (or a test) has to a model that
 * trains while it is looked at. Every method may be called from the UI thread and returns at
 * once; the work runs on one engine worker thread (which owns every ND4J call) and results
 * arrive through {@link #channels()} on the UI executor.
 *
 * <p>Every new model (configure with new weights, open a session) is a new <em>generation</em>;
 * results are tagged with theirs and only the newest generation's are delivered, so a window
 * never shows a replaced model's numbers. Work queued for a replaced model is skipped.
 */
public final class LiveEngine implements AutoCloseable {

    private final EngineWorker worker;
    private final Executor ui;
    private final AtomicLong generation = new AtomicLong();
    private final LiveChannels out;
    private final DisplayPump pump;
    private final AutoStop autoStop = new AutoStop();
    private final AtomicBoolean training = new AtomicBoolean();
    private final AtomicBoolean pumpScheduled = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final TrainingLoop loop;
    /** UI thread: the newest setup asked for (decides whether weights can be kept). */
    private LiveSetup lastSetup;
    /** Engine thread: the model held now. */
    private LiveModel current;

    /** An engine whose worker starts when {@code gate} completes (at most 2 s later; null: at once; see EngineWorker). */
    public LiveEngine(Executor ui, CompletableFuture<?> gate) {
        this.ui = ui;
        this.worker = new EngineWorker(gate, 2000);
        this.out = new LiveChannels(ui, generation::get);
        this.pump = new DisplayPump(out);
        this.loop = new TrainingLoop(training, pump, autoStop, out, this::serveTasks);
    }

    /** Where results arrive (on the UI executor). */
    public LiveChannels channels() {
        return out;
    }

    /** The newest model generation asked for (0 before the first). */
    public long generation() {
        return generation.get();
    }

    /** True when a result belongs to the newest model. */
    public boolean isCurrent(Tagged result) {
        return result.generation() == generation.get();
    }

    /** True while the training loop runs (or is about to). */
    public boolean isTraining() {
        return training.get();
    }

    /** Stops training when held-out K has not improved for this many seconds of training (0: never). */
    public void setAutoStop(double seconds) {
        autoStop.setPatience(seconds);
    }

    /** True when {@link #configure} with {@code next} and keepWeights would keep the model it has (same architecture and schedule). */
    public boolean keeps(LiveSetup next) {
        return next.sameModel(lastSetup);
    }

    /**
     * Installs a setup. With {@code keepWeights} and the same model (architecture and schedule)
     * the trained weights, optimizer and history stay, training goes on on the new data and the
     * generation stays; otherwise a fresh model is built as a new generation.
     *
     * @return the generation the setup's results will carry
     */
    public long configure(LiveSetup next, boolean keepWeights) {
        boolean wasTraining = training.getAndSet(false);
        boolean fresh = !keepWeights || !keeps(next);
        long g = fresh ? generation.incrementAndGet() : generation.get();
        lastSetup = next;
        worker.run(() -> {
            if (generation.get() != g) {
                return; // replaced before it ran
            }
            try {
                if (!fresh && current != null && current.generation() == g) {
                    current.trainer().replaceData(next.data());
                    current = new LiveModel(g, next, current.model(), current.trainer());
                    pump.modelChanged();
                    out.progress.publish(new LiveResults.Progress(g, current.trainer().snapshot()));
                } else {
                    TrainableModel model = Models.create(next.spec(), next.schedule(), next.modelSeed());
                    install(g, next, model, new Trainer(model, next.data(), next.config()));
                }
                pump.pump(current, true);
                out.status.publish("Ready: " + next.spec().describe());
            } catch (RuntimeException e) {
                out.errors.publish("Could not set up the model: " + e.getMessage());
            }
        });
        if (wasTraining && !fresh) {
            train();
        }
        return g;
    }

    /**
     * Installs a model saved in a session: its weights, optimizer state and progress, trained on
     * {@code next}'s data (the session's own). Training continues where the session stopped. The
     * session's model is a new generation; its held-out K is evaluated right after its first
     * samples are shown.
     *
     * @return completes when the model is installed (or the open was replaced before it ran)
     */
    public CompletableFuture<Void> open(Session session, LiveSetup next) {
        training.set(false);
        long g = generation.incrementAndGet();
        lastSetup = next;
        out.status.publish("Opening: " + session.model().describe() + "…");
        CompletableFuture<Void> installed = worker.run(() -> {
            if (generation.get() != g) {
                return;
            }
            try {
                TrainableModel model = Sessions.model(session);
                install(g, next, model, Sessions.trainer(session, model, next.config()));
                autoStop.reset(current.trainer().snapshot().seconds());
                if (model.schedule().family() == ScheduleFamily.LEARNED) {
                    out.learnedSchedule.publish(new LiveResults.LearnedSchedule(g, model.schedule()));
                }
                pump.pump(current, true); // the opened model's samples and drift first
                out.status.publish("Opened: " + next.spec().describe() + " — evaluating held-out K…");
            } catch (RuntimeException e) {
                out.errors.publish("Could not open the model: " + e.getMessage());
            }
        });
        worker.run(() -> { // then the per-step KL and variance bounds of the opened model
            LiveModel m = current;
            if (m == null || m.generation() != g || generation.get() != g || m.step() != session.training().steps()) {
                return; // replaced or trained on meanwhile
            }
            try {
                m.trainer().evaluateHeldout(() -> generation.get() != g); // a newer model does not wait for it
                out.progress.publish(new LiveResults.Progress(g, m.trainer().snapshot()));
                out.status.publish("Opened: " + next.spec().describe());
            } catch (CancellationException e) {
                // replaced while evaluating: the new model's work comes first
            } catch (RuntimeException e) {
                out.errors.publish("Could not evaluate the opened model: " + e.getMessage());
            }
        });
        return installed;
    }

    /** Engine thread: makes a model current as generation {@code g}. */
    private void install(long g, LiveSetup setup, TrainableModel model, Trainer trainer) {
        trainer.addListener(s -> out.progress.publish(new LiveResults.Progress(g, s)));
        current = new LiveModel(g, setup, model, trainer);
        autoStop.reset(0);
        pump.newModel(current);
        out.progress.publish(new LiveResults.Progress(g, trainer.snapshot()));
    }

    /**
     * Captures the current model, data and progress as a session on the engine thread and hands
     * it to {@code done} on the UI executor (null if there is no model yet).
     */
    public void capture(Consumer<Session> done) {
        capture().thenAccept(s -> ui.execute(() -> done.accept(s)));
    }

    /** As {@link #capture(Consumer)}, completing on the engine thread (for when the UI thread is gone). */
    public CompletableFuture<Session> capture() {
        CompletableFuture<Session> f = new CompletableFuture<>();
        soon(() -> {
            Session s = null;
            try {
                LiveModel m = current;
                if (m != null) {
                    s = Sessions.capture(m.trainer(), m.setup().modelSeed(), m.setup().config());
                }
            } catch (RuntimeException e) {
                out.errors.publish("Could not capture the session: " + e.getMessage());
            }
            f.complete(s);
        });
        return f;
    }

    /**
     * Samples n reverse trajectories of a model saved in a session (an earlier run), in the
     * display units of its data, and hands them to {@code done} on the UI executor (null on failure).
     */
    public void sampleSession(Session s, int n, long seed, Consumer<float[][]> done) {
        soon(() -> {
            float[][] states = null;
            try {
                TrainableModel m = Sessions.model(s);
                boolean binary = m instanceof BinaryReverseModel;
                int k = DisplayUnits.maxSamples(n, m.dim(), s.schedule().steps());
                Trajectory tr = m instanceof BinaryReverseModel b ? BinarySampler.sample(b, k, seed, true)
                        : Sampler.sample((ReverseModel) m, k, seed, true);
                states = DisplayUnits.states(tr, s.data(), binary);
            } catch (RuntimeException e) {
                out.errors.publish("Could not sample the earlier run: " + e.getMessage());
            }
            float[][] result = states;
            ui.execute(() -> done.accept(result));
        });
    }

    /**
     * Estimates the log-likelihood of held-out examples by importance sampling with the current
     * model (paper §2.3) and hands the result to {@code done} on the UI executor: null when the
     * model is not Gaussian, the estimate failed, or the model was replaced meanwhile.
     */
    public void estimateLogLikelihood(int samples, int points, Consumer<ImportanceSampling.Result> done) {
        long g = generation.get();
        soon(() -> {
            ImportanceSampling.Result r = null;
            LiveModel m = current;
            if (m != null && m.generation() == g && m.model() instanceof ReverseModel gaussian) {
                out.status.publish("Estimating log p by importance sampling…");
                try {
                    r = ImportanceSampling.estimate(gaussian, m.setup().data().heldout().head(points), samples, 23);
                } catch (RuntimeException e) {
                    out.errors.publish("The estimate failed: " + e.getMessage());
                }
                out.status.publish(training.get() ? "Training" : "Ready");
            }
            ImportanceSampling.Result result = generation.get() == g ? r : null;
            ui.execute(() -> done.accept(result));
        });
    }

    /**
     * Trains two fresh models one after the other for {@code seconds} each (same data and seed,
     * their own schedules) and hands both results to {@code done}; the model being trained live
     * pauses meanwhile. {@code progress} gets a sentence now and then (on the UI executor).
     */
    public void trainPair(LiveSetup a, LiveSetup b, double seconds, Consumer<String> progress,
                          BiConsumer<PairResult, PairResult> done) {
        training.set(false);
        soon(() -> {
            try {
                PairResult[] r = SchedulePair.train(a, b, seconds, m -> ui.execute(() -> progress.accept(m)));
                ui.execute(() -> done.accept(r[0], r[1]));
            } catch (RuntimeException e) {
                ui.execute(() -> progress.accept("The comparison stopped: " + e.getMessage()));
            }
        });
    }

    /** What the engine holds now, when the worker gets to it (between training chunks while training). */
    public CompletableFuture<LiveResults.State> state() {
        CompletableFuture<LiveResults.State> f = new CompletableFuture<>();
        soon(() -> f.complete(LiveModel.state(current, training.get())));
        return f;
    }

    /**
     * Runs an engine-thread task between training chunks while training, else in order with the
     * other work (so it sees every model asked for before it).
     */
    private void soon(Runnable task) {
        if (training.get()) {
            tasks.add(task); // the loop serves it after the current chunk, or when it ends
        } else {
            worker.run(task);
        }
    }

    /** Engine thread: runs the waiting tasks. */
    private void serveTasks() {
        Runnable r;
        while ((r = tasks.poll()) != null) {
            r.run();
        }
    }

    /** Starts (or continues) training until {@link #pause()}. */
    public void train() {
        if (training.compareAndSet(false, true)) {
            worker.run(() -> loop.run(current));
        }
    }

    /** Stops training within the current step (the chunk ends early). */
    public void pause() {
        training.set(false);
    }

    /** One optimizer step, then the displays are refreshed. */
    public void step() {
        training.set(false);
        worker.run(() -> {
            LiveModel m = current;
            if (m == null) {
                return;
            }
            TrainingSnapshot s = m.trainer().run(1, Double.MAX_VALUE, null);
            if (s.status() == TrainingStatus.DIVERGED) {
                out.errors.publish(s.message());
            }
            pump.modelChanged();
            pump.pump(m, true);
        });
    }

    /** Changes the learning rate of the current model (keeps its optimizer state). */
    public void setLearningRate(double lr) {
        worker.run(() -> {
            LiveModel m = current;
            if (m != null) {
                m.trainer().setLearningRate(lr);
                out.progress.publish(new LiveResults.Progress(m.generation(), m.trainer().snapshot()));
            }
        });
    }

    public void setBatchSize(int b) {
        worker.run(() -> {
            if (current != null) {
                current.trainer().setBatchSize(b);
            }
        });
    }

    /** Number and seed of the reverse samples shown for the current model (the next model brings its own). */
    public void setSampling(int n, long seed) {
        pump.setSampling(generation.get(), n, seed);
        schedulePump();
    }

    /**
     * Asks for the drift field at t over the given data-unit bounds (latest wins): {@code grid}
     * points along the shorter side, square cells.
     */
    public void requestDrift(int t, double xMin, double xMax, double yMin, double yMax, int grid) {
        pump.requestDrift(new DisplayPump.DriftRequest(t, xMin, xMax, yMin, yMax, grid));
        schedulePump();
    }

    /** Asks for a reverse path starting where the given forward path (data units, t = 0..T) ends (latest wins). */
    public void requestFollow(int index, float[] forwardPath) {
        pump.requestFollow(new DisplayPump.FollowRequest(index, forwardPath.clone()));
        schedulePump();
    }

    /** Asks for inpainting or denoising with the current model (latest wins). */
    public void requestCondition(ConditionRequest r) {
        pump.requestCondition(r);
        schedulePump();
    }

    /** Asks to recompute the reverse samples now. */
    public void refreshSamples() {
        pump.wantReverse();
        schedulePump();
    }

    private void schedulePump() {
        if (!training.get() && pumpScheduled.compareAndSet(false, true)) {
            worker.run(() -> {
                pumpScheduled.set(false);
                pump.pump(current, true);
            });
        }
    }

    @Override
    public void close() {
        training.set(false);
        worker.close();
    }
}
