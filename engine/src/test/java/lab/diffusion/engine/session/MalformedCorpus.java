package lab.diffusion.engine.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import lab.diffusion.engine.data.PngBytes;

/**
 * A corpus of malformed inputs, generated here (nothing copied from elsewhere), one or more per
 * class of fault the inputs issue found: files that are not regular, sessions that inflate, lines
 * without end, non-finite models, CSV dialects, damaged images and settings out of range. Each
 * case is a command line with the one line it must end in. Test code; any one thread.
 */
public final class MalformedCorpus {

    /**
     * One command-line run.
     *
     * @param name     a short id
     * @param args     the engine command line
     * @param exit     the exit code it must end with
     * @param expected a fragment of its last stderr line
     * @param output   the one path it may write (null: none)
     */
    public record Case(String name, List<String> args, int exit, String expected, Path output) {
    }

    private final Path dir;
    private final List<Case> cases = new ArrayList<>();

    private MalformedCorpus(Path dir) {
        this.dir = dir;
    }

    /** Writes the corpus into {@code dir} and returns its cases. */
    public static List<Case> write(Path dir) throws Exception {
        MalformedCorpus c = new MalformedCorpus(dir);
        c.notRegular();
        c.sessions();
        c.csv();
        c.images();
        c.settings();
        return List.copyOf(c.cases);
    }

    private void add(String name, int exit, String expected, Path output, String... args) {
        cases.add(new Case(name, List.of(args), exit, expected, output));
    }

    private String p(String file) {
        return dir.resolve(file).toString();
    }

    private void notRegular() throws Exception {
        boolean fifo = new ProcessBuilder("mkfifo", p("pipe.csv"), p("pipe.dlab"), p("pipe.png")).start().waitFor() == 0;
        if (fifo) {
            add("fifo-points", 1, "pipe.csv is not a regular file", null, "train", "--data", p("pipe.csv"), "--steps", "5");
            add("fifo-schedule", 1, "pipe.csv is not a regular file", null, "train", "--schedule-csv", p("pipe.csv"), "--steps", "5");
            add("fifo-session", 1, "pipe.dlab is not a regular file", null, "evaluate", "--session", p("pipe.dlab"));
            add("fifo-image", 1, "pipe.png is not a regular file", null, "inpaint", "--session", "digits", "--image", p("pipe.png"),
                    "--mask", p("pipe.png"), "--out", p("out-fifo"));
        }
        if (Files.exists(Path.of("/dev/zero"))) {
            add("dev-zero-points", 1, "zero is not a regular file", null, "train", "--data", "/dev/zero", "--steps", "5");
        }
        Path target = Files.writeString(dir.resolve("precious.txt"), "keep me\n");
        Files.createSymbolicLink(dir.resolve("link.csv"), target);
        add("symlink-out", 1, "link.csv", null, "sample", "--session", "swissroll", "--n", "10", "--out", p("link.csv"), "--force");
    }

    private void sessions() throws Exception {
        Session demo = Demos.openDemo("swissroll");
        Path valid = dir.resolve("valid.dlab");
        SessionFile.write(valid, demo);
        SessionFileTest.craftFrom(valid, dir.resolve("zeros.dlab"), m -> m.put(SessionFile.PARAMS, new byte[64 << 20]), true);
        add("inflating-session", 1, "declares 67.1 MB for 'model/params.f64'", null, "evaluate", "--session", p("zeros.dlab"));
        double[] huge = new double[demo.params().length];
        Arrays.fill(huge, 1e300);
        SessionFile.write(dir.resolve("beyond-float.dlab"),
                new Session(demo.data(), demo.schedule(), demo.model(), demo.modelSeed(), huge, demo.training()));
        add("weights-beyond-float32", 1, "holds a weight of 1.0E300, beyond what the model's float32 arithmetic can hold", null,
                "sample", "--session", p("beyond-float.dlab"), "--n", "20", "--out", p("beyond-samples.csv"));
        Arrays.fill(huge, 1e30);
        SessionFile.write(dir.resolve("huge.dlab"),
                new Session(demo.data(), demo.schedule(), demo.model(), demo.modelSeed(), huge, demo.training()));
        add("huge-weights-sample", 1, "samples are NaN, infinite or beyond ±10⁶ standard deviations", null, "sample", "--session", p("huge.dlab"), "--n", "20",
                "--out", p("huge-samples.csv"));
        add("huge-weights-evaluate", 1, "held-out K is", null, "evaluate", "--session", p("huge.dlab"), "--heldout", "200");
        Files.writeString(dir.resolve("notes.dlab"), "my lecture notes\n");
        add("text-as-session", 1, "not a Diffusion Lab session", null, "evaluate", "--session", p("notes.dlab"));
    }

    private void csv() throws Exception {
        Random r = new Random(5);
        StringBuilder eu = new StringBuilder("x;y\n");
        StringBuilder three = new StringBuilder();
        StringBuilder quoted = new StringBuilder("\"x\",\"y\"\n");
        StringBuilder bits = new StringBuilder("b1,b2,b3,b4\n");
        for (int i = 0; i < 300; i++) {
            double x = r.nextGaussian();
            double y = r.nextGaussian();
            eu.append(String.format("%.5f;%.5f%n", x, y).replace('.', ','));
            three.append(x).append(',').append(y).append(",1\n");
            quoted.append('"').append(x).append("\" , \"").append(y).append("\"\n");
            bits.append(i % 2).append(',').append(i % 3 == 0 ? 1 : 0).append(",1,").append(i % 5 == 0 ? 1 : 0).append('\n');
        }
        Files.writeString(dir.resolve("eu.csv"), eu);
        Files.writeString(dir.resolve("three.csv"), three);
        Files.writeString(dir.resolve("quoted.csv"), quoted);
        Files.writeString(dir.resolve("bits.csv"), bits);
        Files.writeString(dir.resolve("bom-schedule.csv"), "\uFEFFt,beta\n" + rows(40, 0.05));
        Files.writeString(dir.resolve("tiny-beta.csv"), "t,beta\n1,1e-320\n" + rows(40, 0.05).substring(7));
        Files.writeString(dir.resolve("one-line.csv"), "1,".repeat(100_000));
        Files.writeString(dir.resolve("broken-quote.csv"), "x,y\n1,2\n\"3,4\n5,6\n");
        byte[] noise = new byte[4096];
        r.nextBytes(noise);
        Files.write(dir.resolve("binary.csv"), noise);
        String[] quick = {"--steps", "5", "--T", "10", "--heldout", "50", "--quiet"};
        add("european-csv", 0, "eu.csv was read as semicolon-separated with decimal commas", null,
                with(quick, "train", "--data", p("eu.csv")));
        add("three-columns", 1, "expected 2 values, found 3", null, with(quick, "train", "--data", p("three.csv")));
        add("quoted-numbers", 0, null, null, with(quick, "train", "--data", p("quoted.csv")));
        add("binary-with-header", 0, null, null, with(quick, "train", "--model", "binomial", "--data", p("bits.csv")));
        add("schedule-with-bom", 0, null, null, with(quick, "train", "--schedule-csv", p("bom-schedule.csv")));
        add("schedule-tiny-beta", 1, "β = 1e-320 is too small to compute with", null,
                with(quick, "train", "--schedule-csv", p("tiny-beta.csv")));
        add("line-without-end", 1, "line 1 is longer than 64 KB", null, with(quick, "train", "--data", p("one-line.csv")));
        add("broken-quote", 1, "broken-quote.csv is not a valid CSV: the quote opened on line 3 is never closed", null, with(quick, "train", "--data", p("broken-quote.csv")));
        add("binary-bytes", 1, "not a text file", null, with(quick, "train", "--data", p("binary.csv")));
    }

    private static String rows(int steps, double beta) {
        StringBuilder b = new StringBuilder();
        for (int t = 1; t <= steps; t++) {
            b.append(t).append(',').append(beta).append('\n');
        }
        return b.toString();
    }

    private static String[] with(String[] tail, String... head) {
        String[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private void images() throws Exception {
        byte[] png = PngBytes.noise(28, 28, "png");
        byte[] crc = PngBytes.flipInside(png, "IDAT");
        Files.write(dir.resolve("bad-crc.png"), crc);
        Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length - 12));
        Files.write(dir.resolve("palette.png"), PngBytes.palette(new byte[] {0, 1, 9, 1}, 2));
        byte[] jpg = PngBytes.noise(64, 64, "jpg");
        Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpg, jpg.length * 6 / 10));
        Files.write(dir.resolve("huge-header.png"), PngBytes.hugeHeader(30_000, 30_000));
        Files.write(dir.resolve("big.png"), PngBytes.noise(2000, 1500, "png"));
        Files.write(dir.resolve("mask.png"), PngBytes.noise(32, 32, "png"));
        Files.writeString(dir.resolve("text.png"), "not an image");
        Path folder = Files.createDirectories(dir.resolve("images"));
        for (int i = 0; i < 6; i++) {
            Files.write(folder.resolve("good" + i + ".png"), PngBytes.noise(28, 28, "png"));
        }
        Files.write(folder.resolve("zz-bad.png"), crc);
        String mask = p("mask.png");
        inpaint("png-bad-crc", "bad-crc.png is damaged: its IDAT chunk fails its checksum", "bad-crc.png", "bad-crc.png");
        inpaint("png-truncated", "cut.png is truncated", "cut.png", "cut.png");
        inpaint("png-palette-index", "a pixel uses colour 9 but its palette has 2 colours", "palette.png", "palette.png");
        inpaint("jpeg-truncated", "cut.jpg is damaged (", "cut.jpg", "cut.jpg");
        inpaint("png-huge-header", "is 30000×30000 pixels", "huge-header.png", "huge-header.png");
        add("mask-size-from-headers", 1, "the mask mask.png is 32×32 but the image is 2000×1500", null, "inpaint", "--session", "digits",
                "--image", p("big.png"), "--mask", mask, "--out", p("out-mask"));
        inpaint("text-as-image", "text.png is not a PNG or JPEG image", "text.png", "text.png");
        add("folder-skips-bad", 0, "skipped 1 of 7 images that could not be read (first: zz-bad.png", null,
                "train", "--data", folder.toString(), "--side", "8", "--steps", "3", "--T", "10", "--heldout", "10", "--quiet");
    }

    private void inpaint(String name, String expected, String image, String mask) {
        add(name, 1, expected, null, "inpaint", "--session", "digits", "--image", p(image), "--mask", p(mask), "--out", p("out-" + name));
    }

    private void settings() {
        add("learning-rate-10", 1, "learning rate must be in (0, 1], got 10.0", null, "train", "--lr", "10", "--steps", "5");
        add("sample-out-ok", 0, null, dir.resolve("samples.csv"), "sample", "--session", "swissroll", "--n", "10", "--out",
                p("samples.csv"));
    }
}
