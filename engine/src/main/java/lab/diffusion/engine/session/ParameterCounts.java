package lab.diffusion.engine.session;

import lab.diffusion.engine.model.ModelSpec;

/** Number of parameters a model spec needs, computed without building the model (no ND4J). */
final class ParameterCounts {

    private ParameterCounts() {
    }

    static long of(ModelSpec spec, int steps) {
        long in = spec.kind() == ModelSpec.Kind.DDPM ? spec.dim() + spec.embedding() : spec.dim();
        long basis = spec.readout() == ModelSpec.Readout.BUMPS ? spec.bumps() : steps;
        long out = switch (spec.kind()) {
            case DDPM -> spec.dim();
            case PAPER -> 2L * spec.dim() * basis;
            case BINOMIAL -> spec.dim() * basis;
        };
        long w = spec.width();
        long n = in * w + w;
        n += (spec.depth() - 1) * (w * w + w);
        n += w * out + out;
        return n;
    }
}
