package lab.diffusion.engine.model;

import lab.diffusion.engine.Named;
import lab.diffusion.engine.nn.Activation;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;

/**
 * Everything that defines a reverse model's architecture (not its weights).
 *
 * @param kind        the paper's μ,Σ model or the DDPM ε-model
 * @param dim         data dimension D
 * @param width       hidden units per layer
 * @param depth       number of hidden layers
 * @param activation  hidden nonlinearity
 * @param readout     temporal bumps or one readout per step (paper model)
 * @param bumps       number of Gaussian bumps J (paper model with bump readout)
 * @param meanForm    released-code or eq. 65 mean (paper model)
 * @param ddpmVariance fixed reverse variance of the DDPM model
 * @param embedding   size of the sinusoidal time embedding (DDPM model)
 * @param baseRate    p̄ of binomial diffusion (binomial model; NaN otherwise)
 * @param cleanBitHead binomial model: the readout predicts the clean bit and f_b mixes the two
 *                    closed-form posteriors (true), or f_b = σ(z + logit of the forward kernel) (false)
 */
public record ModelSpec(Kind kind, int dim, int width, int depth, Activation activation, Readout readout,
                        int bumps, MeanForm meanForm, DdpmVariance ddpmVariance, int embedding, double baseRate,
                        boolean cleanBitHead) {

    /** A spec with the kernel head for binomial models (every other kind ignores the head). */
    public ModelSpec(Kind kind, int dim, int width, int depth, Activation activation, Readout readout,
                     int bumps, MeanForm meanForm, DdpmVariance ddpmVariance, int embedding, double baseRate) {
        this(kind, dim, width, depth, activation, readout, bumps, meanForm, ddpmVariance, embedding, baseRate, false);
    }

    /** Largest width or embedding accepted (keeps memory sane). */
    public static final int MAX_WIDTH = 4096;

    /** The two model families. */
    public enum Kind implements Named {
        PAPER("paper"), DDPM("ddpm"), BINOMIAL("binomial");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        public static Kind parse(String text) {
            return Named.parse(Kind.class, text, "model");
        }
    }

    /**
     * How time enters the paper model: a readout through J bumps, one readout per step, or a
     * sinusoidal embedding of t fed to the network with the input (for images).
     */
    public enum Readout implements Named {
        BUMPS("bumps"), PER_STEP("perstep"), EMBEDDING("embedding");

        private final String id;

        Readout(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        public static Readout parse(String text) {
            return Named.parse(Readout.class, text, "readout");
        }
    }

    /**
     * The paper model's mean: released code f_μ = √(1−β)x + √β z_μ; eq. 65
     * f_μ = (x − z_μ)(1 − f_Σ) + z_μ; or eq. 65 with z_μ = x + (network output), i.e.
     * f_μ = x + f_Σ·z_μ ("residual": the network predicts how far the clean value lies from x,
     * which is what an MLP on a whole image can learn at high signal-to-noise).
     */
    public enum MeanForm implements Named {
        CODE("code"), EQ65("eq65"), RESIDUAL("residual");

        private final String id;

        MeanForm(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        public static MeanForm parse(String text) {
            return Named.parse(MeanForm.class, text, "mean form");
        }
    }

    /** Fixed variance of the DDPM reverse step: β̃ₜ (posterior) or βₜ. */
    public enum DdpmVariance implements Named {
        POSTERIOR("posterior"), BETA("beta");

        private final String id;

        DdpmVariance(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        public static DdpmVariance parse(String text) {
            return Named.parse(DdpmVariance.class, text, "DDPM variance");
        }
    }

    public ModelSpec {
        if (dim < 1 || dim > 100_000) {
            throw new IllegalArgumentException("data dimension must be between 1 and 100000, got " + dim);
        }
        if (width < 1 || width > MAX_WIDTH) {
            throw new IllegalArgumentException("width must be between 1 and " + MAX_WIDTH + ", got " + width);
        }
        if (depth < 1 || depth > 16) {
            throw new IllegalArgumentException("depth must be between 1 and 16 hidden layers, got " + depth);
        }
        if (readout == Readout.BUMPS && (bumps < 2 || bumps > 1000)) {
            throw new IllegalArgumentException("the number of bumps J must be between 2 and 1000, got " + bumps);
        }
        if (kind == Kind.BINOMIAL && !(baseRate > 0 && baseRate < 1)) {
            throw new IllegalArgumentException("the binomial base rate must be strictly between 0 and 1, got " + baseRate);
        }
        if (readout == Readout.EMBEDDING && kind == Kind.BINOMIAL) {
            throw new IllegalArgumentException("the binomial model reads time out through bumps or per step, not an embedding");
        }
        if (dim > 64 && kind == Kind.BINOMIAL) {
            throw new IllegalArgumentException("binary sequences are limited to 64 bits, got " + dim);
        }
        if ((kind == Kind.DDPM || (kind == Kind.PAPER && readout == Readout.EMBEDDING)) && (embedding < 2 || embedding > MAX_WIDTH || embedding % 2 != 0)) {
            throw new IllegalArgumentException("the time embedding size must be an even number from 2 to " + MAX_WIDTH + ", got " + embedding);
        }
    }

    /** The paper model as the defaults describe it: 3×128 tanh, 10 bumps, code-form mean. */
    public static ModelSpec paperDefault(int dim) {
        return new ModelSpec(Kind.PAPER, dim, 128, 3, Activation.TANH, Readout.BUMPS, 10, MeanForm.CODE,
                DdpmVariance.POSTERIOR, 32, Double.NaN);
    }

    /** The DDPM ε-model: 3×128 tanh on [x, 32-dim sinusoidal embedding of t], variance β̃ₜ. */
    public static ModelSpec ddpmDefault(int dim) {
        return new ModelSpec(Kind.DDPM, dim, 128, 3, Activation.TANH, Readout.BUMPS, 10, MeanForm.CODE,
                DdpmVariance.POSTERIOR, 32, Double.NaN);
    }

    /**
     * The paper's binomial model: 3×50 sigmoid units; time through J bumps; the clean-bit head
     * (the sigmoid readout gives the probability that each bit's clean value is 1).
     */
    public static ModelSpec binomialDefault(int bits, double baseRate, int bumps) {
        return new ModelSpec(Kind.BINOMIAL, bits, 50, 3, Activation.SIGMOID, Readout.BUMPS, bumps, MeanForm.CODE,
                DdpmVariance.POSTERIOR, 32, baseRate, true);
    }

    /** The same spec with the other binomial head. */
    public ModelSpec withCleanBitHead(boolean b) {
        return new ModelSpec(kind, dim, width, depth, activation, readout, bumps, meanForm, ddpmVariance, embedding, baseRate, b);
    }

    /**
     * The paper model for images: the paper's reverse parametrization with t through a 32-dim
     * sinusoidal embedding, 3 hidden tanh layers of {@code width} units.
     */
    public static ModelSpec imageDefault(int pixels, int width) {
        return new ModelSpec(Kind.PAPER, pixels, width, 3, Activation.TANH, Readout.EMBEDDING, 10, MeanForm.CODE,
                DdpmVariance.POSTERIOR, 32, Double.NaN);
    }

    /** True when time enters through an input embedding (DDPM, or the paper model's embedding readout). */
    public boolean embedsTime() {
        return kind == Kind.DDPM || (kind == Kind.PAPER && readout == Readout.EMBEDDING);
    }

    public ModelSpec withKind(Kind k) {
        return new ModelSpec(k, dim, width, depth, activation, readout, bumps, meanForm, ddpmVariance, embedding, baseRate, cleanBitHead);
    }

    /** Most parameters a model may have (keeps memory for weights, gradient and optimizer bounded). */
    public static final long MAX_PARAMETERS = 20_000_000L;

    /** Number of parameters of this architecture with a schedule of this family and T (a learned schedule adds T − 1). */
    public long parameterCount(Schedule schedule) {
        long n = parameterCount(schedule.steps());
        if (kind == Kind.PAPER && readout != Readout.EMBEDDING
                && schedule.family() == ScheduleFamily.LEARNED) {
            n += schedule.steps() - 1;
        }
        return n;
    }

    /** Number of parameters of this architecture for T steps (fixed schedule). */
    public long parameterCount(int steps) {
        long in = embedsTime() ? dim + embedding : dim;
        long basis = readout == Readout.BUMPS ? bumps : readout == Readout.EMBEDDING ? 1 : steps;
        long out = switch (kind) {
            case DDPM -> dim;
            case PAPER -> 2L * dim * basis;
            case BINOMIAL -> dim * basis;
        };
        long n = in * width + width;
        n += (depth - 1) * ((long) width * width + width);
        n += width * out + out;
        if (kind == Kind.PAPER && readout == Readout.EMBEDDING) {
            n += 3L * dim * bumps; // the per-coordinate skip of PaperEmbeddingModel
        }
        return n;
    }

    /** A one-line description for people. */
    public String describe() {
        int out = kind == Kind.PAPER ? 2 * dim * (readout == Readout.BUMPS ? bumps : readout == Readout.EMBEDDING ? 1 : 0)
                : kind == Kind.BINOMIAL ? dim * (readout == Readout.BUMPS ? bumps : 0) : dim;
        String net = dim + (embedsTime() ? "+" + embedding : "") + "→" + (width + "→").repeat(depth)
                + (out > 0 ? String.valueOf(out) : "2D·T") + " " + activation.id();
        String time = readout == Readout.BUMPS ? bumps + "-bump readout"
                : readout == Readout.EMBEDDING ? embedding + "-dim time embedding" : "per-step readout";
        if (kind == Kind.PAPER) {
            return "paper μ,Σ model (" + net + ", " + time + ", " + meanForm.id() + " mean)";
        }
        if (kind == Kind.BINOMIAL) {
            return String.format("binomial model (%s, %s, %s head, p̄ = %.4g)", net, time, cleanBitHead ? "clean-bit" : "kernel",
                    baseRate);
        }
        return "DDPM ε-model (" + net + ", " + embedding + "-dim time embedding, variance "
                + (ddpmVariance == DdpmVariance.POSTERIOR ? "β̃ₜ" : "βₜ") + ")";
    }
}
