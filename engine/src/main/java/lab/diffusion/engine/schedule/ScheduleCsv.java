package lab.diffusion.engine.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.io.AtomicFiles;
import lab.diffusion.engine.io.CappedLineReader;
import lab.diffusion.engine.io.InputFiles;

/** A schedule as CSV: a header "t,beta" and one row per step t = 1..T (read back as a custom schedule). */
public final class ScheduleCsv {

    private ScheduleCsv() {
    }

    public static void write(Path file, Schedule s) throws IOException {
        StringBuilder b = new StringBuilder("t,beta\n");
        for (int t = 1; t <= s.steps(); t++) {
            b.append(t).append(',').append(s.beta(t)).append('\n');
        }
        AtomicFiles.write(file, out -> out.write(b.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Reads t,β rows; t must run 1..T in order and every β lie in (0, 1). */
    public static Schedule read(Path file) throws DataException {
        String name = InputFiles.name(file);
        String problem = InputFiles.problem(file, "a schedule (t,β rows)");
        if (problem != null) {
            throw new DataException(problem);
        }
        List<String> lines = new ArrayList<>();
        try (CappedLineReader in = new CappedLineReader(Files.newBufferedReader(file, StandardCharsets.UTF_8),
                InputFiles.MAX_LINE_CHARS)) {
            if (Files.size(file) > 8L << 20) {
                throw new DataException(name + " is too large to be a schedule");
            }
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                lines.add(lines.isEmpty() && l.startsWith("\uFEFF") ? l.substring(1) : l);
            }
        } catch (CappedLineReader.TooLong e) {
            throw new DataException(name + ": " + e.getMessage() + "; not a schedule");
        } catch (NoSuchFileException e) {
            throw new DataException("no such file: " + file);
        } catch (IOException | UncheckedIOException e) {
            throw new DataException("cannot read " + name + ": " + e.getMessage());
        }
        double[] betas = new double[Math.max(0, lines.size())];
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || (n == 0 && line.toLowerCase().startsWith("t"))) {
                continue;
            }
            String[] f = line.split("[,;\\t ]+");
            if (f.length != 2) {
                throw new DataException(name + ", line " + (i + 1) + ": expected 't,beta', got '" + line + "'");
            }
            int t;
            double b;
            try {
                t = Integer.parseInt(f[0]);
                b = Double.parseDouble(f[1]);
            } catch (NumberFormatException e) {
                throw new DataException(name + ", line " + (i + 1) + ": '" + line + "' is not a step number and a β");
            }
            if (t != n + 1) {
                throw new DataException(name + ", line " + (i + 1) + ": step " + t + " where step " + (n + 1) + " was expected");
            }
            if (!(b > 0 && b < 1)) {
                throw new DataException(name + ", line " + (i + 1) + ": β = " + f[1] + " is outside (0, 1)");
            }
            betas[n++] = b;
        }
        if (n < 2) {
            throw new DataException(name + " holds " + n + " steps; a schedule needs at least 2");
        }
        if (n > Schedule.MAX_T) {
            throw new DataException(name + " holds " + n + " steps; at most " + Schedule.MAX_T);
        }
        return Schedule.ofBetas(ScheduleFamily.CUSTOM, Arrays.copyOf(betas, n));
    }
}
