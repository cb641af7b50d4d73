package lab.diffusion.engine.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import lab.diffusion.engine.data.BinaryData;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.io.ProcessInfo;
import lab.diffusion.engine.model.Models;
import lab.diffusion.engine.model.TrainableModel;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.nn.Optimizer;
import lab.diffusion.engine.objective.BoundReport;
import lab.diffusion.engine.objective.Bounds;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.session.SessionFile;
import lab.diffusion.engine.session.Sessions;
import lab.diffusion.engine.train.TrainConfig;
import lab.diffusion.engine.train.Trainer;
import lab.diffusion.engine.train.TrainingSnapshot;
import lab.diffusion.engine.train.TrainingStatus;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a reverse model on 2D data and save the session.")
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--data",
            description = "A preset (swissroll, moons, gaussians8, rings, checkerboard, spiral, smiley) or a CSV file of x,y rows; "
                    + "images: mnist (bundled digits), deadleaves (generated) or a folder of PNG/JPEG files; "
                    + "for --model binomial: heartbeat or a CSV file of 0/1 rows. Default: swissroll, binomial heartbeat")
    String data;

    @Option(names = "--n", description = "Training points drawn from a preset or generator (mnist: at most 9000). Default: 20000")
    Integer nTrain;

    @Option(names = "--heldout", description = "Held-out points drawn from a preset or generator (mnist: at most 1000). Default: 20000, images 1000")
    Integer nHeld;

    @Mixin
    ModelOptions modelOptions;

    static final class Limit {
        @Option(names = "--steps", description = "Train for this many steps.")
        Long steps;

        @Option(names = "--seconds", description = "Train for this many seconds.")
        Double seconds;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Limit limit;

    @Option(names = "--batch", description = "Batch size. Default: 512, images 128")
    Integer batchOption;

    @Option(names = "--compact", description = "Write a compact session (float32 weights, no optimizer state), as the bundled demos are.")
    boolean compact;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Learning rate. Default: ${DEFAULT-VALUE}")
    double lr;

    @Option(names = "--optimizer", defaultValue = "adam", description = "adam or rmsprop. Default: ${DEFAULT-VALUE}")
    String optimizer;

    @Option(names = "--lr-end", description = "Decay the learning rate exponentially from --lr to this value over the run (by steps or seconds).")
    Double lrEnd;

    @Option(names = "--schedule-rate", description = "With --schedule learned: the schedule's step size as a factor of --lr. Default: "
            + TrainConfig.DEFAULT_SCHEDULE_RATE)
    Double scheduleRate;

    @Option(names = "--ema", description = "Keep an exponential moving average of the weights with this decay; held-out K, "
            + "the final K and the saved session use the averaged weights (0: off, the last weights are used). "
            + "Default: " + DEFAULT_EMA_2D + " for 2D points, off for sequences and images")
    Double ema;

    /**
     * The weight-averaging decay for 2D points when {@code --ema} is not given. On the swiss roll
     * (paper model, batch 512, Adam 1e-3, ~500 steps/s) it gave held-out K −1.371/−1.371 after 60 s
     * and −1.241/−1.255 after 180 s (seeds 1, 2) against −1.558/−1.532 and −1.334/−1.357 for the
     * last weights of the same runs (see README). Not measured for sequences or images, so off there.
     */
    static final double DEFAULT_EMA_2D = 0.999;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for data, weights, batches and noise. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--eval-every", defaultValue = "10", description = "Seconds between held-out K evaluations while training (0: never). Default: ${DEFAULT-VALUE}")
    double evalEvery;

    @Option(names = "--eval-points", defaultValue = "2000", description = "Held-out points for those evaluations. Default: ${DEFAULT-VALUE}")
    int evalPoints;

    @Option(names = "--out", description = "Session file to write (.dlab).")
    String out;

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    @Option(names = "--json", description = "Print one JSON object instead of the summary.")
    boolean json;

    /** Fewer training examples than this get a warning. */
    static final int FEW_EXAMPLES = 100;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        long maxSteps = limit != null && limit.steps != null ? limit.steps : Long.MAX_VALUE;
        double maxSeconds = limit != null && limit.seconds != null ? limit.seconds : (maxSteps == Long.MAX_VALUE ? 60.0 : Double.MAX_VALUE);
        if (maxSteps < 1 || !(maxSeconds > 0)) {
            throw new UserError("--steps and --seconds must be positive");
        }
        String dataSpec = data != null ? data : modelOptions.binomial() ? "heartbeat" : "swissroll";
        boolean imageData = ModelOptions.isImageData(dataSpec);
        int nTrain = this.nTrain != null ? this.nTrain : 20_000;
        int nHeld = this.nHeld != null ? this.nHeld : imageData ? 1000 : 20_000;
        int batch = batchOption != null ? batchOption : imageData ? 128 : 512;
        if (nTrain < 1 || nHeld < 1 || nTrain > 5_000_000 || nHeld > 5_000_000) {
            throw new UserError("--n and --heldout must be between 1 and 5000000");
        }
        Path outPath = out == null ? null : Outputs.check(out, force);
        modelOptions.images(imageData);
        Schedule schedule = modelOptions.schedule();
        double schedRate = scheduleRate == null ? TrainConfig.DEFAULT_SCHEDULE_RATE : scheduleRate;
        if (scheduleRate != null && schedule.family() != ScheduleFamily.LEARNED) {
            throw new UserError("--schedule-rate applies only to --schedule learned");
        }
        if (!(schedRate > 0) || schedRate > 10) {
            throw new UserError("--schedule-rate must be in (0, 10], got " + schedRate);
        }
        if (ema != null && ema != 0 && !(ema >= 0.9 && ema < 1)) {
            throw new UserError("--ema must be 0 (off) or in [0.9, 1), got " + ema);
        }
        boolean binary = modelOptions.binomial();
        double emaDecay = ema != null ? ema : binary || imageData ? 0.0 : DEFAULT_EMA_2D;
        TrainConfig config = new TrainConfig(Optimizer.Kind.parse(optimizer), lr, batch, seed, evalEvery, evalPoints, schedRate,
                emaDecay);
        PointData pd = modelOptions.data(dataSpec, nTrain, nHeld, seed);
        if (pd.train().size() < FEW_EXAMPLES) {
            System.err.println("warning: " + pd.train().size() + " training example" + (pd.train().size() == 1 ? "" : "s")
                    + ": the model can learn only these, not a distribution (a thousand or more are usual)");
        }
        var spec = modelOptions.spec(pd);
        Nd4jRuntime.configure();
        double rssStart = ProcessInfo.rssMb();
        TrainableModel model = Models.create(spec, schedule, seed);
        Trainer trainer = new Trainer(model, pd, config);
        PrintStream log = System.err;
        if (!quiet) {
            log.printf("training %s%n  on %s: %d training / %d held-out points; %s; batch %d, %s lr %g%s, seed %d%s%n",
                    spec.describe(), pd.source(), pd.train().size(), pd.heldout().size(), schedule, batch, optimizer, lr,
                    lrEnd == null ? "" : String.format(" → %g", lrEnd), seed,
                    emaDecay > 0 ? String.format("; weights averaged with decay %s (--ema 0: off)", emaDecay) : "");
        }
        if (lrEnd != null) {
            if (!(lrEnd > 0) || lrEnd > lr) {
                throw new UserError("--lr-end must be positive and at most --lr");
            }
            long first = trainer.step();
            trainer.addListener(s -> {
                double f = maxSteps != Long.MAX_VALUE ? (double) (s.step() - first) / maxSteps : s.seconds() / maxSeconds;
                trainer.setLearningRate(lr * Math.pow(lrEnd / lr, Math.min(1.0, Math.max(0.0, f))));
            });
        }
        long[] lastPrint = {System.nanoTime()};
        double[] rssAfter10s = {Double.NaN};
        trainer.addListener(s -> {
            if (Double.isNaN(rssAfter10s[0]) && s.seconds() >= 10) {
                rssAfter10s[0] = ProcessInfo.rssMb();
            }
        });
        if (!quiet) {
            trainer.addListener(s -> {
                long now = System.nanoTime();
                if (now - lastPrint[0] >= 5_000_000_000L) {
                    lastPrint[0] = now;
                    log.printf("  step %7d  %6.1f s  K≈%7.3f bits  held-out K%s %s  %5.0f steps/s  RSS %.0f MB (ND4J native %.0f MB, heap %.0f MB)%n",
                            s.step(), s.seconds(), s.kBits(), emaDecay > 0 ? " (averaged)" : "",
                            Double.isNaN(s.heldoutKBits()) ? "   –   " : String.format("%7.3f", s.heldoutKBits()),
                            s.stepsPerSecond(), ProcessInfo.rssMb(), Nd4jRuntime.nativeMb(), ProcessInfo.heapMb());
                }
            });
        }
        TrainingSnapshot end = trainer.run(maxSteps, maxSeconds, null);
        double rssEnd = ProcessInfo.rssMb();
        PointSet evalSet = Bounds.withinBudget(pd.heldout(), model.schedule().steps());
        BoundReport k = FinalBound.evaluate(model, evalSet, seed + 1, quiet ? null : log);
        BoundReport last = null;
        if (end.status() != TrainingStatus.DIVERGED && trainer.useAveragedWeights()) {
            last = k;
            k = FinalBound.evaluate(model, evalSet, seed + 1, quiet ? null : log);
        }
        String fewer = FinalBound.note(k, pd.heldout().size(), model.schedule().steps());
        String unit = binary ? "sequence" : pd.isImages() ? "image" : "sample";
        double optimum = binary ? -BinaryData.empiricalEntropyBits(pd.train()) : Double.NaN;
        double stepsPerSecond = end.seconds() > 0 ? end.step() / end.seconds() : 0;
        boolean diverged = end.status() == TrainingStatus.DIVERGED;
        if (outPath != null) {
            SessionFile.write(outPath, Sessions.capture(trainer, seed, config), compact);
        }
        if (json) {
            Json j = new Json().put("steps", end.step()).put("seconds", end.seconds())
                    .put("train_steps_per_s", stepsPerSecond).put("K_bits", k.kBits())
                    .put("K_minus_Lnull_bits", k.kMinusLnullBits()).put("Lnull_bits", k.lnullBits())
                    .put("heldout_points", k.samples()).put("K_standard_error_bits", k.standardErrorBits())
                    .put("optimum_bits", optimum).put("diverged", diverged)
                    .put("K_last_weights_bits", last == null ? null : last.kBits())
                    .put("message", end.message())
                    .put("rss_start_mb", rssStart).put("rss_after_10s_mb", rssAfter10s[0]).put("rss_end_mb", rssEnd)
                    .put("out", outPath == null ? null : outPath.toString());
            if (pd.isImages()) {
                ImageBits.put(j, k, pd.standardizer());
            }
            System.out.println(j);
        } else {
            System.out.printf("trained %d steps in %.1f s (%.0f steps/s)%n", end.step(), end.seconds(), stepsPerSecond);
            System.out.printf("held-out K = %.4f bits/%s   K − L_null = %.4f bits   L_null = %.4f bits   (%d held-out %ss)%n",
                    k.kBits(), unit, k.kMinusLnullBits(), k.lnullBits(), k.samples(), binary ? "sequence" : "point");
            if (fewer != null) {
                System.out.println(fewer);
            }
            if (last != null) {
                System.out.printf("  with the averaged weights (--ema %s); the last weights themselves: K = %.4f bits/%s%n", emaDecay,
                        last.kBits(), unit);
            }
            if (binary) {
                System.out.printf("optimum (entropy of the training sequences) = %.4f bits/sequence%n", optimum);
            }
            if (pd.isImages()) {
                System.out.println(ImageBits.describe(k, pd.standardizer()));
            }
            System.out.printf("resident memory %.0f MB before training, %s after 10 s, %.0f MB at the end of training%n", rssStart,
                    Double.isNaN(rssAfter10s[0]) ? "–" : String.format("%.0f MB", rssAfter10s[0]), rssEnd);
            if (outPath != null) {
                System.out.println("session written to " + outPath);
            }
        }
        if (diverged) {
            System.err.println("error: " + end.message());
            return Main.EXIT_USER;
        }
        return 0;
    }
}
