package lab.diffusion.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Java's decoders let through silently is refused with one line naming the damage. */
class DamagedImagesTest {

    @TempDir
    Path dir;

    @Test
    void aPngWithABadChecksumIsRefusedNamingTheChunk() throws Exception {
        byte[] png = PngBytes.flipInside(png(8, 8), "IDAT"); // a bit flip inside the compressed pixels
        DataException e = assertThrows(DataException.class, () -> ImageFiles.read(write("flip.png", png), 8, 8));
        assertEquals("flip.png is damaged: its IDAT chunk fails its checksum (CRC)", e.getMessage());
    }

    @Test
    void aTruncatedPngIsRefused() throws Exception {
        byte[] png = png(8, 8);
        Path f = write("cut.png", Arrays.copyOf(png, png.length - 12));
        DataException e = assertThrows(DataException.class, () -> ImageFiles.read(f, 8, 8));
        assertTrue(e.getMessage().startsWith("cut.png is truncated"), e.getMessage());
    }

    @Test
    void aPaletteIndexPastThePaletteIsRefused() throws Exception {
        Path f = write("palette.png", PngBytes.palette(new byte[] {0, 1, 9, 1}, 2));
        DataException e = assertThrows(DataException.class, () -> ImageFiles.read(f, 4, 1));
        assertEquals("palette.png is damaged: a pixel uses colour 9 but its palette has 2 colours", e.getMessage());
        assertEquals(4, ImageFiles.read(write("ok.png", PngBytes.palette(new byte[] {0, 1, 1, 0}, 2)), 4, 1).width());
    }

    @Test
    void aTruncatedJpegIsRefusedInsteadOfGreyFilled() throws Exception {
        byte[] jpg = PngBytes.noise(64, 64, "jpg");
        Path ok = write("whole.jpg", jpg);
        assertEquals(64, ImageFiles.read(ok, 64, 64).fileWidth());
        Path f = write("cut.jpg", Arrays.copyOf(jpg, jpg.length * 6 / 10));
        DataException e = assertThrows(DataException.class, () -> ImageFiles.read(f, 64, 64));
        assertTrue(e.getMessage().startsWith("cut.jpg is damaged ("), e.getMessage());
    }

    @Test
    void aFolderSkipsBadFilesWithACountAndRefusesWhenTooFewAreLeft() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("imgs"));
        for (int i = 0; i < 5; i++) {
            Files.write(folder.resolve("good" + i + ".png"), png(8, 8));
        }
        Files.write(folder.resolve("bad.png"), PngBytes.flipInside(png(8, 8), "IDAT"));
        Files.writeString(folder.resolve("text.jpg"), "not an image");
        List<String> notes = new ArrayList<>();
        PointData d = ImageData.folder(folder, 8, 1, notes::add);
        assertEquals(5, d.train().size() + d.heldout().size());
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).startsWith("skipped 2 of 7 images that could not be read (first: bad.png is damaged"), notes.get(0));
        for (int i = 1; i < 5; i++) {
            Files.delete(folder.resolve("good" + i + ".png"));
        }
        DataException e = assertThrows(DataException.class, () -> ImageData.folder(folder, 8, 1, notes::add));
        assertTrue(e.getMessage().contains("holds 1 readable PNG/JPEG images; at least 2 are needed (skipped 2 of 3"), e.getMessage());
    }

    @Test
    void aMaskOfTheWrongSizeIsRefusedFromTheHeadersAlone() throws Exception {
        Path image = write("big.png", png(600, 400));
        Path mask = write("mask.png", png(32, 32));
        DataException e = assertThrows(DataException.class, () -> ImageFiles.requireSameSize(image, mask));
        assertEquals("the mask mask.png is 32×32 but the image is 600×400; they must be the same size", e.getMessage());
        ImageFiles.requireSameSize(image, write("mask2.png", png(600, 400)));
        assertEquals(600, ImageFiles.size(image)[0]);
    }

    private static byte[] png(int w, int h) throws IOException {
        return PngBytes.noise(w, h, "png");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
