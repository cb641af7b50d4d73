package lab.diffusion.engine.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import lab.diffusion.engine.data.DataSources;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.data.Preset;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.model.Models;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.objective.BoundEvaluator;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import lab.diffusion.engine.train.TrainConfig;
import lab.diffusion.engine.train.Trainer;
import lab.diffusion.engine.train.TrainingHistory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionFileTest {

    @TempDir
    static Path dir;
    static Path valid;
    static Session original;
    static double originalK;

    @BeforeAll
    static void trainAndSave() throws Exception {
        Nd4jRuntime.configure();
        PointData data = DataSources.preset(Preset.MOONS, 2000, 500, 4);
        ReverseModel m = Models.gaussian(ModelSpec.paperDefault(2), Schedules.create(ScheduleFamily.COSINE, 30), 4);
        TrainConfig cfg = TrainConfig.defaults().withSeed(4).withEvaluation(0, 10).withScheduleRate(0.25);
        Trainer tr = new Trainer(m, data, cfg);
        tr.run(300, Double.MAX_VALUE, null);
        tr.evaluateHeldout();
        tr.history().add(tr.step(), 1.0, -3.0, tr.evaluateHeldout());
        original = Sessions.capture(tr, 4, cfg);
        originalK = BoundEvaluator.evaluate(m, data.heldout(), 9).kNats();
        valid = dir.resolve("valid.dlab");
        SessionFile.write(valid, original);
    }

    @Test
    void roundTripIsExact() throws Exception {
        Session s = SessionFile.read(valid);
        assertEquals(original.data().train(), s.data().train());
        assertEquals(original.data().heldout(), s.data().heldout());
        assertEquals(original.data().source(), s.data().source());
        assertArrayEquals(original.data().standardizer().mean(), s.data().standardizer().mean(), 0);
        assertEquals(original.data().standardizer().scale(), s.data().standardizer().scale(), 0);
        assertArrayEquals(original.schedule().betas(), s.schedule().betas(), 0);
        assertEquals(original.schedule().family(), s.schedule().family());
        assertEquals(original.model(), s.model());
        assertArrayEquals(original.params(), s.params(), 0);
        assertArrayEquals(original.training().optimizerState(), s.training().optimizerState(), 0);
        assertEquals(original.training().steps(), s.training().steps());
        assertEquals(original.training().iteration(), s.training().iteration());
        assertEquals(original.training().scheduleRate(), s.training().scheduleRate(), 0);
        assertArrayEquals(original.training().history().steps(), s.training().history().steps());
        assertArrayEquals(original.training().history().heldoutBits(), s.training().history().heldoutBits(), 0);
        ReverseModel reopened = (ReverseModel) Sessions.model(s);
        assertEquals(originalK, BoundEvaluator.evaluate(reopened, s.data().heldout(), 9).kNats(), 0.0);
    }

    @Test
    void continuingFromASessionKeepsItsProgress() throws Exception {
        Session s = SessionFile.read(valid);
        ReverseModel m = (ReverseModel) Sessions.model(s);
        Trainer tr = Sessions.trainer(s, m, Sessions.config(s, 0, 10));
        assertEquals(300, tr.step());
        tr.run(5, Double.MAX_VALUE, null);
        assertEquals(305, tr.step());
        assertEquals(305, tr.optimizer().iteration());
    }

    // ------------------------------------------------------------ the bad-file corpus

    static Map<String, byte[]> entries() throws IOException {
        return entries(valid);
    }

    static Map<String, byte[]> entries(Path src) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(src))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                m.put(e.getName(), in.readAllBytes());
            }
        }
        return m;
    }

    /** Writes entries as a zip; with fixManifest the manifest's sizes and checksums are recomputed. */
    static Path craft(String name, Consumer<Map<String, byte[]>> change, boolean fixManifest) throws IOException {
        return craftFrom(valid, dir.resolve(name), change, fixManifest);
    }

    /** A copy of the session {@code src} with changed entries, written to {@code out}. */
    static Path craftFrom(Path src, Path out, Consumer<Map<String, byte[]>> change, boolean fixManifest) throws IOException {
        Map<String, byte[]> m = entries(src);
        change.accept(m);
        if (fixManifest && m.containsKey(SessionFile.MANIFEST)) {
            JsonObject man = JsonParser.parseString(
                    new String(m.get(SessionFile.MANIFEST), StandardCharsets.UTF_8)).getAsJsonObject();
            JsonObject list = man.getAsJsonObject("entries");
            for (String k : list.keySet()) {
                if (m.containsKey(k)) {
                    list.getAsJsonObject(k).addProperty("size", m.get(k).length);
                    list.getAsJsonObject(k).addProperty("sha256", SessionFile.sha256(m.get(k)));
                }
            }
            m.put(SessionFile.MANIFEST, man.toString().getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : m.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        Files.write(out, bytes.toByteArray());
        return out;
    }

    static byte[] editJson(byte[] json, String from, String to) {
        String s = new String(json, StandardCharsets.UTF_8);
        assertTrue(s.contains(from), "test setup: '" + from + "' not in " + s.substring(0, Math.min(200, s.length())));
        return s.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to))
                .getBytes(StandardCharsets.UTF_8);
    }

    static void assertRejected(Path f, String expected) throws IOException {
        byte[] before = Files.exists(f) && !Files.isDirectory(f) ? Files.readAllBytes(f) : null;
        SessionException e = assertThrows(SessionException.class, () -> SessionFile.read(f));
        assertTrue(e.getMessage().contains(expected), "for " + f.getFileName() + ": " + e.getMessage());
        assertTrue(e.getMessage().length() < 200 && !e.getMessage().contains("\n"), "one short sentence: " + e.getMessage());
        if (before != null) {
            assertArrayEquals(before, Files.readAllBytes(f), "reading must not change the file");
        }
    }

    @Test
    void emptyAndForeignFilesAreRejected() throws IOException {
        Path empty = dir.resolve("empty.dlab");
        Files.write(empty, new byte[0]);
        assertRejected(empty, "not a Diffusion Lab session");
        Path text = dir.resolve("notes.dlab");
        Files.writeString(text, "these are my lecture notes, not a session");
        assertRejected(text, "not a Diffusion Lab session");
        assertRejected(dir.resolve("does-not-exist.dlab"), "no such file");
        assertRejected(dir, "is a folder");
    }

    @Test
    void truncatedFilesAreRejected() throws IOException {
        byte[] all = Files.readAllBytes(valid);
        for (double frac : new double[] {0.05, 0.3, 0.6, 0.95, 0.999}) {
            Path f = dir.resolve("truncated-" + frac + ".dlab");
            Files.write(f, Arrays.copyOf(all, (int) (all.length * frac)));
            SessionException e = assertThrows(SessionException.class, () -> SessionFile.read(f), "truncated at " + frac);
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("damaged")
                    || e.getMessage().contains("not a Diffusion Lab session"), e.getMessage());
        }
    }

    @Test
    void wrongMagicOrVersionIsRejected() throws IOException {
        assertRejected(craft("nomanifest.dlab", m -> m.remove(SessionFile.MANIFEST), false), "no manifest");
        assertRejected(craft("foreign.dlab", m -> m.put(SessionFile.MANIFEST,
                editJson(m.get(SessionFile.MANIFEST), "diffusion-lab-session", "someone-elses-format")), false), "format 'someone-elses-format'");
        assertRejected(craft("newer.dlab", m -> m.put(SessionFile.MANIFEST,
                editJson(m.get(SessionFile.MANIFEST), "\"version\": 1", "\"version\": 2")), false), "newer Diffusion Lab");
        assertRejected(craft("badjson-manifest.dlab", m -> m.put(SessionFile.MANIFEST, "{not json".getBytes()), false), "not valid JSON");
    }

    @Test
    void damagedEntriesAreRejected() throws IOException {
        assertRejected(craft("missing-params.dlab", m -> m.remove(SessionFile.PARAMS), false), "'model/params.f64' is missing");
        assertRejected(craft("bitflip.dlab", m -> m.get(SessionFile.PARAMS)[100] ^= 1, false), "checksum of 'model/params.f64' does not match");
        assertRejected(craft("short-entry.dlab", m -> m.put(SessionFile.TRAIN, Arrays.copyOf(m.get(SessionFile.TRAIN), 40)), false),
                "has 40 bytes, the manifest says");
        assertRejected(craft("huge-size.dlab", m -> m.put(SessionFile.MANIFEST, editJson(m.get(SessionFile.MANIFEST), "\"size\": ",
                "\"size\": 9999999999999")), false), "impossible size");
        assertRejected(craft("bad-meta-json.dlab", m -> m.put(SessionFile.META, "{\"data\": [".getBytes()), true), "not valid JSON");
        assertRejected(craft("odd-bytes.dlab", m -> m.put(SessionFile.PARAMS, Arrays.copyOf(m.get(SessionFile.PARAMS), 12)), true),
                "declares 12 bytes for 'model/params.f64' but its model's 38568 weights need 308.5 kB");
    }

    @Test
    void inconsistentContentIsRejectedEvenWithValidChecksums() throws IOException {
        assertRejected(craft("nan-weights.dlab", m -> {
            ByteBuffer.wrap(m.get(SessionFile.PARAMS)).order(ByteOrder.LITTLE_ENDIAN).putDouble(8 * 5, Double.NaN);
        }, true), "NaN or infinite weights");
        assertRejected(craft("wrong-width.dlab", m -> m.put(SessionFile.META, editJson(m.get(SessionFile.META),
                "\"width\": 128", "\"width\": 64")), true), "but its model's 11112 weights need 88.9 kB");
        assertRejected(craft("wrong-count.dlab", m -> m.put(SessionFile.META, editJson(m.get(SessionFile.META),
                "\"train_count\": 2000", "\"train_count\": 2001")), true),
                "declares 16,000 bytes for 'data/train.f32' but its 2001 points need 16,008 bytes");
        assertRejected(craft("bad-beta.dlab", m -> m.put(SessionFile.META, editJson(m.get(SessionFile.META),
                "\"betas\": [\n      ", "\"betas\": [\n      1.5, ")), true), "damaged");
        assertRejected(craft("no-schedule.dlab", m -> m.put(SessionFile.META, editJson(m.get(SessionFile.META),
                "\"schedule\"", "\"scheduleX\"")), true), "no 'schedule' section");
        assertRejected(craft("nan-data.dlab", m -> {
            ByteBuffer.wrap(m.get(SessionFile.TRAIN)).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, Float.POSITIVE_INFINITY);
        }, true), "NaN or infinite values");
    }

    @Test
    void sessionsFromBeforeTheScheduleRateTrainTheirScheduleAtTheFullRate() throws Exception {
        Path old = craft("no-schedule-rate.dlab", m -> m.put(SessionFile.META, editJson(m.get(SessionFile.META),
                "\"schedule_rate\"", "\"unused_key\"")), true);
        assertEquals(1.0, SessionFile.read(old).training().scheduleRate(), 0);
        assertEquals(0.25, original.training().scheduleRate(), 0);
        assertRejected(craft("bad-schedule-rate.dlab", m -> m.put(SessionFile.META, editJson(m.get(SessionFile.META),
                "\"schedule_rate\": ", "\"schedule_rate\": -")), true), "schedule rate");
    }

    @Test
    void unsafeEntryNamesAreRejected() throws IOException {
        assertRejected(craft("traversal.dlab", m -> m.put("../../evil.sh", "rm -rf /".getBytes()), false), "unsafe entry name");
        assertRejected(craft("absolute.dlab", m -> m.put("/etc/passwd", new byte[1]), false), "unsafe entry name");
    }

    @Test
    void viewStateAndRunHistoryRoundTrip() throws Exception {
        TrainingHistoryFixture h = new TrainingHistoryFixture();
        RunRecord r1 = new RunRecord("Run 1", "paper model, T = 30", h.curve, -3.5, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        RunRecord r2 = new RunRecord("Run 2", "DDPM", h.curve, Double.NaN, new byte[0]);
        Session s = original.with(Map.of("t", "12", "mode", "points"), List.of(r1, r2));
        Path f = dir.resolve("with-runs.dlab");
        SessionFile.write(f, s);
        Session back = SessionFile.read(f);
        assertEquals("12", back.view().get("t"));
        assertEquals(2, back.runs().size());
        assertEquals("Run 1", back.runs().get(0).name());
        assertArrayEquals(r1.thumbnailPng(), back.runs().get(0).thumbnailPng());
        assertArrayEquals(h.curve.kBits(), back.runs().get(0).curve().kBits(), 0);
        assertTrue(Double.isNaN(back.runs().get(1).heldoutBits()));
        assertEquals(0, back.runs().get(1).thumbnailPng().length);
        // a tampered thumbnail is caught by its checksum; a thumbnail the history names but the file lacks is refused
        Path src = f;
        assertRejectedFrom(src, "thumb-flip.dlab", m -> m.get("runs/0.png")[2] ^= 1, false, "checksum of 'runs/0.png'");
        assertRejectedFrom(src, "thumb-missing.dlab", m -> m.remove("runs/0.png"), false, "");
        assertRejectedFrom(src, "odd-entry.dlab", m -> m.put("runs/../x.png", new byte[1]), false, "unsafe entry name");
        assertRejectedFrom(src, "bad-view.dlab", m -> m.put(SessionFile.META, editJson(m.get(SessionFile.META), "\"view\": {",
                "\"view\": {\"nested\": {\"a\": 1},")), true, "view setting");
    }

    /** A small curve for run records. */
    static final class TrainingHistoryFixture {
        final TrainingHistory.Curve curve = new TrainingHistory.Curve(
                new long[] {10, 20}, new double[] {0.1, 0.2}, new double[] {-4.0, -3.8}, new double[] {Double.NaN, -3.9});
    }

    private static void assertRejectedFrom(Path src, String name, Consumer<Map<String, byte[]>> change, boolean fix, String expected)
            throws IOException {
        Path f = craftFrom(src, dir.resolve(name), change, fix);
        SessionException e = assertThrows(SessionException.class, () -> SessionFile.read(f), name);
        assertTrue(e.getMessage().contains(expected), name + ": " + e.getMessage());
    }

    @Test
    void writingOverAnExistingSessionIsAtomic() throws Exception {
        Path f = dir.resolve("overwrite.dlab");
        Files.copy(valid, f);
        byte[] before = Files.readAllBytes(f);
        SessionFile.write(f, original);
        Session again = SessionFile.read(f);
        assertArrayEquals(original.params(), again.params(), 0);
        assertEquals(before.length > 0, true);
        try (InputStream in = Files.newInputStream(f)) {
            assertEquals('P', in.read());
        }
    }
}
