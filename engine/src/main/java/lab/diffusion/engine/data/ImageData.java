package lab.diffusion.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import lab.diffusion.engine.io.InputFiles;

/**
 * Image training sets as model points (paper-math §10): grey levels g ∈ {0..255} are
 * dequantized to g + u with u ~ U[0, 1) and standardized by one global mean and one scale, so
 * log p(image) in grey-level units is log p(points) − D·ln(scale).
 */
public final class ImageData {

    /** Name of the bundled MNIST digit subset (9,000 training, 1,000 held-out digits). */
    public static final String MNIST = "mnist";
    /** Name of the generated dead-leaves images. */
    public static final String DEADLEAVES = "deadleaves";
    /** Side of generated dead-leaves images. */
    public static final int DEADLEAVES_SIDE = 28;
    /** Most images read from a folder. */
    public static final int MAX_FOLDER_IMAGES = 20_000;
    private static final String RESOURCES = "/lab/diffusion/assets/images/";

    private ImageData() {
    }

    /** True for the names of bundled or generated image sets. */
    public static boolean isImageSource(String name) {
        return MNIST.equalsIgnoreCase(name) || DEADLEAVES.equalsIgnoreCase(name);
    }

    /** The bundled MNIST training digits (all but the last 100 of each class). */
    public static ImageSet mnistTrain() throws DataException {
        return resource("mnist-train.dlimg.gz");
    }

    /** The bundled held-out MNIST digits (the last 100 of each class; never trained on). */
    public static ImageSet mnistHeldout() throws DataException {
        return resource("mnist-heldout.dlimg.gz");
    }

    private static ImageSet resource(String file) throws DataException {
        try (InputStream in = ImageData.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new DataException("the bundled image set " + file + " is missing from the assets jar");
            }
            return ImageSet.read(in, file);
        } catch (IOException e) {
            throw new DataException("cannot read the bundled " + file + ": " + e.getMessage());
        }
    }

    /** Points from 8-bit images: dequantized with the seed and standardized with {@code s}. */
    public static PointSet points(ImageSet images, Standardizer s, long dequantSeed) {
        int px = images.pixels();
        int n = images.count();
        double m = s.mean()[0];
        double scale = s.scale();
        SplittableRandom rng = new SplittableRandom(dequantSeed);
        float[] c = new float[n * px];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < px; p++) {
                c[i * px + p] = (float) ((images.grey(i, p) + rng.nextDouble() - m) / scale);
            }
        }
        return PointSet.wrap(c, px);
    }

    /**
     * One global mean and scale for dequantized grey levels: m = mean grey + ½, s² = the
     * variance of g + u over all pixels (grey-level variance + 1/12).
     */
    public static Standardizer standardizer(ImageSet train) {
        int px = train.pixels();
        double mean = train.meanGrey();
        double ss = 0;
        for (int i = 0; i < train.count(); i++) {
            for (int p = 0; p < px; p++) {
                double v = train.grey(i, p) - mean;
                ss += v * v;
            }
        }
        double var = ss / ((double) train.count() * px) + 1.0 / 12.0;
        double[] m = new double[px];
        Arrays.fill(m, mean + 0.5);
        return new Standardizer(m, Math.sqrt(var));
    }

    /** Training and held-out images as model data; the standardizer is fitted to the training images. */
    public static PointData of(String source, ImageSet train, ImageSet heldout, long seed) {
        Standardizer s = standardizer(train);
        long trainSeed = seed * 0x9E3779B97F4A7C15L + 17;
        long heldSeed = DataSources.heldoutSeed(trainSeed);
        return new PointData(source, points(train, s, trainSeed), points(heldout, s, heldSeed), s,
                new PointData.Images(train, heldout, seed));
    }

    /** Rebuilds image data exactly from its images, seed and standardizer (for sessions). */
    public static PointData rebuild(String source, PointData.Images images, Standardizer s) {
        long trainSeed = images.dequantSeed() * 0x9E3779B97F4A7C15L + 17;
        long heldSeed = DataSources.heldoutSeed(trainSeed);
        return new PointData(source, points(images.train(), s, trainSeed), points(images.heldout(), s, heldSeed), s, images);
    }

    /**
     * Resolves an image data argument: {@code mnist}, {@code deadleaves}, or a folder of PNG/JPEG
     * files (converted to grey, resized to {@code side}×{@code side}, 10 % held out).
     */
    public static PointData resolve(String spec, int nTrain, int nHeld, int side, long seed) throws DataException {
        return resolve(spec, nTrain, nHeld, side, seed, note -> { });
    }

    /** As {@link #resolve(String, int, int, int, long)}, telling {@code notes} about skipped files. */
    public static PointData resolve(String spec, int nTrain, int nHeld, int side, long seed, Consumer<String> notes)
            throws DataException {
        if (MNIST.equalsIgnoreCase(spec)) {
            ImageSet train = mnistTrain();
            ImageSet held = mnistHeldout();
            return of(MNIST, nTrain < train.count() ? train.slice(0, nTrain) : train,
                    nHeld < held.count() ? held.slice(0, nHeld) : held, seed);
        }
        if (DEADLEAVES.equalsIgnoreCase(spec)) {
            int s = side > 0 ? side : DEADLEAVES_SIDE;
            return of(DEADLEAVES, DeadLeaves.generate(nTrain, s, seed), DeadLeaves.generate(nHeld, s, DataSources.heldoutSeed(seed)), seed);
        }
        Path dir = Path.of(spec);
        if (!Files.isDirectory(dir)) {
            throw new DataException("'" + spec + "' is not an image set (mnist, deadleaves) nor a folder of PNG/JPEG files");
        }
        return folder(dir, side > 0 ? side : 28, seed, notes);
    }

    private static String skippedNote(List<String> skipped, int of) {
        return String.format("skipped %d of %d images that could not be read (first: %s)", skipped.size(), of, skipped.get(0));
    }

    /** Every PNG/JPEG in a folder (sorted by name), grey, side×side; 10 % (at least one) held out. */
    public static PointData folder(Path dir, int side, long seed) throws DataException {
        return folder(dir, side, seed, note -> { });
    }

    /**
     * As {@link #folder(Path, int, long)}; a file that cannot be read is skipped, and
     * {@code notes} hears how many were and why the first one was.
     */
    public static PointData folder(Path dir, int side, long seed, Consumer<String> notes) throws DataException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            // files only: a pipe or device named like an image would never finish reading
            files = s.filter(p -> ImageFiles.isImageName(p.getFileName().toString()) && InputFiles.isRegular(p)).sorted()
                    .limit(MAX_FOLDER_IMAGES + 1L).toList();
        } catch (IOException e) {
            throw new DataException("cannot list " + dir + ": " + e.getMessage());
        }
        if (files.size() > MAX_FOLDER_IMAGES) {
            throw new DataException(dir + " holds more than " + MAX_FOLDER_IMAGES + " images; use a smaller folder");
        }
        if (files.size() < 2) {
            throw new DataException(dir + " holds " + files.size() + " PNG/JPEG images; at least 2 are needed (one is held out)");
        }
        List<float[]> imgs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path f : files) {
            try {
                imgs.add(ImageFiles.read(f, side, side).grey());
            } catch (DataException e) {
                skipped.add(e.getMessage());
            }
        }
        if (!skipped.isEmpty()) {
            notes.accept(skippedNote(skipped, files.size()));
        }
        if (imgs.size() < 2) {
            throw new DataException(dir + " holds " + imgs.size() + " readable PNG/JPEG images; at least 2 are needed"
                    + (skipped.isEmpty() ? "" : " (" + skippedNote(skipped, files.size()) + ")"));
        }
        int px = side * side;
        int n = imgs.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int nHeld = Math.max(1, n / 10);
        byte[] train = new byte[(n - nHeld) * px];
        byte[] held = new byte[nHeld * px];
        for (int k = 0; k < n; k++) {
            float[] g = imgs.get(order[k]);
            byte[] dst = k < n - nHeld ? train : held;
            int off = (k < n - nHeld ? k : k - (n - nHeld)) * px;
            for (int p = 0; p < px; p++) {
                dst[off + p] = (byte) Math.round(Math.max(0, Math.min(255, g[p])));
            }
        }
        ImageSet tr = ImageSet.of(side, side, train, null);
        ImageSet he = ImageSet.of(side, side, held, null);
        if (tr.meanGrey() == 0 && he.meanGrey() == 0) {
            throw new DataException(dir + ": every image is black");
        }
        return of(dir.getFileName().toString(), tr, he, seed);
    }

    /** Grey levels (0..255, row-major) → model units with a data set's standardizer (no dequantization noise: + ½). */
    public static float[] toModel(float[] grey, Standardizer s) {
        double m = s.mean()[0];
        float[] x = new float[grey.length];
        for (int i = 0; i < grey.length; i++) {
            x[i] = (float) ((grey[i] + 0.5 - m) / s.scale());
        }
        return x;
    }

    /** Model units → grey levels 0..255 (clamped). */
    public static float[] toGrey(float[] x, Standardizer s) {
        double m = s.mean()[0];
        float[] g = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = (float) Math.max(0, Math.min(255, x[i] * s.scale() + m - 0.5));
        }
        return g;
    }
}
