package lab.diffusion.engine.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;
import lab.diffusion.engine.data.BinaryData;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.data.DataSources;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.data.Preset;
import lab.diffusion.engine.io.ProcessInfo;
import lab.diffusion.engine.model.BinaryReverseModel;
import lab.diffusion.engine.model.Models;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.model.TrainableModel;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.nn.Optimizer;
import lab.diffusion.engine.sample.BinarySampler;
import lab.diffusion.engine.sample.Sampler;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.train.TrainConfig;
import lab.diffusion.engine.train.Trainer;
import lab.diffusion.engine.train.TrainingSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Training steps per second and seconds to sample full reverse trajectories (medians of several runs after warm-up).")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--batch", description = "Batch size. Default: 512, images 128")
    Integer batchOption;

    @Option(names = "--data", description = "Data to train on: the swiss roll (default), heartbeat for --model binomial, "
            + "or images: mnist, deadleaves.")
    String data;

    @Option(names = "--seconds", defaultValue = "10", description = "Total measured training time, split over the runs. Default: ${DEFAULT-VALUE}")
    double seconds;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs of each measurement (at least 3). Default: ${DEFAULT-VALUE}")
    int runs;

    @Option(names = "--samples", description = "Trajectories per sampling run. Default: 10000, images 8")
    Integer samplesOption;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        if (runs < 3) {
            throw new UserError("--runs must be at least 3 (the median of fewer is not a measurement)");
        }
        boolean images = ModelOptions.isImageData(data);
        int batch = batchOption != null ? batchOption : images ? 128 : 512;
        int samples = samplesOption != null ? samplesOption : images ? 8 : 10_000;
        if (!(seconds > 0) || samples < 1) {
            throw new UserError("--seconds and --samples must be positive");
        }
        Nd4jRuntime.configure();
        modelOptions.images(images);
        Schedule schedule = modelOptions.schedule();
        boolean binary = modelOptions.binomial();
        PointData data;
        try {
            data = images ? modelOptions.data(this.data, DataSources.DEFAULT_TRAIN, 200, 1)
                    : binary ? BinaryData.heartbeatData(DataSources.DEFAULT_TRAIN, 200, 1)
                    : DataSources.preset(Preset.SWISSROLL, DataSources.DEFAULT_TRAIN, 2000, 1);
        } catch (DataException e) {
            throw new UserError(e.getMessage());
        }
        var spec = modelOptions.spec(data);
        TrainableModel model = Models.create(spec, schedule, 1);
        Trainer trainer = new Trainer(model, data, new TrainConfig(Optimizer.Kind.ADAM, 1e-3, batch, 1, 0, 1));
        if (!json) {
            System.out.printf("bench: %s, %d parameters%n  %s, batch %d, Adam 1e-3, %s; 1 BLAS thread, 1 OpenMP thread; CPU %s%n",
                    spec.describe(), model.parameters().size(), schedule, batch, images ? data.source() : binary ? "heartbeat" : "swiss roll",
                    ProcessInfo.cpu());
        }
        trainer.run(Long.MAX_VALUE, 2.0, null); // warm-up: JIT, workspace learning
        double[] rates = new double[runs];
        for (int r = 0; r < runs; r++) {
            long s0 = trainer.step();
            long t0 = System.nanoTime();
            TrainingSnapshot s = trainer.run(Long.MAX_VALUE, seconds / runs, null);
            rates[r] = (s.step() - s0) / ((System.nanoTime() - t0) / 1e9);
        }
        sample(model, samples, 99); // warm-up
        double[] times = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            sample(model, samples, 100 + r);
            times[r] = (System.nanoTime() - t0) / 1e9;
        }
        double rate = median(rates);
        double time = median(times);
        if (json) {
            System.out.println(new Json().put("train_steps_per_s", rate).put("sample_10k_s", samples == 10_000 ? time : null)
                    .put("sample_s", time).put("samples", samples).put("runs", runs).put("batch", batch)
                    .put("T", schedule.steps()).put("model", spec.kind().id()).put("parameters", model.parameters().size())
                    .put("train_runs_steps_per_s", rates).put("sample_runs_s", times).put("cpu", ProcessInfo.cpu()));
        } else {
            System.out.printf("  training: median %.1f steps/s over %d runs of %.1f s (runs: %s)%n", rate, runs, seconds / runs,
                    format(rates, "%.1f"));
            System.out.printf("  sampling %d full %s (T = %d): median %.3f s over %d runs (runs: %s)%n", samples,
                    binary ? "sequences" : images ? "image trajectories" : "trajectories",
                    schedule.steps(), time, runs, format(times, "%.3f"));
        }
        return 0;
    }

    private static void sample(TrainableModel model, int n, long seed) {
        if (model instanceof BinaryReverseModel b) {
            BinarySampler.sample(b, n, seed, false);
        } else {
            Sampler.sample((ReverseModel) model, n, seed, false);
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static String format(double[] v, String f) {
        StringBuilder b = new StringBuilder();
        for (double x : v) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(String.format(f, x));
        }
        return b.toString();
    }
}
