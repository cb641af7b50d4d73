package lab.diffusion.app;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import lab.diffusion.app.binary.BinaryMode;
import lab.diffusion.app.explorer.Explorer;
import lab.diffusion.app.images.ImageMode;
import lab.diffusion.app.points.PointsMode;
import lab.diffusion.app.window.MainWindow;
import lab.diffusion.engine.live.LiveResults;
import lab.diffusion.engine.model.ModelSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Image mode: digits, a painted mask, inpainting and denoising, driven like a person would. */
@ExtendWith(ApplicationExtension.class)
class ImageModeUiTest {

    private Explorer ex;
    private PointsMode points;
    private BinaryMode binary;
    private ImageMode images;
    private MainWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        ex = new Explorer((title, text) -> true);
        points = ex.mode(PointsMode.class);
        binary = ex.mode(BinaryMode.class);
        images = ex.mode(ImageMode.class);
        window = TestWindows.show(stage, DiffusionLabApp.scene(ex));
    }

    @AfterEach
    void stop() {
        ex.close();
    }

    private void enterImageMode(FxRobot robot) {
        robot.clickOn("#toolbar-preset").clickOn("Digits (MNIST) (images)");
        assertEquals(images, ex.mode());
        BinaryModeUiTest.waitFor("the digits", () -> images.data.data() != null && images.forward.imageCount() == 16);
        BinaryModeUiTest.waitFor("a model for the digits", () -> ex.canTrainProperty().get());
    }

    @Test
    void digitsShowForwardAndReverseGridsThatFollowT(FxRobot robot) {
        enterImageMode(robot);
        assertEquals(784, ex.training.specProperty().get().dim());
        assertEquals(ModelSpec.Readout.EMBEDDING, ex.training.specProperty().get().readout());
        assertTrue(images.forward.isVisible() && !points.forwardPlot.isVisible() && !binary.forward.isVisible());
        BinaryModeUiTest.waitFor("reverse samples", () -> images.reverse.imageCount() == 16);
        float[] atZero = images.forward.current().clone();
        robot.interact(() -> ex.timeline.setT(150));
        assertFalse(Arrays.equals(atZero, images.forward.current()), "the forward grid changes with t");
        assertTrue(robot.lookup("#image-description").queryAs(Label.class).getText().contains("9,000 training digits"));
    }

    @Test
    void paintingAMaskAndInpaintingFillsOnlyTheHole(FxRobot robot) {
        enterImageMode(robot);
        robot.clickOn("#mask-clear");
        assertEquals(0, images.condition.holePixelsProperty().get());
        // an empty mask is refused with a message, nothing runs
        robot.clickOn("#run-condition");
        assertTrue(ex.messages.messageProperty().get().contains("mask is empty"), ex.messages.messageProperty().get());
        // paint a stroke across the middle of the input image
        double[] p0 = null;
        var cp = images.conditionPlot;
        BinaryModeUiTest.waitFor("the input image", () -> cp.imageAt(cp.getWidth() / 4, 120) != null);
        double y = 0;
        double x0 = 0;
        for (double yy = 60; yy < cp.getHeight(); yy += 4) {
            if (cp.imageAt(cp.getWidth() / 6, yy) != null) {
                y = yy + 40;
                break;
            }
        }
        for (double xx = 0; xx < cp.getWidth(); xx += 2) {
            if (cp.imageAt(xx, y) != null) {
                x0 = xx;
                break;
            }
        }
        Point2D from = cp.localToScreen(x0 + 8, y);
        Point2D to = cp.localToScreen(x0 + 80, y);
        robot.drag(from).moveTo(to).release(MouseButton.PRIMARY);
        int holes = images.condition.holePixelsProperty().get();
        assertTrue(holes > 10 && holes < 400, "painted hole pixels: " + holes);
        boolean[] mask = images.condition.maskProperty().get().clone();
        float[] target = images.condition.targetProperty().get().clone();
        robot.clickOn("#run-condition");
        BinaryModeUiTest.waitFor("posterior samples", () -> images.conditionPlot.hasSamples());
        robot.interact(() -> ex.timeline.setT(0));
        float[] samples = images.conditionPlot.currentSamples();
        assertNotNull(samples);
        int n = samples.length / 784;
        assertEquals(8, n);
        boolean holeChanged = false;
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < 784; q++) {
                if (!mask[q]) {
                    assertEquals(target[q] + 0.0, samples[i * 784 + q], 0.01, "known pixel " + q + " of sample " + i);
                } else if (Math.abs(samples[i * 784 + q] - target[q]) > 1) {
                    holeChanged = true;
                }
            }
        }
        assertTrue(holeChanged, "the hole is sampled");
        assertTrue(robot.lookup("#condition-status").queryAs(Label.class).getText().startsWith("Inpainted: 8 samples"));
        // invert and the quick masks change the hole
        robot.clickOn("#mask-left");
        assertEquals(392, images.condition.holePixelsProperty().get());
        robot.clickOn("#mask-invert");
        assertEquals(392, images.condition.holePixelsProperty().get());
        assertFalse(images.condition.maskProperty().get()[0]);
        robot.clickOn("#mask-centre");
        assertEquals(196, images.condition.holePixelsProperty().get());
    }

    @Test
    void denoisingShowsTheNoisyInputAndSamples(FxRobot robot) {
        enterImageMode(robot);
        robot.clickOn("#kind-denoise");
        assertEquals(LiveResults.ConditionKind.DENOISE, images.condition.kindProperty().get());
        assertFalse(shown(robot.lookup("#mask-brush").query()), "mask tools are for inpainting");
        assertTrue(shown(robot.lookup("#denoise-snr").query()));
        robot.clickOn("#run-condition");
        BinaryModeUiTest.waitFor("denoised samples", () -> images.conditionPlot.hasSamples());
        assertTrue(robot.lookup("#condition-status").queryAs(Label.class).getText().startsWith("Denoised"));
    }

    /** Visible with all its ancestors. */
    static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void ownImagesAreConvertedAndBadOnesRefused(FxRobot robot) throws Exception {
        enterImageMode(robot);
        BufferedImage rgb = new BufferedImage(56, 56, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(10, 10, 0xFFFFFF);
        Path png = dir.resolve("mine.png");
        javax.imageio.ImageIO.write(rgb, "png", png.toFile());
        Path junk = dir.resolve("junk.png");
        Files.writeString(junk, "not an image");
        float[] before = images.condition.targetProperty().get();
        robot.interact(() -> images.conditionView().loadFile(junk));
        BinaryModeUiTest.waitFor("the refusal", () -> robot.lookup("#condition-message").queryAs(Label.class).getText().startsWith("Not opened"));
        assertTrue(before == images.condition.targetProperty().get(), "a bad file keeps the current image");
        robot.interact(() -> images.conditionView().loadFile(png));
        BinaryModeUiTest.waitFor("the own image", () -> "mine.png".equals(images.condition.targetNameProperty().get()));
        String note = robot.lookup("#condition-message").queryAs(Label.class).getText();
        assertTrue(note.contains("colour converted to grey") && note.contains("resized from 56×56 to 28×28"), note);
    }

    @Test
    void leavingImageModeRestoresTheTwoDimensionalSettings(FxRobot robot) {
        int steps = ex.schedule.steps();
        enterImageMode(robot);
        assertEquals(200, ex.schedule.steps());
        assertEquals(128, ex.training.batchSizeProperty().get());
        robot.clickOn("#toolbar-preset").clickOn("Swiss roll");
        assertEquals(points, ex.mode());
        assertEquals(steps, ex.schedule.steps());
        assertEquals(2, ex.training.specProperty().get().dim());
        assertEquals(512, ex.training.batchSizeProperty().get());
    }
}
