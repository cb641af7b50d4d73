package lab.diffusion.engine.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.io.AtomicFiles;
import lab.diffusion.engine.io.CsvRows;
import lab.diffusion.engine.io.InputFiles;

/** A schedule as CSV: a header "t,beta" and one row per step t = 1..T (read back as a custom schedule). */
public final class ScheduleCsv {

    /**
     * The least β a file may hold: the smallest normal float32, since the model computes in
     * float32 and would read a smaller β as 0 (or lose its precision).
     */
    public static final double MIN_BETA = Float.MIN_NORMAL;

    private ScheduleCsv() {
    }

    public static void write(Path file, Schedule s) throws IOException {
        StringBuilder b = new StringBuilder("t,beta\n");
        for (int t = 1; t <= s.steps(); t++) {
            b.append(t).append(',').append(s.beta(t)).append('\n');
        }
        AtomicFiles.write(file, out -> out.write(b.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads t,β rows (an optional header, any separator {@link CsvRows} detects); t must run 1..T
     * in order and every β lie in [{@link #MIN_BETA}, 1) (a β of 1e-320 is refused here,
     * not later blamed on training).
     */
    public static Schedule read(Path file) throws DataException {
        String name = InputFiles.name(file);
        try {
            if (Files.isRegularFile(file) && Files.size(file) > 8L << 20) {
                throw new DataException(name + " is too large to be a schedule");
            }
        } catch (IOException e) {
            throw new DataException("cannot read " + name + ": " + e.getMessage());
        }
        double[] betas = new double[64];
        int n = 0;
        try (CsvRows rows = CsvRows.open(file, "a schedule (t,β rows)")) {
            String[] f;
            boolean first = true;
            while ((f = rows.next()) != null) {
                long line = rows.line();
                String shown = String.join(",", f);
                if (first && f.length > 0 && !f[0].isEmpty() && Character.isLetter(f[0].charAt(0))) {
                    first = false;
                    continue; // a header such as t,beta
                }
                first = false;
                if (f.length != 2) {
                    throw new DataException(name + ", line " + line + ": expected 2 columns (t,beta), found " + f.length);
                }
                int t;
                double b;
                try {
                    t = Integer.parseInt(f[0]);
                    b = Double.parseDouble(f[1]);
                } catch (NumberFormatException e) {
                    throw new DataException(name + ", line " + line + ": '" + shown + "' is not a step number and a β");
                }
                if (t != n + 1) {
                    throw new DataException(name + ", line " + line + ": step " + t + " where step " + (n + 1) + " was expected");
                }
                if (!(b > 0 && b < 1)) {
                    throw new DataException(name + ", line " + line + ": β = " + f[1] + " is outside (0, 1)");
                }
                if (b < MIN_BETA) {
                    throw new DataException(name + ", line " + line + ": β = " + f[1] + " is too small to compute with (the least is "
                            + String.format(Locale.ROOT, "%.3g", MIN_BETA) + ")");
                }
                if (n == Schedule.MAX_T) {
                    throw new DataException(name + " holds more than " + Schedule.MAX_T + " steps");
                }
                if (n == betas.length) {
                    betas = Arrays.copyOf(betas, n * 2);
                }
                betas[n++] = b;
            }
        } catch (CsvRows.Unreadable e) {
            throw new DataException(e.getMessage());
        }
        if (n < 2) {
            throw new DataException(name + " holds " + n + " steps; a schedule needs at least 2");
        }
        return Schedule.ofBetas(ScheduleFamily.CUSTOM, Arrays.copyOf(betas, n));
    }
}
