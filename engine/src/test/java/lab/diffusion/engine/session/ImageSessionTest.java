package lab.diffusion.engine.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import lab.diffusion.engine.data.DeadLeaves;
import lab.diffusion.engine.data.ImageData;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.model.Models;
import lab.diffusion.engine.model.ReverseModel;
import lab.diffusion.engine.nn.Nd4jRuntime;
import lab.diffusion.engine.objective.BoundEvaluator;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import lab.diffusion.engine.train.TrainConfig;
import lab.diffusion.engine.train.Trainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image sessions store the 8-bit images and rebuild the same points; compact sessions store float32 weights. */
class ImageSessionTest {

    @TempDir
    static Path dir;
    static Session original;
    static double originalK;

    @BeforeAll
    static void train() {
        Nd4jRuntime.configure();
        PointData data = ImageData.of("deadleaves", DeadLeaves.generate(200, 8, 1), DeadLeaves.generate(30, 8, 2), 5);
        ReverseModel m = Models.gaussian(ModelSpec.imageDefault(64, 32), Schedules.create(ScheduleFamily.COSINE, 20), 3);
        TrainConfig cfg = TrainConfig.defaults().withSeed(3).withEvaluation(0, 10);
        Trainer tr = new Trainer(m, data, cfg);
        tr.run(40, Double.MAX_VALUE, null);
        original = Sessions.capture(tr, 3, cfg);
        originalK = BoundEvaluator.evaluate(m, data.heldout(), 9).kNats();
    }

    @Test
    void imageSessionsRoundTripExactly() throws Exception {
        Path f = dir.resolve("img.dlab");
        SessionFile.write(f, original);
        Session s = SessionFile.read(f);
        assertTrue(s.data().isImages());
        assertEquals(original.data().images().train(), s.data().images().train());
        assertEquals(original.data().images().heldout(), s.data().images().heldout());
        assertEquals(original.data().train(), s.data().train());
        assertEquals(original.data().heldout(), s.data().heldout());
        assertEquals(original.model(), s.model());
        assertArrayEquals(original.params(), s.params(), 0);
        assertArrayEquals(original.training().optimizerState(), s.training().optimizerState(), 0);
        ReverseModel reopened = (ReverseModel) Sessions.model(s);
        assertEquals(originalK, BoundEvaluator.evaluate(reopened, s.data().heldout(), 9).kNats(), 0.0);
        // the images are stored as compressed bytes, not as 4-byte floats
        int stored = SessionFileTest.entries(f).get("data/train.dlimg.gz").length;
        assertTrue(stored < 64 * 200, "200 images of 8×8 took " + stored + " bytes");
    }

    @Test
    void compactSessionsKeepFloat32WeightsAndNoOptimizerState() throws Exception {
        Path f = dir.resolve("compact.dlab");
        SessionFile.write(f, original, true);
        Session s = SessionFile.read(f);
        double[] p = original.params();
        double[] q = s.params();
        assertEquals(p.length, q.length);
        for (int i = 0; i < p.length; i++) {
            assertEquals((float) p[i], (float) q[i], 0.0f);
        }
        assertNull(s.training().optimizerState());
        ReverseModel reopened = (ReverseModel) Sessions.model(s);
        // the model computes in float32, so the bound is the same up to float summation order
        assertEquals(originalK, BoundEvaluator.evaluate(reopened, s.data().heldout(), 9).kNats(), 1e-3 * Math.abs(originalK));
    }

    @Test
    void damagedImageDataIsRejected() throws Exception {
        Path f = dir.resolve("img2.dlab");
        SessionFile.write(f, original);
        Path bad = SessionFileTest.craftFrom(f, dir.resolve("bad-images.dlab"), e -> {
            byte[] b = e.get("data/train.dlimg.gz");
            e.put("data/train.dlimg.gz", Arrays.copyOf(b, b.length / 2));
        }, true);
        SessionException ex = assertThrows(SessionException.class, () -> SessionFile.read(bad));
        assertTrue(ex.getMessage().contains("damaged"), ex.getMessage());
    }
}
