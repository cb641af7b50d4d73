package lab.diffusion.engine.model;

import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;
import org.nd4j.linalg.api.buffer.DataType;

/** Creates reverse models. Must be called on the thread that owns ND4J. */
public final class Models {

    private Models() {
    }

    /** A new float32 model of any kind with weights initialized from the seed. */
    public static TrainableModel create(ModelSpec spec, Schedule schedule, long seed) {
        return create(spec, schedule, DataType.FLOAT, seed);
    }

    /** A new model of the given precision (DOUBLE for reference computations and gradient checks). */
    public static TrainableModel create(ModelSpec spec, Schedule schedule, DataType type, long seed) {
        if (schedule.family() == ScheduleFamily.LEARNED
                && (spec.kind() != ModelSpec.Kind.PAPER || spec.readout() == ModelSpec.Readout.EMBEDDING)) {
            throw new IllegalArgumentException("a learned schedule trains with the paper model's bound K (bump or per-step readout); "
                    + "the " + spec.kind().id() + " model cannot learn it");
        }
        long count = spec.parameterCount(schedule);
        if (count > ModelSpec.MAX_PARAMETERS) {
            throw new IllegalArgumentException(String.format("the model would have %,d parameters (more than %,d)%s; "
                    + "use fewer steps, a smaller network or the bump readout", count, ModelSpec.MAX_PARAMETERS,
                    spec.readout() == ModelSpec.Readout.PER_STEP ? " with one readout per step for T = " + schedule.steps() : ""));
        }
        return switch (spec.kind()) {
            case PAPER -> spec.readout() == ModelSpec.Readout.EMBEDDING ? new PaperEmbeddingModel(spec, schedule, type, seed)
                    : new PaperModel(spec, schedule, type, seed);
            case DDPM -> new DdpmModel(spec, schedule, type, seed);
            case BINOMIAL -> new BinomialModel(spec, schedule, type, seed);
        };
    }

    /** A new float32 Gaussian model (paper or DDPM). */
    public static ReverseModel gaussian(ModelSpec spec, Schedule schedule, long seed) {
        return gaussian(spec, schedule, DataType.FLOAT, seed);
    }

    /** A new Gaussian model of the given precision. */
    public static ReverseModel gaussian(ModelSpec spec, Schedule schedule, DataType type, long seed) {
        if (spec.kind() == ModelSpec.Kind.BINOMIAL) {
            throw new IllegalArgumentException("the binomial model is not a Gaussian model");
        }
        return (ReverseModel) create(spec, schedule, type, seed);
    }

    /** A new float32 binomial model. */
    public static BinaryReverseModel binomial(ModelSpec spec, Schedule schedule, long seed) {
        if (spec.kind() != ModelSpec.Kind.BINOMIAL) {
            throw new IllegalArgumentException("not a binomial model spec");
        }
        return (BinaryReverseModel) create(spec, schedule, seed);
    }
}
