package lab.diffusion.engine.model;

import lab.diffusion.engine.schedule.Schedule;
import org.nd4j.linalg.api.buffer.DataType;

/** Creates reverse models. Must be called on the thread that owns ND4J. */
public final class Models {

    private Models() {
    }

    /** A new float32 model with weights initialized from the seed. */
    public static ReverseModel create(ModelSpec spec, Schedule schedule, long seed) {
        return create(spec, schedule, DataType.FLOAT, seed);
    }

    /** A new model of the given precision (DOUBLE for reference computations and gradient checks). */
    public static ReverseModel create(ModelSpec spec, Schedule schedule, DataType type, long seed) {
        return switch (spec.kind()) {
            case PAPER -> new PaperModel(spec, schedule, type, seed);
            case DDPM -> new DdpmModel(spec, schedule, type, seed);
        };
    }
}
