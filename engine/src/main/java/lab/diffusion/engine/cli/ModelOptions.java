package lab.diffusion.engine.cli;

import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.nn.Activation;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import picocli.CommandLine.Option;

/** Model architecture and schedule options shared by train and bench. */
final class ModelOptions {

    @Option(names = "--model", defaultValue = "paper", description = "paper (the paper's μ,Σ model) or ddpm (ε-model). Default: ${DEFAULT-VALUE}")
    String model;

    @Option(names = "--T", defaultValue = "40", description = "Number of diffusion steps T. Default: ${DEFAULT-VALUE}")
    int steps;

    @Option(names = "--schedule", defaultValue = "logsnr", description = "β schedule: paper, erasure, linear, cosine, logsnr. Default: ${DEFAULT-VALUE}")
    String schedule;

    @Option(names = "--width", defaultValue = "128", description = "Hidden units per layer. Default: ${DEFAULT-VALUE}")
    int width;

    @Option(names = "--depth", defaultValue = "3", description = "Hidden layers. Default: ${DEFAULT-VALUE}")
    int depth;

    @Option(names = "--activation", defaultValue = "tanh", description = "tanh or sigmoid. Default: ${DEFAULT-VALUE}")
    String activation;

    @Option(names = "--readout", defaultValue = "bumps", description = "Paper model time readout: bumps or perstep. Default: ${DEFAULT-VALUE}")
    String readout;

    @Option(names = "--bumps", defaultValue = "10", description = "Number of temporal bumps J. Default: ${DEFAULT-VALUE}")
    int bumps;

    @Option(names = "--mean", defaultValue = "code", description = "Paper model mean: code (released code) or eq65. Default: ${DEFAULT-VALUE}")
    String mean;

    @Option(names = "--ddpm-variance", defaultValue = "posterior", description = "DDPM reverse variance: posterior (β̃ₜ) or beta (βₜ). Default: ${DEFAULT-VALUE}")
    String ddpmVariance;

    @Option(names = "--embedding", defaultValue = "32", description = "DDPM time-embedding size (even). Default: ${DEFAULT-VALUE}")
    int embedding;

    Schedule schedule() {
        return Schedules.create(ScheduleFamily.parse(schedule), steps);
    }

    ModelSpec spec(int dim) {
        return new ModelSpec(ModelSpec.Kind.parse(model), dim, width, depth, Activation.parse(activation),
                ModelSpec.Readout.parse(readout), bumps, ModelSpec.MeanForm.parse(mean),
                ModelSpec.DdpmVariance.parse(ddpmVariance), embedding);
    }
}
