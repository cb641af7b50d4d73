package lab.diffusion.engine.cli;

import lab.diffusion.engine.data.BinaryData;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.data.DataSources;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.nn.Activation;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import picocli.CommandLine.Option;

/**
 * Model architecture and schedule options shared by train and bench. Defaults depend on the
 * model: the Gaussian models use T = 40, log-SNR, 3×128 tanh; the binomial model the paper's
 * T = 2000, constant erasure, 3×50 sigmoid.
 */
final class ModelOptions {

    @Option(names = "--model", defaultValue = "paper",
            description = "paper (the paper's μ,Σ model), ddpm (ε-model) or binomial (binary data). Default: ${DEFAULT-VALUE}")
    String model;

    @Option(names = "--T", description = "Number of diffusion steps T. Default: 40, binomial 2000")
    Integer steps;

    @Option(names = "--schedule", description = "β schedule: paper, erasure, linear, cosine, logsnr. Default: logsnr, binomial erasure")
    String schedule;

    @Option(names = "--width", description = "Hidden units per layer. Default: 128, binomial 50")
    Integer width;

    @Option(names = "--depth", defaultValue = "3", description = "Hidden layers. Default: ${DEFAULT-VALUE}")
    int depth;

    @Option(names = "--activation", description = "tanh or sigmoid. Default: tanh, binomial sigmoid")
    String activation;

    @Option(names = "--readout", defaultValue = "bumps", description = "Time readout: bumps or perstep. Default: ${DEFAULT-VALUE}")
    String readout;

    @Option(names = "--bumps", description = "Number of temporal bumps J. Default: 10, binomial " + BINOMIAL_BUMPS)
    Integer bumps;

    @Option(names = "--mean", defaultValue = "code", description = "Paper model mean: code (released code) or eq65. Default: ${DEFAULT-VALUE}")
    String mean;

    @Option(names = "--ddpm-variance", defaultValue = "posterior", description = "DDPM reverse variance: posterior (β̃ₜ) or beta (βₜ). Default: ${DEFAULT-VALUE}")
    String ddpmVariance;

    @Option(names = "--embedding", defaultValue = "32", description = "DDPM time-embedding size (even). Default: ${DEFAULT-VALUE}")
    int embedding;

    /** Bumps of the binomial model by default: T = 2000 steps need finer time resolution than 10. */
    static final int BINOMIAL_BUMPS = 10;

    ModelSpec.Kind kind() {
        return ModelSpec.Kind.parse(model);
    }

    boolean binomial() {
        return kind() == ModelSpec.Kind.BINOMIAL;
    }

    Schedule schedule() {
        int t = steps != null ? steps : binomial() ? 2000 : 40;
        ScheduleFamily f = schedule != null ? ScheduleFamily.parse(schedule) : binomial() ? ScheduleFamily.ERASURE : ScheduleFamily.LOGSNR;
        return Schedules.create(f, t);
    }

    /** The data a --data argument names, for this model kind. */
    PointData data(String spec, int nTrain, int nHeld, long seed) throws DataException {
        if (binomial()) {
            if ("heartbeat".equalsIgnoreCase(spec.trim())) {
                return BinaryData.heartbeatData(nTrain, nHeld, seed);
            }
            java.nio.file.Path p = java.nio.file.Path.of(spec);
            if (!p.toFile().exists()) {
                throw new DataException("the binomial model needs binary data: 'heartbeat' or a CSV file of 0/1 rows ('" + spec
                        + "' is neither)");
            }
            return BinaryData.split(p.getFileName().toString(), BinaryData.readCsv(p), seed);
        }
        if ("heartbeat".equalsIgnoreCase(spec.trim())) {
            throw new DataException("the heartbeat is binary data: train it with --model binomial");
        }
        return DataSources.resolve(spec, nTrain, nHeld, seed);
    }

    ModelSpec spec(PointData data) {
        boolean bin = binomial();
        int w = width != null ? width : bin ? 50 : 128;
        Activation act = activation != null ? Activation.parse(activation) : bin ? Activation.SIGMOID : Activation.TANH;
        int j = bumps != null ? bumps : bin ? BINOMIAL_BUMPS : 10;
        double rate = bin ? BinaryData.baseRate(data.train()) : Double.NaN;
        return new ModelSpec(kind(), data.dim(), w, depth, act, ModelSpec.Readout.parse(readout), j,
                ModelSpec.MeanForm.parse(mean), ModelSpec.DdpmVariance.parse(ddpmVariance), embedding, rate);
    }
}
