package lab.diffusion.engine.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.diffusion.engine.io.GifWriter;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.render.SessionFigures;
import lab.diffusion.engine.session.Demos;
import lab.diffusion.engine.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export-gif", mixinStandardHelpOptions = true,
        description = "An animated GIF of the forward or reverse process of a session, one frame per t.")
final class ExportGifCommand implements Callable<Integer> {

    @Option(names = "--session", required = true, description = "Session file (.dlab) or a bundled demo.")
    String session;

    @Option(names = "--process", defaultValue = "forward", description = "forward (data → noise) or reverse (noise → data). Default: ${DEFAULT-VALUE}")
    String process;

    @Option(names = "--out", required = true, description = "GIF file to write.")
    String out;

    @Option(names = "--size", defaultValue = "480", description = "Plot side in pixels. Default: ${DEFAULT-VALUE}")
    int size;

    @Option(names = "--delay", defaultValue = "80", description = "Milliseconds per frame. Default: ${DEFAULT-VALUE}")
    int delay;

    @Option(names = "--n", defaultValue = "2000", description = "Points (sequences: 64, images: 16 at most) to show. Default: ${DEFAULT-VALUE}")
    int n;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the trajectories. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SessionFigures.Process p = switch (process.toLowerCase(Locale.ROOT)) {
            case "forward" -> SessionFigures.Process.FORWARD;
            case "reverse" -> SessionFigures.Process.REVERSE;
            default -> throw new UserError("--process must be forward or reverse, got '" + process + "'");
        };
        if (size < 64 || size > 2000) {
            throw new UserError("--size must be between 64 and 2000 pixels");
        }
        if (delay < 10 || delay > 10_000) {
            throw new UserError("--delay must be between 10 and 10000 ms");
        }
        if (n < 1 || n > 20_000) {
            throw new UserError("--n must be between 1 and 20000");
        }
        Path outPath = Outputs.check(out, force);
        Session s = Demos.open(session);
        Nd4jRuntime.configure();
        long t0 = System.nanoTime();
        SessionFigures f = SessionFigures.of(s, n, seed);
        int steps = f.steps();
        GifWriter.write(outPath, steps + 1, i -> f.frame(p, p == SessionFigures.Process.FORWARD ? i : steps - i, size, 1.0), delay,
                i -> { }, () -> false);
        double secs = (System.nanoTime() - t0) / 1e9;
        if (json) {
            System.out.println(new Json().put("frames", steps + 1).put("seconds", secs).put("out", outPath.toString()));
        } else {
            System.out.printf("wrote %d frames (%s process, t = %s) to %s in %.2f s%n", steps + 1, process,
                    p == SessionFigures.Process.FORWARD ? "0 → " + steps : steps + " → 0", outPath, secs);
        }
        return 0;
    }
}
