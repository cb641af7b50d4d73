package lab.diffusion.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Java's decoders let through silently is refused with one line naming the damage. */
class DamagedImagesTest {

    @TempDir
    Path dir;

    @Test
    void aPngWithABadChecksumIsRefusedNamingTheChunk() throws Exception {
        byte[] png = png(8, 8);
        int idat = indexOf(png, "IDAT");
        png[idat + 6] ^= 0x5a; // a bit flip inside the compressed pixels
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
        Path f = write("palette.png", palettePng(new byte[] {0, 1, 9, 1}, 2));
        DataException e = assertThrows(DataException.class, () -> ImageFiles.read(f, 4, 1));
        assertEquals("palette.png is damaged: a pixel uses colour 9 but its palette has 2 colours", e.getMessage());
        assertEquals(4, ImageFiles.read(write("ok.png", palettePng(new byte[] {0, 1, 1, 0}, 2)), 4, 1).width());
    }

    @Test
    void aTruncatedJpegIsRefusedInsteadOfGreyFilled() throws Exception {
        BufferedImage img = noise(64, 64);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", b);
        byte[] jpg = b.toByteArray();
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
        byte[] bad = png(8, 8);
        bad[indexOf(bad, "IDAT") + 6] ^= 0x5a;
        Files.write(folder.resolve("bad.png"), bad);
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

    private static BufferedImage noise(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Random r = new Random(3);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = r.nextInt(256);
                img.setRGB(x, y, 0xff000000 | v << 16 | v << 8 | v);
            }
        }
        return img;
    }

    private static byte[] png(int w, int h) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(noise(w, h), "png", b);
        return b.toByteArray();
    }

    /** A hand-built 8-bit palette PNG, one row, with {@code colours} palette entries. */
    private static byte[] palettePng(byte[] indices, int colours) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(indices.length);
        h.writeInt(1);
        h.write(new byte[] {8, 3, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        byte[] plte = new byte[colours * 3];
        for (int i = 0; i < plte.length; i++) {
            plte[i] = (byte) (i * 40);
        }
        chunk(out, "PLTE", plte);
        byte[] raw = new byte[indices.length + 1];
        System.arraycopy(indices, 0, raw, 1, indices.length);
        Deflater z = new Deflater();
        z.setInput(raw);
        z.finish();
        byte[] buf = new byte[256];
        int n = z.deflate(buf);
        chunk(out, "IDAT", Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return b.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        out.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    private static int indexOf(byte[] a, String s) {
        byte[] k = s.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + k.length <= a.length; i++) {
            for (int j = 0; j < k.length; j++) {
                if (a[i + j] != k[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(s + " not found");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
