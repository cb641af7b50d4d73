package lab.diffusion.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GifWriterTest {

    @TempDir
    Path dir;

    @Test
    void framesDecodeWithTheExpectedCount() throws Exception {
        Path f = dir.resolve("a.gif");
        GifWriter.write(f, 41, i -> {
            BufferedImage img = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
            img.setRGB(i, 10, 0xFF0000);
            return img;
        }, 50, i -> { }, () -> false);
        assertEquals(41, GifWriter.frameCount(f));
    }

    @Test
    void cancellingLeavesNoFileAndKeepsAnOldOne() throws Exception {
        Path f = dir.resolve("b.gif");
        Files.writeString(f, "old");
        int[] made = {0};
        assertThrows(GifWriter.Cancelled.class, () -> GifWriter.write(f, 20, i -> {
            made[0]++;
            return new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        }, 50, i -> { }, () -> made[0] >= 5));
        assertEquals("old", Files.readString(f));
        try (var s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }
}
