package lab.diffusion.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.data.ImageData;
import lab.diffusion.engine.data.ImageFiles;
import lab.diffusion.engine.data.Standardizer;
import lab.diffusion.engine.io.AtomicFiles;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.session.Demos;
import lab.diffusion.engine.session.Session;

/** What inpaint and denoise share: an image session, an input image, an output folder of PNGs. */
final class ImageJob {

    final Session session;
    final int width;
    final int height;
    final Standardizer standardizer;
    final Path outDir;

    private ImageJob(Session session, Path outDir) {
        this.session = session;
        this.width = session.data().images().width();
        this.height = session.data().images().height();
        this.standardizer = session.data().standardizer();
        this.outDir = outDir;
    }

    /** Opens the session (file or demo) and checks the output folder before any work. */
    static ImageJob open(String sessionName, String out, List<String> files, boolean force, String command) throws Exception {
        Session s = Demos.open(sessionName);
        if (!s.data().isImages()) {
            throw new UserError(command + " needs an image session (e.g. the demo 'digits'); " + sessionName + " holds "
                    + (s.model().kind() == ModelSpec.Kind.BINOMIAL ? "binary sequences" : "2D points"));
        }
        Path dir = Path.of(out).toAbsolutePath();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError(out + " is a file; --out names a folder for the PNG files");
        }
        if (!Files.exists(dir)) {
            Path parent = dir.getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new UserError("the folder that would hold " + out + " does not exist");
            }
        }
        if (!force) {
            for (String f : files) {
                if (Files.exists(dir.resolve(f))) {
                    throw new UserError(dir.resolve(f) + " already exists; use --force to replace it");
                }
            }
        }
        return new ImageJob(s, dir);
    }

    /** The input at the model's size (grey levels) with what was done to it. */
    ImageFiles.Loaded read(String image) throws DataException {
        return ImageFiles.read(Path.of(image), width, height);
    }

    /** The input at its own size (grey levels), for compositing the results. */
    static ImageFiles.Loaded readFull(String image, ImageFiles.Loaded small) throws DataException {
        return ImageFiles.read(Path.of(image), small.fileWidth(), small.fileHeight());
    }

    /**
     * Writes the output files together into the output folder (made if missing): all of them, or
     * none — a failure (a full disk) replaces no file and removes the folder again if this run
     * made it.
     */
    void writeAll(Map<String, AtomicFiles.Writer> files) throws IOException {
        boolean made = !Files.exists(outDir);
        Files.createDirectories(outDir);
        Map<Path, AtomicFiles.Writer> targets = new LinkedHashMap<>();
        files.forEach((name, w) -> targets.put(outDir.resolve(name), w));
        try {
            AtomicFiles.writeAll(targets);
        } catch (IOException e) {
            if (made) {
                try (Stream<Path> left = Files.list(outDir)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(outDir);
                    }
                }
            }
            throw e;
        }
    }

    /** Model units → grey levels of one sample (row i of a row-major n × D array). */
    float[] grey(float[] samples, int i) {
        int px = width * height;
        return ImageData.toGrey(Arrays.copyOfRange(samples, i * px, (i + 1) * px), standardizer);
    }

    /** Mean over samples, in grey levels. */
    float[] meanGrey(float[] samples, int n) {
        int px = width * height;
        float[] m = new float[px];
        for (int i = 0; i < n; i++) {
            float[] g = grey(samples, i);
            for (int p = 0; p < px; p++) {
                m[p] += g[p] / n;
            }
        }
        return m;
    }

    /** Names sample-1.png … sample-n.png and mean.png. */
    static List<String> names(int n) {
        List<String> f = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            f.add("sample-" + i + ".png");
        }
        f.add("mean.png");
        return f;
    }
}
