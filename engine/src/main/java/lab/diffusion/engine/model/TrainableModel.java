package lab.diffusion.engine.model;

import lab.diffusion.engine.nn.ParamBuffer;
import lab.diffusion.engine.schedule.Schedule;

/** A reverse model the trainer can optimize (Gaussian or binomial). Engine thread only. */
public interface TrainableModel {

    /** The noise a training batch carries per coordinate. */
    enum Noise {
        /** ε ~ N(0, 1) for x⁽ᵗ⁾ = √ᾱₜ x⁽⁰⁾ + √(1−ᾱₜ) ε. */
        GAUSSIAN,
        /** u ~ U(0, 1) for x⁽ᵗ⁾ = [u &lt; mₜ]. */
        UNIFORM
    }

    ModelSpec spec();

    Schedule schedule();

    /**
     * The schedule this model was built from: {@link #schedule()} itself, except for a learned
     * schedule, where it is the starting schedule the learned offsets apply to (sessions store it).
     */
    default Schedule baseSchedule() {
        return schedule();
    }

    default int dim() {
        return spec().dim();
    }

    /** Parameters (master copy and native buffers) and their gradient. */
    ParamBuffer parameters();

    /** Smallest t the training loss samples. */
    int firstTrainingStep();

    /** Computes the training loss of the batch and writes its gradient into {@link #parameters()}. */
    StepLoss lossAndGradient(TrainingBatch batch);

    /** L_null: the log-likelihood of the data under the equilibrium distribution alone, nats per example. */
    default double nullLogLikelihoodNats() {
        return GaussianTables.nullLogLikelihood(dim());
    }

    /**
     * Where a learned schedule's parameters sit in {@link #parameters()}: {from, to} (to
     * exclusive), or null when the schedule is fixed.
     */
    default int[] scheduleParameterRange() {
        return null;
    }

    /** The noise {@link TrainingBatch#eps} must hold. */
    default Noise noise() {
        return Noise.GAUSSIAN;
    }
}
