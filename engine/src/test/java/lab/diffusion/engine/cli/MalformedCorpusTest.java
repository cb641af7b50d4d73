package lab.diffusion.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lab.diffusion.engine.session.MalformedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The malformed-input corpus ({@link MalformedCorpus}) through the real command line in a JVM
 * with a 512 MB heap: every case ends with its expected exit code and one clear line, no stack
 * trace, within {@link CorpusRunner#LIMIT_MS}, and nothing in the corpus folder changes except the
 * case's own output.
 */
class MalformedCorpusTest {

    @TempDir
    Path dir;

    @Test
    void everyMalformedInputEndsInOneClearLineQuicklyAndChangesNothing() throws Exception {
        Path log = Files.createTempFile("corpus", ".log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), CorpusRunner.class.getName(), dir.toString())
                .redirectError(log.toFile()).start();
        String report;
        try {
            report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the corpus run ended");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), "runner: " + Files.readString(log));
        List<MalformedCorpus.Case> cases = MalformedCorpus.write(Files.createTempDirectory("corpus-expect"));
        Map<String, String[]> results = new TreeMap<>();
        Map<String, Long> before = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String line : report.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("before")) {
                before.put(f[1], Long.parseLong(f[2]));
            } else if (f.length == 5) {
                results.put(f[0], f);
            } else if (f[0].equals("rss-peak-mb")) {
                System.out.println("malformed corpus: " + cases.size() + " cases, peak RSS " + f[1] + " MB");
            }
        }
        for (MalformedCorpus.Case c : cases) {
            String[] r = results.get(c.name());
            if (r == null) {
                problems.add(c.name() + ": no result");
                continue;
            }
            int code = Integer.parseInt(r[1]);
            long ms = Long.parseLong(r[2]);
            String out = decode(r[3]);
            String err = decode(r[4]).strip();
            List<String> lines = err.isEmpty() ? List.of() : List.of(err.split("\n"));
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            System.out.printf("  %-24s exit %2d  %5d ms  %s%n", c.name(), code, ms, last);
            if (code != c.exit()) {
                problems.add(c.name() + ": exit " + code + " (expected " + c.exit() + "): " + err);
            }
            if (ms > CorpusRunner.LIMIT_MS) {
                problems.add(c.name() + ": took " + ms + " ms");
            }
            if ((out + err).contains("\tat ") || (out + err).contains("Exception")) {
                problems.add(c.name() + ": a stack trace or exception name: " + err);
            }
            if (c.exit() != 0 && lines.size() != 1) {
                problems.add(c.name() + ": " + lines.size() + " lines on stderr: " + err);
            }
            if (c.expected() != null && !(c.exit() == 0 ? err : last).contains(c.expected())) {
                problems.add(c.name() + ": '" + last + "' does not say '" + c.expected() + "'");
            }
        }
        assertEquals(cases.size(), results.size(), "one result per case");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals("keep me\n", Files.readString(dir.resolve("precious.txt")), "the link's target is unchanged");
        assertTrue(Files.isSymbolicLink(dir.resolve("link.csv")), "the link was not replaced");
        assertTrue(before.size() > 20, "the corpus listing arrived: " + before.size());
        List<String> outputs = cases.stream().filter(c -> c.output() != null).map(c -> c.output().getFileName().toString()).toList();
        List<String> changed = new ArrayList<>();
        Map<String, Long> after = snapshot(dir);
        for (Map.Entry<String, Long> e : after.entrySet()) {
            if (!outputs.contains(e.getKey()) && !e.getValue().equals(before.get(e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        for (String f : before.keySet()) {
            if (!after.containsKey(f)) {
                changed.add(f + " (removed)");
            }
        }
        assertTrue(changed.isEmpty(), "written outside the outputs: " + changed);
        for (String o : outputs) {
            assertTrue(after.containsKey(o), "the valid case wrote " + o);
        }
    }

    private static Map<String, Long> snapshot(Path root) throws Exception {
        Map<String, Long> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.toList()) {
                if (!f.equals(root)) {
                    m.put(root.relativize(f).toString(), Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) ? Files.size(f) : -1L);
                }
            }
        }
        return m;
    }

    private static String decode(String b64) {
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }
}
