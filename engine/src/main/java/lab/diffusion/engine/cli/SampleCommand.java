package lab.diffusion.engine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.diffusion.engine.data.BinaryData;
import lab.diffusion.engine.data.ImageData;
import lab.diffusion.engine.data.ImageFiles;
import lab.diffusion.engine.data.PointCsv;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.model.BinaryReverseModel;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.model.TrainableModel;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.sample.BinarySampler;
import lab.diffusion.engine.sample.Sampler;
import lab.diffusion.engine.sample.Trajectory;
import lab.diffusion.engine.session.Demos;
import lab.diffusion.engine.session.Session;
import lab.diffusion.engine.session.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Draw samples from a trained session and write them as CSV (x,y in data units; 0/1 rows for binomial sessions), "
                + "or for image sessions as one PNG grid.")
final class SampleCommand implements Callable<Integer> {

    @Option(names = "--session", required = true, description = "Session file (.dlab) or the name of a bundled demo.")
    String session;

    @Option(names = "--n", defaultValue = "5000", description = "Number of samples. Default: ${DEFAULT-VALUE}")
    int n;

    @Option(names = "--seed", defaultValue = "7", description = "Sampling seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--out", required = true, description = "CSV file to write (a .png file for image sessions).")
    String out;

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (n < 1 || n > 5_000_000) {
            throw new UserError("--n must be between 1 and 5000000");
        }
        Path outPath = Outputs.check(out, force);
        Session s = Demos.open(session);
        if (s.data().isImages() && !out.toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new UserError("image samples are written as a PNG grid: give --out a .png name");
        }
        if (s.data().isImages() && n > 1024) {
            throw new UserError("at most 1024 image samples fit in one grid");
        }
        Nd4jRuntime.configure();
        TrainableModel model = Sessions.model(s);
        long t0 = System.nanoTime();
        Trajectory tr = model instanceof BinaryReverseModel b ? BinarySampler.sample(b, n, seed, false)
                : Sampler.sample((ReverseModel) model, n, seed, false);
        double secs = (System.nanoTime() - t0) / 1e9;
        if (!tr.samplesInRange()) {
            throw new UserError(Trajectory.NON_FINITE + "; nothing was written");
        }
        float[] x = tr.samples();
        if (model instanceof BinaryReverseModel) {
            BinaryData.writeCsv(outPath, PointSet.wrap(x, model.dim()));
        } else if (s.data().isImages()) {
            int w = s.data().images().width();
            int h = s.data().images().height();
            List<float[]> imgs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                imgs.add(ImageData.toGrey(Arrays.copyOfRange(x, i * w * h, (i + 1) * w * h),
                        s.data().standardizer()));
            }
            ImageFiles.writeGrid(outPath, imgs, w, h, (int) Math.ceil(Math.sqrt(n)), 2);
        } else {
            PointCsv.write(outPath, s.data().standardizer().invert(PointSet.wrap(x, model.dim())));
        }
        if (json) {
            System.out.println(new Json().put("n", n).put("seconds", secs).put("out", outPath.toString()));
        } else {
            System.out.printf("wrote %d samples to %s (%.2f s)%n", n, outPath, secs);
        }
        return 0;
    }
}
