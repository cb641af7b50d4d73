package lab.diffusion.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a script would use it: exit codes, one-line errors, JSON keys, files. */
class CliTest {

    @TempDir
    static Path dir;
    static Path session;

    record Result(int code, String out, String err) {
    }

    static synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @BeforeAll
    static void trainOnce() {
        session = dir.resolve("run.dlab");
        Result r = run("train", "--data", "swissroll", "--n", "3000", "--heldout", "1000", "--T", "20", "--steps", "200",
                "--batch", "256", "--seed", "3", "--out", session.toString(), "--json", "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(200, j.get("steps").getAsInt());
        for (String key : new String[] {"K_bits", "K_minus_Lnull_bits", "Lnull_bits", "train_steps_per_s", "rss_start_mb", "rss_end_mb"}) {
            assertTrue(j.has(key), "train --json lacks " + key);
        }
        assertTrue(Files.exists(session));
    }

    @Test
    void weightAveragingSavesTheAveragedModelAndReportsBoth() throws Exception {
        Path out = dir.resolve("ema.dlab");
        Result r = run("train", "--data", "swissroll", "--n", "2000", "--heldout", "500", "--T", "20", "--steps", "100",
                "--batch", "128", "--seed", "4", "--ema", "0.99", "--out", out.toString(), "--json", "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        double averaged = j.get("K_bits").getAsDouble();
        double last = j.get("K_last_weights_bits").getAsDouble();
        assertNotEquals(averaged, last, "the averaged and the last weights are different models");
        // the saved session holds the averaged weights: evaluating it on the same points with train's seed (seed + 1) gives K_bits
        Result e = run("evaluate", "--session", out.toString(), "--seed", "5", "--json");
        assertEquals(0, e.code(), e.err());
        assertEquals(averaged, JsonParser.parseString(e.out()).getAsJsonObject().get("K_bits").getAsDouble(), 1e-9);
        assertTrue(JsonParser.parseString(run("train", "--steps", "5", "--T", "10", "--n", "500", "--heldout", "100", "--ema", "0",
                "--json", "--quiet").out()).getAsJsonObject().get("K_last_weights_bits").isJsonNull(), "with --ema 0 there is one model");
        // 2D points average by default; sequences do not
        assertFalse(JsonParser.parseString(run("train", "--steps", "5", "--T", "10", "--n", "500", "--heldout", "100", "--json",
                "--quiet").out()).getAsJsonObject().get("K_last_weights_bits").isJsonNull(), "2D training averages by default");
        assertTrue(JsonParser.parseString(run("train", "--model", "binomial", "--data", "heartbeat", "--T", "20", "--steps", "5",
                "--n", "200", "--heldout", "50", "--json", "--quiet").out()).getAsJsonObject().get("K_last_weights_bits").isJsonNull(),
                "sequences do not average unless asked");
        Result human = run("train", "--steps", "5", "--T", "10", "--n", "500", "--heldout", "100");
        assertTrue(human.err().contains("weights averaged with decay 0.999") && human.out().contains("the last weights themselves"),
                human.err() + human.out());
    }

    @Test
    void evaluatePrintsTheDocumentedKeys() throws Exception {
        Path ref = dir.resolve("ref.csv");
        Files.writeString(ref, "x,y\n" + "1.0,2.0\n".repeat(1) + "-3.5,7.25\n0,0\n4,-6\n");
        Result r = run("evaluate", "--session", session.toString(), "--heldout", "500", "--reference", ref.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        for (String key : new String[] {"K_bits", "K_minus_Lnull_bits", "Lnull_bits", "sw2", "mmd2"}) {
            assertTrue(j.has(key) && !j.get(key).isJsonNull(), "evaluate --json lacks " + key + ": " + r.out());
        }
        assertEquals(500, j.get("heldout_points").getAsInt());
        assertEquals(-4.0942, j.get("Lnull_bits").getAsDouble(), 1e-4);
        assertEquals(j.get("K_bits").getAsDouble() - j.get("Lnull_bits").getAsDouble(), j.get("K_minus_Lnull_bits").getAsDouble(), 1e-9);
        Result human = run("evaluate", "--session", session.toString(), "--heldout", "500");
        assertTrue(human.out().contains("held-out K ="), human.out());
    }

    @Test
    void sampleWritesCsvAndRefusesToOverwrite() throws Exception {
        Path out = dir.resolve("samples.csv");
        Result r = run("sample", "--session", session.toString(), "--n", "300", "--seed", "7", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(301, Files.readAllLines(out).size());
        byte[] before = Files.readAllBytes(out);
        Result again = run("sample", "--session", session.toString(), "--n", "10", "--out", out.toString());
        assertEquals(Main.EXIT_USER, again.code());
        assertTrue(again.err().contains("already exists; use --force"), again.err());
        assertEquals(new String(before), new String(Files.readAllBytes(out)), "the existing file was changed");
        assertEquals(0, run("sample", "--session", session.toString(), "--n", "10", "--out", out.toString(), "--force").code());
        assertEquals(11, Files.readAllLines(out).size());
    }

    @Test
    void benchPrintsItsKeys() {
        Result r = run("bench", "--seconds", "0.6", "--samples", "500", "--T", "10", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        assertTrue(j.get("train_steps_per_s").getAsDouble() > 0);
        assertTrue(j.has("sample_10k_s"));
        assertEquals(3, j.getAsJsonArray("train_runs_steps_per_s").size());
        Result r2 = run("bench", "--runs", "2");
        assertEquals(Main.EXIT_USER, r2.code());
    }

    @Test
    void badArgumentsGiveOneLineAndNoStackTrace() throws Exception {
        assertOneLineError(run("train", "--model", "gan", "--steps", "1"), Main.EXIT_USER, "unknown model 'gan'");
        assertOneLineError(run("train", "--schedule", "quadratic", "--steps", "1"), Main.EXIT_USER, "unknown schedule");
        assertOneLineError(run("train", "--T", "1", "--steps", "1"), Main.EXIT_USER, "T must be between 2");
        assertOneLineError(run("train", "--lr", "-1", "--steps", "1"), Main.EXIT_USER, "learning rate");
        assertOneLineError(run("train", "--batch", "0", "--steps", "1"), Main.EXIT_USER, "batch size");
        assertOneLineError(run("train", "--schedule-rate", "0.5", "--steps", "1"), Main.EXIT_USER, "only to --schedule learned");
        assertOneLineError(run("train", "--ema", "1", "--steps", "1"), Main.EXIT_USER, "--ema must be 0 (off) or in [0.9, 1)");
        assertOneLineError(run("train", "--ema", "0.5", "--steps", "1"), Main.EXIT_USER, "--ema must be 0 (off) or in [0.9, 1)");
        assertOneLineError(run("train", "--schedule", "learned", "--schedule-rate", "0", "--steps", "1"), Main.EXIT_USER,
                "--schedule-rate must be in (0, 10]");
        assertOneLineError(run("train", "--data", "nope.csv", "--steps", "1"), Main.EXIT_USER, "neither a preset");
        assertOneLineError(run("train", "--steps", "1", "--seconds", "2"), Main.EXIT_USAGE, "mutually exclusive");
        assertOneLineError(run("train", "--steps", "abc"), Main.EXIT_USAGE, "Invalid value");
        assertOneLineError(run("evaluate"), Main.EXIT_USAGE, "Missing required option");
        assertOneLineError(run("frobnicate"), Main.EXIT_USAGE, "Unmatched argument");
        assertOneLineError(run("evaluate", "--session", dir.resolve("missing.dlab").toString()), Main.EXIT_USER, "no such file");
        Path junk = dir.resolve("junk.dlab");
        Files.writeString(junk, "junk");
        assertOneLineError(run("evaluate", "--session", junk.toString()), Main.EXIT_USER, "not a Diffusion Lab session");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x,y\n1,2\n3,oops\n");
        assertOneLineError(run("train", "--data", bad.toString(), "--steps", "1"), Main.EXIT_USER, "line 3");
        assertOneLineError(run("train", "--steps", "1", "--out", dir.resolve("no/such/dir/x.dlab").toString()), Main.EXIT_USER, "does not exist");
        assertOneLineError(run("train", "--steps", "1", "--out", session.toString()), Main.EXIT_USER, "already exists");
    }

    @Test
    void trainingOnAUserCsvWorks() throws Exception {
        StringBuilder b = new StringBuilder("x,y\n");
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 400; i++) {
            b.append(100 + 10 * r.nextGaussian()).append(',').append(-50 + r.nextGaussian()).append('\n');
        }
        Path csv = dir.resolve("mine.csv");
        Files.writeString(csv, b.toString());
        Result res = run("train", "--data", csv.toString(), "--steps", "30", "--T", "10", "--json", "--quiet");
        assertEquals(0, res.code(), res.err());
        assertEquals(40, JsonParser.parseString(res.out()).getAsJsonObject().get("heldout_points").getAsInt());
    }

    @Test
    void binomialHeartbeatTrainsEvaluatesAndSamplesZeroOneRows() throws Exception {
        Path s = dir.resolve("hb.dlab");
        Result r = run("train", "--model", "binomial", "--data", "heartbeat", "--T", "100", "--steps", "300", "--n", "2000",
                "--heldout", "200", "--out", s.toString(), "--json", "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(-14.4386, j.get("Lnull_bits").getAsDouble(), 1e-4);
        assertEquals(-2.3219, j.get("optimum_bits").getAsDouble(), 0.01);
        Result e = run("evaluate", "--session", s.toString(), "--json");
        assertEquals(0, e.code(), e.err());
        JsonObject ej = JsonParser.parseString(e.out()).getAsJsonObject();
        // The default clean-bit head starts far below L_null (untrained K = -37.8 bits at T = 100, see TrainerTest) and
        // climbs past it only after thousands of steps; 300 steps must have moved it well up from there.
        double kb = ej.get("K_bits").getAsDouble();
        assertTrue(Double.isFinite(kb) && kb > -36.0 && kb < -2.0, e.out());
        Path out = dir.resolve("beats.csv");
        Result sm = run("sample", "--session", s.toString(), "--n", "25", "--out", out.toString());
        assertEquals(0, sm.code(), sm.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(25, lines.size());
        assertTrue(lines.get(0).matches("[01](,[01]){19}"), lines.get(0));
        assertEquals(j.get("K_bits").getAsDouble(), ej.get("K_bits").getAsDouble(), 0.3, "the session keeps the model (and its head)");
        Path k = dir.resolve("hb-kernel.dlab");
        Result rk = run("train", "--model", "binomial", "--binomial-head", "kernel", "--data", "heartbeat", "--T", "100", "--steps", "50",
                "--n", "2000", "--heldout", "200", "--out", k.toString(), "--json", "--quiet");
        assertEquals(0, rk.code(), rk.err());
        Result ek = run("evaluate", "--session", k.toString(), "--json");
        assertEquals(JsonParser.parseString(rk.out()).getAsJsonObject().get("K_bits").getAsDouble(),
                JsonParser.parseString(ek.out()).getAsJsonObject().get("K_bits").getAsDouble(), 0.3);
        assertOneLineError(run("train", "--model", "binomial", "--binomial-head", "bits", "--data", "heartbeat", "--steps", "1"),
                Main.EXIT_USER, "--binomial-head must be clean-bit or kernel");
        assertOneLineError(run("train", "--model", "paper", "--data", "heartbeat", "--steps", "1"), Main.EXIT_USER, "binary data");
        assertOneLineError(run("train", "--model", "binomial", "--data", "swissroll", "--steps", "1"), Main.EXIT_USER, "needs binary data");
        assertOneLineError(run("evaluate", "--session", s.toString(), "--reference", dir.resolve("ref.csv").toString()), Main.EXIT_USER,
                "");
    }

    /** Image sessions: train on tiny dead leaves, sample a PNG grid, inpaint and denoise into folders of PNGs. */
    @Test
    void imageSessionsTrainSampleInpaintAndDenoise() throws Exception {
        Path s = dir.resolve("leaves.dlab");
        Result r = run("train", "--data", "deadleaves", "--side", "8", "--n", "300", "--heldout", "20", "--T", "20", "--width", "32",
                "--steps", "30", "--out", s.toString(), "--json", "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        assertTrue(j.has("K_bits_per_pixel") && j.has("codelength_bits_per_pixel"), r.out());
        assertEquals(-2.0471, j.get("Lnull_bits").getAsDouble() / 64, 1e-3);

        Path grid = dir.resolve("grid.png");
        assertEquals(0, run("sample", "--session", s.toString(), "--n", "9", "--out", grid.toString()).code());
        assertTrue(Files.size(grid) > 0);
        assertOneLineError(run("sample", "--session", s.toString(), "--n", "9", "--out", dir.resolve("x.csv").toString()),
                Main.EXIT_USER, ".png");

        // a 16×16 input (the model is 8×8) and a mask of the same size with the left half white
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage mask = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                img.getRaster().setSample(x, y, 0, (x * 16 + y) % 256);
                mask.getRaster().setSample(x, y, 0, x < 8 ? 255 : 0);
            }
        }
        Path in = dir.resolve("in.png");
        Path m = dir.resolve("mask.png");
        javax.imageio.ImageIO.write(img, "png", in.toFile());
        javax.imageio.ImageIO.write(mask, "png", m.toFile());
        Path out = dir.resolve("inpainted");
        Result ip = run("inpaint", "--session", s.toString(), "--image", in.toString(), "--mask", m.toString(), "--samples", "3",
                "--out", out.toString(), "--json");
        assertEquals(0, ip.code(), ip.err());
        for (String f : new String[] {"sample-1.png", "sample-2.png", "sample-3.png", "mean.png"}) {
            BufferedImage o = javax.imageio.ImageIO.read(out.resolve(f).toFile());
            assertEquals(16, o.getWidth(), f);
            assertEquals(16, o.getHeight(), f);
            // known pixels (right half) are the input's own
            assertEquals(img.getRaster().getSample(12, 5, 0), o.getRaster().getSample(12, 5, 0), f);
        }
        assertOneLineError(run("inpaint", "--session", s.toString(), "--image", in.toString(), "--mask", m.toString(), "--samples", "3",
                "--out", out.toString()), Main.EXIT_USER, "already exists");
        BufferedImage small = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        Path wrong = dir.resolve("small-mask.png");
        javax.imageio.ImageIO.write(small, "png", wrong.toFile());
        assertOneLineError(run("inpaint", "--session", s.toString(), "--image", in.toString(), "--mask", wrong.toString(),
                "--out", dir.resolve("o2").toString()), Main.EXIT_USER, "same size");
        assertOneLineError(run("inpaint", "--session", session.toString(), "--image", in.toString(), "--mask", m.toString(),
                "--out", dir.resolve("o3").toString()), Main.EXIT_USER, "needs an image session");

        Path dn = dir.resolve("denoised");
        Result d = run("denoise", "--session", s.toString(), "--image", in.toString(), "--snr", "2", "--add-noise", "--samples", "2",
                "--out", dn.toString());
        assertEquals(0, d.code(), d.err());
        assertTrue(Files.exists(dn.resolve("noisy.png")) && Files.exists(dn.resolve("mean.png")) && Files.exists(dn.resolve("sample-2.png")));
        assertOneLineError(run("denoise", "--session", s.toString(), "--image", in.toString(), "--snr", "-1", "--out", dn.toString()),
                Main.EXIT_USER, "--snr");

        Result ev = run("evaluate", "--session", s.toString(), "--inpaint", "left", "--images", "10", "--inpaint-samples", "2", "--json");
        assertEquals(0, ev.code(), ev.err());
        JsonObject e = JsonParser.parseString(ev.out()).getAsJsonObject();
        assertTrue(e.get("hole_mse_model_mean").getAsDouble() > 0 && e.get("hole_mse_training_mean").getAsDouble() > 0, ev.out());
    }

    @Test
    void bundledDemoNamesWorkWhereSessionsAreExpected() {
        Result r = run("evaluate", "--session", "no-such-demo-or-file");
        assertOneLineError(r, Main.EXIT_USER, "no such session file or bundled demo");
    }

    private static void assertOneLineError(Result r, int code, String expected) {
        assertEquals(code, r.code(), "exit code; stderr: " + r.err());
        String err = r.err().strip();
        assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "stack trace or exception name in: " + err);
        assertEquals(1, err.lines().count(), "one line: " + err);
    }
}
