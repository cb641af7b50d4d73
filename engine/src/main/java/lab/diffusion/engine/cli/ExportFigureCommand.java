package lab.diffusion.engine.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import lab.diffusion.engine.data.ImageFiles;
import lab.diffusion.engine.io.AtomicFiles;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.render.SessionFigures;
import lab.diffusion.engine.session.Demos;
import lab.diffusion.engine.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export-figure", mixinStandardHelpOptions = true,
        description = "The paper's Figure 1 for a session as a PNG: forward, reverse and (2D) drift at t = 0, T/2 and T.")
final class ExportFigureCommand implements Callable<Integer> {

    @Option(names = "--session", required = true, description = "Session file (.dlab) or a bundled demo.")
    String session;

    @Option(names = "--out", required = true, description = "PNG file to write.")
    String out;

    @Option(names = "--width", defaultValue = "1200", description = "Figure width in points. Default: ${DEFAULT-VALUE}")
    int width;

    @Option(names = "--scale", defaultValue = "2", description = "Pixels per point (2 for slides). Default: ${DEFAULT-VALUE}")
    double scale;

    @Option(names = "--n", defaultValue = "2000", description = "Points to show (sequences: 64, images: 16 at most). Default: ${DEFAULT-VALUE}")
    int n;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the trajectories. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (width < 300 || width > 4000) {
            throw new UserError("--width must be between 300 and 4000");
        }
        if (!(scale >= 0.5 && scale <= 4)) {
            throw new UserError("--scale must be between 0.5 and 4");
        }
        if (n < 1 || n > 20_000) {
            throw new UserError("--n must be between 1 and 20000");
        }
        Path outPath = Outputs.check(out, force);
        Session s = Demos.open(session);
        Nd4jRuntime.configure();
        SessionFigures f = SessionFigures.of(s, n, seed);
        BufferedImage img = f.figure(width, scale);
        AtomicFiles.write(outPath, o -> ImageFiles.encodePng(img, o));
        System.out.printf("wrote the figure (%d×%d pixels, t = 0, %d, %d) to %s%n", img.getWidth(), img.getHeight(), f.steps() / 2,
                f.steps(), outPath);
        return 0;
    }
}
