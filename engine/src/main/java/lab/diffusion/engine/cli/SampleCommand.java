package lab.diffusion.engine.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import lab.diffusion.engine.data.PointCsv;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.model.BinaryReverseModel;
import lab.diffusion.engine.model.TrainableModel;
import lab.diffusion.engine.data.BinaryData;
import lab.diffusion.engine.sample.BinarySampler;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.sample.Sampler;
import lab.diffusion.engine.session.Session;
import lab.diffusion.engine.session.SessionFile;
import lab.diffusion.engine.session.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Draw samples from a trained session and write them as CSV (x,y in data units; 0/1 rows for binomial sessions).")
final class SampleCommand implements Callable<Integer> {

    @Option(names = "--session", required = true, description = "Session file (.dlab).")
    String session;

    @Option(names = "--n", defaultValue = "5000", description = "Number of samples. Default: ${DEFAULT-VALUE}")
    int n;

    @Option(names = "--seed", defaultValue = "7", description = "Sampling seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--out", required = true, description = "CSV file to write.")
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
        Session s = SessionFile.read(Path.of(session));
        Nd4jRuntime.configure();
        TrainableModel model = Sessions.model(s);
        long t0 = System.nanoTime();
        double secs;
        if (model instanceof BinaryReverseModel b) {
            float[] x = BinarySampler.sample(b, n, seed, false).samples();
            secs = (System.nanoTime() - t0) / 1e9;
            BinaryData.writeCsv(outPath, PointSet.wrap(x, model.dim()));
        } else {
            float[] x = Sampler.sample((ReverseModel) model, n, seed, false).samples();
            secs = (System.nanoTime() - t0) / 1e9;
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
