package lab.diffusion.engine.session;

import lab.diffusion.engine.model.ModelSpec;

/** Number of parameters a model spec needs, computed without building the model (no ND4J). */
final class ParameterCounts {

    private ParameterCounts() {
    }

    static long of(ModelSpec spec, int steps) {
        return spec.parameterCount(steps);
    }
}
