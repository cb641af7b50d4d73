package lab.diffusion.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import lab.diffusion.engine.sample.Trajectory;
import lab.diffusion.engine.session.Demos;
import lab.diffusion.engine.session.Session;
import lab.diffusion.engine.session.SessionFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session whose weights are finite but huge (a damaged or diverged model) makes NaN and
 * infinite numbers: every command says so in one line and writes nothing, instead of writing rows
 * of Infinity or printing K = NaN with exit 0. A training set too small to be a distribution is
 * warned about.
 */
class OverflowingModelTest {

    @TempDir
    Path dir;

    @Test
    void hugeWeightsAreAnErrorNotRowsOfInfinity() throws Exception {
        Session demo = Demos.openDemo("swissroll");
        double[] huge = new double[demo.params().length];
        Arrays.fill(huge, 1e30); // a float32 can hold it, its products overflow
        Path f = dir.resolve("huge.dlab");
        SessionFile.write(f, new Session(demo.data(), demo.schedule(), demo.model(), demo.modelSeed(), huge, demo.training()));
        Path out = dir.resolve("samples.csv");
        CliTest.Result r = CliTest.run("sample", "--session", f.toString(), "--n", "20", "--out", out.toString());
        assertEquals(1, r.code(), r.out());
        assertEquals("error: " + Trajectory.NON_FINITE + ";"
                + " nothing was written", r.err().strip());
        assertFalse(Files.exists(out));
        CliTest.Result e = CliTest.run("evaluate", "--session", f.toString(), "--heldout", "200");
        assertEquals(1, e.code(), e.out());
        assertTrue(e.err().strip().startsWith("error: held-out K is NaN: the model's numbers overflow")
                || e.err().strip().startsWith("error: held-out K is -Infinity"), e.err());
        assertFalse(e.out().contains("NaN"), e.out());
    }

    @Test
    void oneTrainingPointIsWarnedAbout() {
        CliTest.Result r = CliTest.run("train", "--data", "swissroll", "--n", "1", "--heldout", "50", "--T", "10", "--steps", "5",
                "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning: 1 training example: the model can learn only these, not a distribution"), r.err());
        CliTest.Result many = CliTest.run("train", "--data", "swissroll", "--n", "500", "--heldout", "50", "--T", "10", "--steps", "5",
                "--quiet");
        assertFalse(many.err().contains("warning"), many.err());
    }
}
