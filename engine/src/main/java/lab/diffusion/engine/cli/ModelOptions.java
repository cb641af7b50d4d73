package lab.diffusion.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import lab.diffusion.engine.data.BinaryData;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.data.DataSources;
import lab.diffusion.engine.data.ImageData;
import lab.diffusion.engine.data.ImageSet;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.nn.Activation;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleCsv;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import picocli.CommandLine.Option;

/**
 * Model architecture and schedule options shared by train and bench. Defaults depend on the
 * model and data: the Gaussian models use T = 40, log-SNR, 3×128 tanh on 2D points and, on
 * images, the paper's parametrization with a time embedding, T = 200, cosine, 3×512 tanh; the binomial
 * model the paper's T = 2000, constant erasure, 3×50 sigmoid.
 */
final class ModelOptions {

    @Option(names = "--model", defaultValue = "paper",
            description = "paper (the paper's μ,Σ model), ddpm (ε-model) or binomial (binary data). Default: ${DEFAULT-VALUE}")
    String model;

    @Option(names = "--T", description = "Number of diffusion steps T. Default: 40, images " + IMAGE_T + ", binomial 2000")
    Integer steps;

    @Option(names = "--schedule", description = "β schedule: paper, erasure, linear, cosine, logsnr, or learned (β₂…β_T trained with "
            + "the paper model, starting from --schedule-base). Default: logsnr, images cosine, binomial erasure")
    String schedule;

    @Option(names = "--schedule-base", defaultValue = "logsnr", description = "Starting schedule of --schedule learned. Default: ${DEFAULT-VALUE}")
    String scheduleBase;

    @Option(names = "--schedule-csv", description = "A schedule from a CSV file of t,β rows (as the app saves them); overrides --schedule and --T.")
    String scheduleCsv;

    @Option(names = "--width", description = "Hidden units per layer. Default: 128, images " + IMAGE_WIDTH + ", binomial 50")
    Integer width;

    @Option(names = "--depth", defaultValue = "3", description = "Hidden layers. Default: ${DEFAULT-VALUE}")
    int depth;

    @Option(names = "--activation", description = "tanh or sigmoid. Default: tanh, binomial sigmoid")
    String activation;

    @Option(names = "--readout", description = "How time enters the paper model: bumps, perstep or embedding. Default: bumps, images embedding")
    String readout;

    @Option(names = "--bumps", description = "Number of temporal bumps J. Default: 10, binomial " + BINOMIAL_BUMPS)
    Integer bumps;

    @Option(names = "--mean", defaultValue = "code", description = "Paper model mean: code (released code), eq65, or residual (eq. 65 with z_μ = x + network). Default: ${DEFAULT-VALUE}")
    String mean;

    @Option(names = "--ddpm-variance", defaultValue = "posterior", description = "DDPM reverse variance: posterior (β̃ₜ) or beta (βₜ). Default: ${DEFAULT-VALUE}")
    String ddpmVariance;

    @Option(names = "--embedding", defaultValue = "32", description = "Time-embedding size (even; DDPM and the embedding readout). Default: ${DEFAULT-VALUE}")
    int embedding;

    @Option(names = "--binomial-head", defaultValue = "clean-bit", description = "Binomial model readout: clean-bit (predicts each "
            + "bit's clean value; the reverse step mixes the two closed-form posteriors) or kernel (a correction to the forward "
            + "kernel's logit). Default: ${DEFAULT-VALUE}")
    String binomialHead;

    @Option(names = "--side", description = "Image side for dead leaves and folders of images (2.." + ImageSet.MAX_SIDE
            + "). Default: 28")
    Integer side;

    /** Steps of image models by default: enough for good samples, few enough to inpaint in well under 2 s. */
    static final int IMAGE_T = 200;
    static final int IMAGE_WIDTH = 512;

    /** Set by {@link #data} when the data are images (defaults differ). */
    private boolean images;

    /** Bumps of the binomial model by default: T = 2000 steps need finer time resolution than 10. */
    static final int BINOMIAL_BUMPS = 10;

    ModelSpec.Kind kind() {
        return ModelSpec.Kind.parse(model);
    }

    boolean binomial() {
        return kind() == ModelSpec.Kind.BINOMIAL;
    }

    /** True when --data names images (mnist, deadleaves or a folder), for defaults chosen before loading. */
    static boolean isImageData(String spec) {
        return spec != null && (ImageData.isImageSource(spec.trim())
                || Files.isDirectory(Path.of(spec)));
    }

    /** Tells the options that the data are images (for the defaults of T, width and readout). */
    void images(boolean isImages) {
        this.images = isImages;
    }

    Schedule schedule() {
        int t = steps != null ? steps : binomial() ? 2000 : images ? IMAGE_T : 40;
        if (scheduleCsv != null) {
            try {
                return ScheduleCsv.read(Path.of(scheduleCsv));
            } catch (DataException e) {
                throw new UserError(e.getMessage());
            }
        }
        ScheduleFamily f = schedule != null ? ScheduleFamily.parse(schedule)
                : binomial() ? ScheduleFamily.ERASURE : images ? ScheduleFamily.COSINE : ScheduleFamily.LOGSNR;
        if (f == ScheduleFamily.LEARNED) {
            ScheduleFamily b = ScheduleFamily.parse(scheduleBase);
            if (!b.isStandard()) {
                throw new UserError("--schedule-base must be one of paper, erasure, linear, cosine, logsnr");
            }
            return Schedule.ofBetas(ScheduleFamily.LEARNED, Schedules.create(b, t).betas());
        }
        if (f == ScheduleFamily.CUSTOM) {
            throw new UserError("a custom schedule comes from a file: use --schedule-csv FILE");
        }
        return Schedules.create(f, t);
    }

    /** The data a --data argument names, for this model kind. */
    PointData data(String spec, int nTrain, int nHeld, long seed) throws DataException {
        if (binomial()) {
            if ("heartbeat".equalsIgnoreCase(spec.trim())) {
                return BinaryData.heartbeatData(nTrain, nHeld, seed);
            }
            Path p = Path.of(spec);
            if (!p.toFile().exists()) {
                throw new DataException("the binomial model needs binary data: 'heartbeat' or a CSV file of 0/1 rows ('" + spec
                        + "' is neither)");
            }
            return BinaryData.split(p.getFileName().toString(), BinaryData.readCsv(p), seed);
        }
        if ("heartbeat".equalsIgnoreCase(spec.trim())) {
            throw new DataException("the heartbeat is binary data: train it with --model binomial");
        }
        if (isImageData(spec)) {
            images = true;
            if (side != null && (side < 2 || side > ImageSet.MAX_SIDE)) {
                throw new DataException("--side must be between 2 and " + ImageSet.MAX_SIDE);
            }
            return ImageData.resolve(spec.trim(), nTrain, nHeld, side == null ? 0 : side, seed, ModelOptions::note);
        }
        return DataSources.resolve(spec, nTrain, nHeld, seed, ModelOptions::note);
    }

    ModelSpec spec(PointData data) {
        boolean bin = binomial();
        boolean img = data.isImages();
        int w = width != null ? width : bin ? 50 : img ? IMAGE_WIDTH : 128;
        Activation act = activation != null ? Activation.parse(activation) : bin ? Activation.SIGMOID : Activation.TANH;
        int j = bumps != null ? bumps : bin ? BINOMIAL_BUMPS : 10;
        double rate = bin ? BinaryData.baseRate(data.train()) : Double.NaN;
        ModelSpec.Readout r = readout != null ? ModelSpec.Readout.parse(readout)
                : img && kind() == ModelSpec.Kind.PAPER ? ModelSpec.Readout.EMBEDDING : ModelSpec.Readout.BUMPS;
        return new ModelSpec(kind(), data.dim(), w, depth, act, r, j,
                ModelSpec.MeanForm.parse(mean), ModelSpec.DdpmVariance.parse(ddpmVariance), embedding, rate, bin && cleanBitHead());
    }

    private boolean cleanBitHead() {
        String h = binomialHead.trim().toLowerCase(Locale.ROOT);
        if (h.equals("clean-bit") || h.equals("cleanbit")) {
            return true;
        }
        if (h.equals("kernel")) {
            return false;
        }
        throw new UserError("--binomial-head must be clean-bit or kernel, not '" + binomialHead + "'");
    }

    /** What a reader assumed or skipped, on the error stream (stdout may be JSON). */
    static void note(String text) {
        System.err.println("note: " + text);
    }
}
