package lab.diffusion.engine.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import lab.diffusion.engine.io.AtomicFiles;
import lab.diffusion.engine.io.CsvRows;

/**
 * Binary sequences (rows of 0/1, stored as a {@link PointSet} of 0f/1f): the paper's heartbeat
 * and sequences people make, read from CSV.
 */
public final class BinaryData {

    /** Longest sequence accepted. */
    public static final int MAX_BITS = 64;
    /** Most sequences a file may hold. */
    public static final int MAX_ROWS = 1_000_000;
    /** Heartbeat: length 20, a 1 every 5th bin. */
    public static final int HEARTBEAT_BITS = 20;
    public static final int HEARTBEAT_PERIOD = 5;

    private BinaryData() {
    }

    /** n heartbeat sequences: a 1 every 5th bin, first pulse uniform over bins 0–4. */
    public static PointSet heartbeat(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] c = new float[n * HEARTBEAT_BITS];
        for (int i = 0; i < n; i++) {
            int phase = r.nextInt(HEARTBEAT_PERIOD);
            for (int k = phase; k < HEARTBEAT_BITS; k += HEARTBEAT_PERIOD) {
                c[i * HEARTBEAT_BITS + k] = 1f;
            }
        }
        return PointSet.wrap(c, HEARTBEAT_BITS);
    }

    /** The heartbeat as training (n) and held-out (nHeld) sets; no standardization. */
    public static PointData heartbeatData(int n, int nHeld, long seed) {
        return new PointData("heartbeat", heartbeat(n, seed), heartbeat(nHeld, DataSources.heldoutSeed(seed)),
                identity(HEARTBEAT_BITS));
    }

    /** The identity standardizer for binary data. */
    public static Standardizer identity(int bits) {
        return new Standardizer(new double[bits], 1.0);
    }

    /** Mean rate of ones over all bits. */
    public static double baseRate(PointSet data) {
        double s = 0;
        int n = data.size();
        int d = data.dim();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                s += data.get(i, k);
            }
        }
        return s / ((double) n * d);
    }

    /**
     * The entropy of the empirical distribution of distinct sequences, in bits: −K of a model
     * that learned the training set exactly (log₂ 5 = 2.3219 for the heartbeat).
     */
    public static double empiricalEntropyBits(PointSet data) {
        Map<String, Integer> counts = new HashMap<>();
        int n = data.size();
        int d = data.dim();
        char[] key = new char[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                key[k] = data.get(i, k) > 0.5f ? '1' : '0';
            }
            counts.merge(new String(key), 1, Integer::sum);
        }
        double h = 0;
        for (int c : counts.values()) {
            double p = (double) c / n;
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    /**
     * Reads sequences: one per line, either 0/1 values separated by commas, semicolons, tabs or
     * spaces, or a run of 0/1 characters ("01001…"); an optional header line (a first row that is
     * not 0/1 values and holds a word, e.g. b1,b2,…); blank lines and '#' comments are skipped.
     *
     * @throws DataException for a non-binary value, rows of different lengths, more than 64 bits,
     *                       an empty file — with the line number
     */
    public static PointSet readCsv(Path file) throws DataException {
        try (CsvRows rows = CsvRows.open(file, "a file of 0/1 sequences")) {
            return parse(rows);
        } catch (CsvRows.Unreadable e) {
            throw new DataException(e.getMessage());
        }
    }

    static PointSet parse(CsvRows rows) throws CsvRows.Unreadable, DataException {
        String name = rows.name();
        int bits = 0;
        float[] buf = new float[1024];
        int count = 0;
        int n = 0;
        boolean first = true;
        String[] fields;
        while ((fields = rows.next()) != null) {
            long lineNo = rows.line();
            String[] tokens = fields.length != 1 ? fields
                    : fields[0].matches("[01]+") ? fields[0].split("") : fields[0].split("\\s+");
            if (first) {
                first = false;
                if (isHeader(tokens)) {
                    continue;
                }
            }
            if (bits == 0) {
                bits = tokens.length;
                if (bits > MAX_BITS) {
                    throw new DataException(name + ", line " + lineNo + ": " + bits + " bits; sequences are limited to " + MAX_BITS);
                }
            }
            if (tokens.length != bits) {
                throw new DataException(name + ", line " + lineNo + ": " + tokens.length + " values, but the first sequence has " + bits);
            }
            if (++n > MAX_ROWS) {
                throw new DataException(name + " has more than " + MAX_ROWS + " sequences");
            }
            if (count + bits > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + bits));
            }
            for (String v : tokens) {
                if (v.equals("0")) {
                    buf[count++] = 0f;
                } else if (v.equals("1")) {
                    buf[count++] = 1f;
                } else {
                    throw new DataException(name + ", line " + lineNo + ": '" + (v.length() > 20 ? v.substring(0, 20) + "…" : v)
                            + "' is not 0 or 1");
                }
            }
        }
        if (count == 0) {
            throw new DataException(name + " contains no sequences");
        }
        return PointSet.wrap(Arrays.copyOf(buf, count), bits);
    }

    /** A first row of names: some field holds a letter and none is a 0/1 value. */
    private static boolean isHeader(String[] tokens) {
        boolean word = false;
        for (String t : tokens) {
            if (t.equals("0") || t.equals("1")) {
                return false;
            }
            word |= t.chars().anyMatch(Character::isLetter);
        }
        return word;
    }

    /**
     * Shuffles with the seed and holds out 10 % (at least one sequence); the base rate must lie
     * strictly between 0 and 1.
     */
    public static PointData split(String source, PointSet rows, long seed) throws DataException {
        int n = rows.size();
        if (n < DataSources.MIN_FILE_POINTS) {
            throw new DataException(source + " has " + n + " sequences; at least " + DataSources.MIN_FILE_POINTS + " are needed");
        }
        double rate = baseRate(rows);
        if (rate <= 0 || rate >= 1) {
            throw new DataException(source + ": every bit is " + (rate <= 0 ? "0" : "1") + "; there is nothing to learn");
        }
        int bits = rows.dim();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int nHeld = Math.max(1, n / 10);
        float[] train = new float[(n - nHeld) * bits];
        float[] held = new float[nHeld * bits];
        for (int k = 0; k < n; k++) {
            if (k < n - nHeld) {
                rows.copyRow(order[k], train, k * bits);
            } else {
                rows.copyRow(order[k], held, (k - n + nHeld) * bits);
            }
        }
        return new PointData(source, PointSet.wrap(train, bits), PointSet.wrap(held, bits), identity(bits));
    }

    /** Writes sequences as comma-separated 0/1 rows without a header (atomically). */
    public static void writeCsv(Path file, PointSet rows) throws IOException {
        AtomicFiles.write(file, out -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < rows.size(); i++) {
                b.setLength(0);
                for (int k = 0; k < rows.dim(); k++) {
                    if (k > 0) {
                        b.append(',');
                    }
                    b.append(rows.get(i, k) > 0.5f ? '1' : '0');
                }
                b.append('\n');
                out.write(b.toString().getBytes(StandardCharsets.US_ASCII));
            }
        });
    }
}
