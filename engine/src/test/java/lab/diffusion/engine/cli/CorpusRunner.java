package lab.diffusion.engine.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import lab.diffusion.engine.io.ProcessInfo;
import lab.diffusion.engine.session.MalformedCorpus;

/**
 * Runs the malformed-input corpus in a JVM of its own (the test starts it with a small heap):
 * every case through {@link Main#run}, each with a time limit, one result line per case on
 * stdout: name, exit code (-1 for a hang), milliseconds, stdout and stderr in Base64; before them
 * the corpus's files as generated, after them the peak resident memory. Main thread plus one thread per running case.
 */
public final class CorpusRunner {

    /** Longest a case may take before it counts as a hang. */
    static final long LIMIT_MS = 5_000;

    private CorpusRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<MalformedCorpus.Case> cases = MalformedCorpus.write(dir);
        PrintStream report = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(f -> !f.equals(dir)).toList()) {
                long size = Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) ? Files.size(f) : -1L;
                report.println("before\t" + dir.relativize(f) + "\t" + size);
            }
        }
        Path warmUp = Files.createTempFile("warm-up", ".csv");
        Main.run("sample", "--session", "swissroll", "--n", "2", "--out", warmUp.toString(), "--force");
        Files.delete(warmUp);
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "case");
            t.setDaemon(true);
            return t;
        });
        for (MalformedCorpus.Case c : cases) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            long t0 = System.nanoTime();
            Future<Integer> run = pool.submit(() -> Main.run(c.args().toArray(new String[0])));
            int code;
            try {
                code = run.get(LIMIT_MS * 4, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                run.cancel(true);
                code = -1;
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            report.println(String.join("\t", c.name(), Integer.toString(code), Long.toString(ms), b64(out), b64(err)));
        }
        report.println("rss-peak-mb\t" + Math.round(ProcessInfo.peakRssMb()));
        System.exit(0);
    }

    private static String b64(ByteArrayOutputStream b) {
        return Base64.getEncoder().encodeToString(b.toByteArray());
    }
}
