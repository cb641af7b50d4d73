package lab.diffusion.engine.data;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.SplittableRandom;

/** Turns a data argument (a preset id or a CSV path) into {@link PointData}. */
public final class DataSources {

    /** Default number of training points drawn from a preset. */
    public static final int DEFAULT_TRAIN = 20_000;
    /** Default number of held-out points drawn from a preset. */
    public static final int DEFAULT_HELDOUT = 20_000;
    /** Smallest file the loader accepts: fewer points cannot be split into train and held-out. */
    public static final int MIN_FILE_POINTS = 10;

    private DataSources() {
    }

    /** Held-out points of a preset come from a different stream than the training points. */
    public static long heldoutSeed(long seed) {
        return seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    }

    /** A preset: nTrain training and nHeld held-out points, standardized with the preset's constants. */
    public static PointData preset(Preset preset, int nTrain, int nHeld, long seed) {
        Standardizer s = preset.standardizer();
        PointSet train = s.apply(preset.generate(nTrain, seed));
        PointSet held = s.apply(preset.generate(nHeld, heldoutSeed(seed)));
        return new PointData(preset.id(), train, held, s);
    }

    /**
     * Points from a CSV file: shuffled with the seed, 10% (at least one point) held out, the
     * standardizer fitted to the training part.
     */
    public static PointData file(Path csv, int expectedDim, long seed) throws DataException {
        return file(csv, expectedDim, seed, note -> { });
    }

    /** As {@link #file(Path, int, long)}, telling {@code notes} what was assumed about the file. */
    public static PointData file(Path csv, int expectedDim, long seed, Consumer<String> notes) throws DataException {
        PointSet raw = PointCsv.read(csv, expectedDim, PointCsv.MAX_POINTS, notes);
        return split(csv.getFileName().toString(), raw, seed);
    }

    /** Splits user points (data units) into standardized training and held-out sets. */
    public static PointData split(String source, PointSet raw, long seed) throws DataException {
        int n = raw.size();
        if (n < MIN_FILE_POINTS) {
            throw new DataException(source + " has " + n + " points; at least " + MIN_FILE_POINTS + " are needed");
        }
        int dim = raw.dim();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int nHeld = Math.max(1, n / 10);
        int nTrain = n - nHeld;
        float[] train = new float[nTrain * dim];
        float[] held = new float[nHeld * dim];
        for (int k = 0; k < n; k++) {
            if (k < nTrain) {
                raw.copyRow(order[k], train, k * dim);
            } else {
                raw.copyRow(order[k], held, (k - nTrain) * dim);
            }
        }
        PointSet trainRaw = PointSet.wrap(train, dim);
        Standardizer s;
        try {
            s = Standardizer.fit(trainRaw);
        } catch (IllegalArgumentException e) {
            throw new DataException(source + ": " + e.getMessage());
        }
        return new PointData(source, s.apply(trainRaw), s.apply(PointSet.wrap(held, dim)), s);
    }

    /**
     * Resolves a data argument: a preset id, or a path to a CSV file.
     *
     * @throws DataException if it is neither a preset nor a readable CSV file
     */
    public static PointData resolve(String spec, int nTrain, int nHeld, long seed) throws DataException {
        return resolve(spec, nTrain, nHeld, seed, note -> { });
    }

    /**
     * As {@link #resolve(String, int, int, long)}; a file must hold x,y rows, and what was assumed
     * about it goes to {@code notes}.
     */
    public static PointData resolve(String spec, int nTrain, int nHeld, long seed, Consumer<String> notes) throws DataException {
        Preset p = Preset.find(spec);
        if (p != null) {
            return preset(p, nTrain, nHeld, seed);
        }
        Path path = Path.of(spec);
        if (!path.toFile().exists()) {
            throw new DataException("'" + spec + "' is neither a preset (" + Preset.ids() + ") nor an existing file");
        }
        return file(path, 2, seed, notes);
    }
}
