package lab.diffusion.engine.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pretrained sessions bundled in the assets jar (produced by this engine's command line; see
 * assets/README.md), opened by name wherever a session file is expected.
 */
public final class Demos {

    /** A bundled session: its name and what it shows. */
    public record Demo(String name, String title, String description) {
    }

    private static final String DIR = "/lab/diffusion/assets/sessions/";

    private static final List<Demo> ALL = List.of(
            new Demo("swissroll", "Swiss roll — the paper's model", "The paper's μ,Σ model trained on the swiss roll (Figure 1)."),
            new Demo("swissroll-ddpm", "Swiss roll — DDPM ε-model", "The DDPM ε-model on the same data and schedule, to compare with the paper's model."),
            new Demo("heartbeat", "Binary heartbeat", "Binomial diffusion on the 20-bit heartbeat (Figure 2)."),
            new Demo("digits", "Handwritten digits", "The paper's parametrization on 28×28 MNIST digits, for inpainting and denoising."),
            new Demo("deadleaves", "Dead leaves", "Dead-leaves images (occluding discs), the paper's texture model."));

    private Demos() {
    }

    /** The demos present in this build (a demo whose file is missing is left out). */
    public static List<Demo> available() {
        List<Demo> out = new ArrayList<>();
        for (Demo d : ALL) {
            if (Demos.class.getResource(DIR + d.name() + ".dlab") != null) {
                out.add(d);
            }
        }
        return out;
    }

    /** Names of the available demos, comma-separated. */
    public static String names() {
        return String.join(", ", available().stream().map(Demo::name).toList());
    }

    /** True if a bundled demo has this name. */
    public static boolean exists(String name) {
        return name != null && Demos.class.getResource(DIR + name.toLowerCase(Locale.ROOT) + ".dlab") != null;
    }

    /** Opens a bundled demo by name. */
    public static Session openDemo(String name) throws SessionException {
        String n = name.toLowerCase(Locale.ROOT);
        try (InputStream in = Demos.class.getResourceAsStream(DIR + n + ".dlab")) {
            if (in == null) {
                throw new SessionException("there is no bundled demo '" + name + "' (available: " + names() + ")");
            }
            Path tmp = Files.createTempFile("dlab-demo-" + n + "-", ".dlab");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Session s = SessionFile.read(tmp);
                return s;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new SessionException("cannot read the bundled demo '" + name + "': " + e.getMessage());
        }
    }

    /**
     * Opens a session file, or a bundled demo when no file of that name exists; the message names
     * the available demos when neither is found.
     */
    public static Session open(String fileOrDemo) throws SessionException {
        Path p = Path.of(fileOrDemo);
        if (Files.exists(p)) {
            return SessionFile.read(p);
        }
        if (exists(fileOrDemo)) {
            return openDemo(fileOrDemo);
        }
        boolean looksLikeFile = fileOrDemo.contains("/") || fileOrDemo.contains("\\") || fileOrDemo.contains(".");
        throw new SessionException((looksLikeFile ? "no such file: " : "no such session file or bundled demo: ") + fileOrDemo
                + (available().isEmpty() ? "" : " (bundled demos: " + names() + ")"));
    }
}
