package lab.diffusion.engine.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

@Command(name = "inpaint", mixinStandardHelpOptions = true,
        description = "Fill the white part of a mask in an image with samples of an image session (paper §2.5); "
                + "writes sample-1.png … sample-N.png and mean.png at the input's size.")
final class InpaintCommand implements Callable<Integer> {

    @Option(names = "--session", required = true, description = "Image session file (.dlab) or a bundled demo (digits, deadleaves).")
    String session;

    @Option(names = "--image", required = true, description = "PNG or JPEG to inpaint (converted to grey; the file is never modified).")
    String image;

    @Option(names = "--mask", required = true, description = "PNG or JPEG of the same size: white = the hole to fill, black = known.")
    String mask;

    @Option(names = "--samples", defaultValue = "8", description = "Posterior samples (1–64). Default: ${DEFAULT-VALUE}")
    int samples;

    @Option(names = "--seed", defaultValue = "7", description = "Sampling seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--out", required = true, description = "Folder for the PNG files (created if missing).")
    String out;

    @Option(names = "--force", description = "Replace existing sample-*.png and mean.png in --out.")
    boolean force;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (samples < 1 || samples > 64) {
            throw new UserError("--samples must be between 1 and 64");
        }
        List<String> files = ImageJob.names(samples);
        ImageJob job = ImageJob.open(session, out, files, force, "inpaint");
        ImageFiles.requireSameSize(Path.of(image), Path.of(mask));
        ImageFiles.Loaded in = job.read(image);
        boolean[] hole = ImageFiles.readMask(Path.of(mask), in.fileWidth(), in.fileHeight(), job.width, job.height);
        ImageFiles.Loaded full = ImageJob.readFull(image, in);
        ImageFiles.Loaded fullMask = ImageFiles.read(Path.of(mask), in.fileWidth(), in.fileHeight());
        float[] known = ImageData.toModel(in.grey(), job.standardizer);
        Nd4jRuntime.configure();
        ReverseModel model = (ReverseModel) Sessions.model(job.session);
        long t0 = System.nanoTime();
        Trajectory tr = Conditioning.inpaint(model, known, hole, samples, seed, true);
        double secs = (System.nanoTime() - t0) / 1e9;
        if (!tr.samplesInRange()) {
            throw new UserError(Trajectory.NON_FINITE + "; nothing was written");
        }
        float[] x = tr.samples();
        int fw = in.fileWidth();
        int fh = in.fileHeight();
        Map<String, AtomicFiles.Writer> out = new LinkedHashMap<>();
        for (int i = 0; i < samples; i++) {
            out.put(files.get(i), composite(job, job.grey(x, i), full.grey(), fullMask.grey(), fw, fh));
        }
        out.put("mean.png", composite(job, job.meanGrey(x, samples), full.grey(), fullMask.grey(), fw, fh));
        job.writeAll(out);
        int holes = 0;
        for (boolean h : hole) {
            holes += h ? 1 : 0;
        }
        if (json) {
            System.out.println(new Json().put("samples", samples).put("seconds", secs).put("hole_pixels", holes)
                    .put("pixels", hole.length).put("T", model.schedule().steps()).put("notes", in.notes())
                    .put("out", job.outDir.toString()));
        } else {
            for (String n : in.notes()) {
                System.out.println("note: " + n);
            }
            System.out.printf("inpainted %d of %d pixels (%d×%d model) with %d samples in %.2f s (T = %d, whole trajectory kept)%n",
                    holes, hole.length, job.width, job.height, samples, secs, model.schedule().steps());
            System.out.printf("wrote sample-1.png … sample-%d.png and mean.png (%d×%d) to %s%n", samples, fw, fh, job.outDir);
        }
        return 0;
    }

    /** The model-size result enlarged to the input's size, with the input's own pixels where the mask is black. */
    private static AtomicFiles.Writer composite(ImageJob job, float[] small, float[] input, float[] maskGrey, int fw, int fh) {
        float[] big = ImageFiles.resize(small, job.width, job.height, fw, fh);
        for (int p = 0; p < big.length; p++) {
            if (maskGrey[p] <= 127.5f) {
                big[p] = input[p];
            }
        }
        return ImageFiles.png(big, fw, fh, fw, fh);
    }
}
