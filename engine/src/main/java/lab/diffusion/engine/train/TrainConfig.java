package lab.diffusion.engine.train;

import lab.diffusion.engine.nn.Optimizer;

/**
 * Optimization settings. Learning rate and batch size can also be changed on a running trainer.
 *
 * @param optimizer        Adam or RMSprop
 * @param learningRate     step size
 * @param batchSize        examples per step (each with its own t and ε)
 * @param seed             seeds data order, t and ε
 * @param evalEverySeconds held-out K is evaluated this often while training (≤ 0: never)
 * @param evalPoints       held-out points used for those periodic evaluations
 * @param scheduleRate     a learned schedule's offsets take steps of this factor × the learning rate
 * @param averageDecay     0, or the decay d in [0.9, 1) of an exponential moving average of the
 *                         weights kept while training ({@link Trainer#useAveragedWeights()})
 */
public record TrainConfig(Optimizer.Kind optimizer, double learningRate, int batchSize, long seed,
                          double evalEverySeconds, int evalPoints, double scheduleRate, double averageDecay) {

    public static final int MAX_BATCH = 65_536;
    /**
     * The learned schedule's default rate factor: the offsets step as fast as the network's weights
     * (on the swiss roll a factor of 0.1 gave the same K within run-to-run noise; see README).
     */
    public static final double DEFAULT_SCHEDULE_RATE = 1.0;

    public TrainConfig {
        Optimizer.checkLearningRate(learningRate);
        checkBatch(batchSize);
        if (evalPoints < 1) {
            throw new IllegalArgumentException("evaluation needs at least one held-out point");
        }
        if (!(scheduleRate > 0) || scheduleRate > 10) {
            throw new IllegalArgumentException("schedule rate factor must be in (0, 10], got " + scheduleRate);
        }
        if (averageDecay != 0 && !(averageDecay >= 0.9 && averageDecay < 1)) {
            throw new IllegalArgumentException("weight averaging decay must be 0 (off) or in [0.9, 1), got " + averageDecay);
        }
    }

    /** With the default schedule rate factor and no weight averaging. */
    public TrainConfig(Optimizer.Kind optimizer, double learningRate, int batchSize, long seed,
                       double evalEverySeconds, int evalPoints) {
        this(optimizer, learningRate, batchSize, seed, evalEverySeconds, evalPoints, DEFAULT_SCHEDULE_RATE, 0.0);
    }

    static void checkBatch(int batchSize) {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batch size must be between 1 and " + MAX_BATCH + ", got " + batchSize);
        }
    }

    /** Adam 1e-3, batch 512, seed 1, held-out K on 2,000 points every 10 s. */
    public static TrainConfig defaults() {
        return new TrainConfig(Optimizer.Kind.ADAM, 1e-3, 512, 1L, 10.0, 2000);
    }

    public TrainConfig withLearningRate(double lr) {
        return new TrainConfig(optimizer, lr, batchSize, seed, evalEverySeconds, evalPoints, scheduleRate, averageDecay);
    }

    public TrainConfig withBatchSize(int b) {
        return new TrainConfig(optimizer, learningRate, b, seed, evalEverySeconds, evalPoints, scheduleRate, averageDecay);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(optimizer, learningRate, batchSize, s, evalEverySeconds, evalPoints, scheduleRate, averageDecay);
    }

    public TrainConfig withEvaluation(double everySeconds, int points) {
        return new TrainConfig(optimizer, learningRate, batchSize, seed, everySeconds, points, scheduleRate, averageDecay);
    }

    public TrainConfig withScheduleRate(double factor) {
        return new TrainConfig(optimizer, learningRate, batchSize, seed, evalEverySeconds, evalPoints, factor, averageDecay);
    }

    /** Keeps an exponential moving average of the weights with this decay (0: off). */
    public TrainConfig withAveraging(double decay) {
        return new TrainConfig(optimizer, learningRate, batchSize, seed, evalEverySeconds, evalPoints, scheduleRate, decay);
    }

    public TrainConfig withOptimizer(Optimizer.Kind kind) {
        return new TrainConfig(kind, learningRate, batchSize, seed, evalEverySeconds, evalPoints, scheduleRate, averageDecay);
    }
}
