package lab.diffusion.engine.data;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import lab.diffusion.engine.io.AtomicFiles;
import lab.diffusion.engine.io.CsvRows;

/**
 * Points as CSV: one point per line, coordinates separated by commas (or semicolons, tabs or
 * spaces, see {@link CsvRows}), an optional header line, blank lines and lines starting with '#'
 * ignored. Any one thread.
 */
public final class PointCsv {

    /** Most points a file may hold (protects memory from a runaway file). */
    public static final int MAX_POINTS = 5_000_000;

    private PointCsv() {
    }

    /**
     * Reads points from a CSV file.
     *
     * @param expectedDim the required number of columns, or 0 to accept any consistent count
     * @throws DataException with the file name, line number and what is wrong
     */
    public static PointSet read(Path file, int expectedDim) throws DataException {
        return read(file, expectedDim, MAX_POINTS, note -> { });
    }

    /**
     * Reads at most {@code maxPoints} points; a longer file is rejected as soon as the limit is
     * passed, without reading the rest. What was assumed about the file's dialect (see
     * {@link CsvRows#assumption}) goes to {@code notes}.
     */
    public static PointSet read(Path file, int expectedDim, int maxPoints, Consumer<String> notes) throws DataException {
        try (CsvRows rows = CsvRows.open(file, "a CSV of numbers")) {
            PointSet p = parse(rows, expectedDim, Math.min(maxPoints, MAX_POINTS));
            if (rows.assumption() != null) {
                notes.accept(rows.assumption());
            }
            return p;
        } catch (CsvRows.Unreadable e) {
            throw new DataException(e.getMessage());
        }
    }

    static PointSet parse(CsvRows rows, int expectedDim, int maxPoints) throws CsvRows.Unreadable, DataException {
        String name = rows.name();
        int dim = expectedDim;
        float[] buf = new float[1024];
        int count = 0;
        boolean sawData = false;
        String[] parts;
        while ((parts = rows.next()) != null) {
            long lineNo = rows.line();
            double[] values = new double[parts.length];
            boolean numeric = true;
            for (int k = 0; k < parts.length; k++) {
                try {
                    values[k] = Double.parseDouble(parts[k]);
                } catch (NumberFormatException e) {
                    numeric = false;
                    break;
                }
            }
            if (!numeric) {
                if (!sawData) {
                    sawData = true; // the first content line may be a header
                    if (dim == 0) {
                        dim = parts.length;
                    } else if (parts.length != dim) {
                        throw new DataException(name + ", line " + lineNo + ": the header has " + parts.length
                                + " columns but " + dim + " are expected" + columnsHint(dim));
                    }
                    continue;
                }
                throw new DataException(name + ", line " + lineNo + ": '" + abbreviate(String.join(",", parts))
                        + "' is not a row of numbers");
            }
            sawData = true;
            if (dim == 0) {
                dim = parts.length;
            }
            if (parts.length != dim) {
                throw new DataException(name + ", line " + lineNo + ": expected " + dim + " values, found " + parts.length
                        + columnsHint(dim));
            }
            for (int k = 0; k < dim; k++) {
                if (!Double.isFinite(values[k])) {
                    throw new DataException(name + ", line " + lineNo + ": value '" + parts[k] + "' is not a finite number");
                }
                if (Math.abs(values[k]) > 1e30) {
                    throw new DataException(name + ", line " + lineNo + ": value '" + parts[k] + "' is too large");
                }
            }
            if (count / dim >= maxPoints) {
                throw new DataException(name + " has more than " + String.format("%,d", maxPoints) + " points");
            }
            if (count + dim > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + dim));
            }
            for (int k = 0; k < dim; k++) {
                buf[count++] = (float) values[k];
            }
        }
        if (count == 0) {
            throw new DataException(name + " contains no points");
        }
        return PointSet.wrap(Arrays.copyOf(buf, count), dim);
    }

    private static String columnsHint(int dim) {
        return dim == 2 ? " (points are x,y rows)" : "";
    }

    /** Writes points with a header x,y (or x1..xD) atomically; the old file survives a failure. */
    public static void write(Path file, PointSet points) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            int dim = points.dim();
            if (dim == 2) {
                w.write("x,y\n");
            } else {
                for (int d = 0; d < dim; d++) {
                    w.write((d > 0 ? "," : "") + "x" + (d + 1));
                }
                w.write('\n');
            }
            StringBuilder sb = new StringBuilder(64);
            for (int i = 0; i < points.size(); i++) {
                sb.setLength(0);
                for (int d = 0; d < dim; d++) {
                    if (d > 0) {
                        sb.append(',');
                    }
                    sb.append(points.get(i, d));
                }
                sb.append('\n');
                w.write(sb.toString());
            }
            w.flush();
        });
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
