package lab.diffusion.engine.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import lab.diffusion.engine.data.ImageData;
import lab.diffusion.engine.data.ImageFiles;
import lab.diffusion.engine.io.AtomicFiles;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.sample.Conditioning;
import lab.diffusion.engine.sample.Trajectory;
import lab.diffusion.engine.session.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "denoise", mixinStandardHelpOptions = true,
        description = "Posterior samples of a clean image given a noisy one, y = x + N(0, 1/SNR) in the model's standardized units "
                + "(paper §2.5); writes sample-1.png … sample-N.png and mean.png at the input's size.")
final class DenoiseCommand implements Callable<Integer> {

    @Option(names = "--session", required = true, description = "Image session file (.dlab) or a bundled demo (digits, deadleaves).")
    String session;

    @Option(names = "--image", required = true, description = "The noisy PNG or JPEG (converted to grey; the file is never modified).")
    String image;

    @Option(names = "--snr", required = true, description = "Signal-to-noise ratio of the observation: noise variance 1/SNR (data have unit variance).")
    double snr;

    @Option(names = "--add-noise", description = "The image is clean: add the noise of --snr first (seeded) and write it as noisy.png.")
    boolean addNoise;

    @Option(names = "--samples", defaultValue = "8", description = "Posterior samples (1–64). Default: ${DEFAULT-VALUE}")
    int samples;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the sampler (and of --add-noise). Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--out", required = true, description = "Folder for the PNG files (created if missing).")
    String out;

    @Option(names = "--force", description = "Replace existing files of the same names in --out.")
    boolean force;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (samples < 1 || samples > 64) {
            throw new UserError("--samples must be between 1 and 64");
        }
        if (!(snr > 0) || snr > 1e6) {
            throw new UserError("--snr must be a positive number up to 1e6");
        }
        List<String> files = new ArrayList<>(ImageJob.names(samples));
        if (addNoise) {
            files.add("noisy.png");
        }
        ImageJob job = ImageJob.open(session, out, files, force, "denoise");
        ImageFiles.Loaded in = job.read(image);
        float[] y = ImageData.toModel(in.grey(), job.standardizer);
        double var = 1.0 / snr;
        if (addNoise) {
            SplittableRandom rng = new SplittableRandom(seed ^ 0x6E6F697365L);
            double sd = Math.sqrt(var);
            for (int i = 0; i < y.length; i++) {
                y[i] += (float) (sd * rng.nextGaussian());
            }
        }
        Nd4jRuntime.configure();
        ReverseModel model = (ReverseModel) Sessions.model(job.session);
        long t0 = System.nanoTime();
        Trajectory tr = Conditioning.denoise(model, y, var, samples, seed, true);
        double secs = (System.nanoTime() - t0) / 1e9;
        if (!tr.samplesInRange()) {
            throw new UserError(Trajectory.NON_FINITE + "; nothing was written");
        }
        int fw = in.fileWidth();
        int fh = in.fileHeight();
        float[] x = tr.samples();
        Map<String, AtomicFiles.Writer> out = new LinkedHashMap<>();
        for (int i = 0; i < samples; i++) {
            out.put(files.get(i), ImageFiles.png(job.grey(x, i), job.width, job.height, fw, fh));
        }
        out.put("mean.png", ImageFiles.png(job.meanGrey(x, samples), job.width, job.height, fw, fh));
        if (addNoise) {
            out.put("noisy.png", ImageFiles.png(ImageData.toGrey(y, job.standardizer), job.width, job.height, fw, fh));
        }
        job.writeAll(out);
        if (json) {
            System.out.println(new Json().put("samples", samples).put("seconds", secs).put("snr", snr)
                    .put("T", model.schedule().steps()).put("notes", in.notes()).put("out", job.outDir.toString()));
        } else {
            for (String n : in.notes()) {
                System.out.println("note: " + n);
            }
            System.out.printf("denoised a %d×%d image at SNR %.3g with %d samples in %.2f s (T = %d)%n", job.width, job.height, snr,
                    samples, secs, model.schedule().steps());
            System.out.printf("wrote sample-1.png … sample-%d.png, mean.png%s (%d×%d) to %s%n", samples,
                    addNoise ? " and noisy.png" : "", fw, fh, job.outDir);
        }
        return 0;
    }
}
