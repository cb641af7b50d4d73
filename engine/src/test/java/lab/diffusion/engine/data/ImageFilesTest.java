package lab.diffusion.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

    @TempDir
    Path dir;

    private Path png(String name, BufferedImage img) throws Exception {
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    @Test
    void greyImageIsResizedByAreaAveraging() throws Exception {
        BufferedImage img = new BufferedImage(56, 56, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 56; y++) {
            for (int x = 0; x < 56; x++) {
                img.getRaster().setSample(x, y, 0, x < 28 ? 0 : 200); // left half black, right half 200
            }
        }
        Path p = png("half.png", img);
        byte[] before = Files.readAllBytes(p);
        ImageFiles.Loaded l = ImageFiles.read(p, 28, 28);
        assertEquals(56, l.fileWidth());
        assertEquals(0f, l.grey()[0], 1e-4f);
        assertEquals(200f, l.grey()[27], 1e-4f);
        assertTrue(l.notes().contains("resized from 56×56 to 28×28"), l.notes().toString());
        assertTrue(Arrays.equals(before, Files.readAllBytes(p)), "the file must not change");
    }

    @Test
    void colourTransparencyAndSixteenBitAreConvertedAndSaid() throws Exception {
        BufferedImage rgb = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xFF0000);
        ImageFiles.Loaded c = ImageFiles.read(png("c.png", rgb), 10, 10);
        assertEquals(0.299 * 255, c.grey()[0], 0.01);
        assertTrue(c.notes().contains("colour converted to grey"), c.notes().toString());

        BufferedImage argb = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x80FFFFFF); // white at half opacity
        argb.setRGB(1, 0, 0xFFFFFFFF);
        ImageFiles.Loaded a = ImageFiles.read(png("a.png", argb), 10, 10);
        assertEquals(255 * 128 / 255.0, a.grey()[0], 0.6);
        assertEquals(255, a.grey()[1], 0.01);
        assertTrue(a.notes().contains("transparency flattened onto black"), a.notes().toString());

        BufferedImage g16 = new BufferedImage(10, 10, BufferedImage.TYPE_USHORT_GRAY);
        g16.getRaster().setSample(3, 0, 0, 65535);
        g16.getRaster().setSample(4, 0, 0, 32768);
        ImageFiles.Loaded s = ImageFiles.read(png("s.png", g16), 10, 10);
        assertEquals(255, s.grey()[3], 0.01);
        assertEquals(127.5, s.grey()[4], 0.01);
        assertTrue(s.notes().contains("16-bit samples reduced to 8 bits"), s.notes().toString());
    }

    @Test
    void wideImagesAreCroppedToTheModelsShape() throws Exception {
        BufferedImage img = new BufferedImage(60, 20, BufferedImage.TYPE_BYTE_GRAY);
        ImageFiles.Loaded l = ImageFiles.read(png("wide.png", img), 10, 10);
        assertTrue(l.notes().get(0).startsWith("cropped to 20×20"), l.notes().toString());
    }

    @Test
    void hugeImagesAreRefusedBeforeDecoding() throws Exception {
        Path p = dir.resolve("huge.png");
        Files.write(p, pngHeaderOnly(20000, 20000));
        long t0 = System.nanoTime();
        DataException e = assertThrows(DataException.class, () -> ImageFiles.read(p, 28, 28));
        assertTrue(e.getMessage().contains("20000×20000"), e.getMessage());
        assertTrue((System.nanoTime() - t0) / 1e9 < 2, "must not decode 400 million pixels");
    }

    /** A PNG signature and an IHDR chunk declaring w × h 8-bit grey, then an empty IDAT and IEND. */
    static byte[] pngHeaderOnly(int w, int h) throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bos);
        d.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream i = new DataOutputStream(ihdr);
        i.writeInt(w);
        i.writeInt(h);
        i.write(new byte[] {8, 0, 0, 0, 0});
        chunk(d, "IHDR", ihdr.toByteArray());
        chunk(d, "IDAT", new byte[0]);
        chunk(d, "IEND", new byte[0]);
        return bos.toByteArray();
    }

    private static void chunk(DataOutputStream d, String type, byte[] data) throws Exception {
        d.writeInt(data.length);
        byte[] t = type.getBytes("US-ASCII");
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    @Test
    void corruptEmptyAndForeignFilesGetAMessage() throws Exception {
        Path junk = dir.resolve("junk.png");
        Files.writeString(junk, "this is not an image");
        assertTrue(assertThrows(DataException.class, () -> ImageFiles.read(junk, 28, 28)).getMessage().contains("not a PNG or JPEG"));
        Path empty = dir.resolve("empty.png");
        Files.write(empty, new byte[0]);
        assertTrue(assertThrows(DataException.class, () -> ImageFiles.read(empty, 28, 28)).getMessage().contains("empty"));
        BufferedImage img = new BufferedImage(30, 30, BufferedImage.TYPE_BYTE_GRAY);
        Path good = png("good.png", img);
        byte[] b = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.png");
        Files.write(cut, Arrays.copyOf(b, b.length / 2));
        DataException e = assertThrows(DataException.class, () -> ImageFiles.read(cut, 28, 28));
        assertTrue(e.getMessage().contains("cut.png"), e.getMessage());
        Path gif = dir.resolve("x.gif");
        ImageIO.write(img, "gif", gif.toFile());
        assertTrue(assertThrows(DataException.class, () -> ImageFiles.read(gif, 28, 28)).getMessage().contains("PNG and JPEG"));
    }

    @Test
    void masksMustMatchTheImageAndMarkAHole() throws Exception {
        BufferedImage m = new BufferedImage(56, 56, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 56; y++) {
            for (int x = 0; x < 28; x++) {
                m.getRaster().setSample(x, y, 0, 255);
            }
        }
        Path mask = png("mask.png", m);
        boolean[] hole = ImageFiles.readMask(mask, 56, 56, 28, 28);
        assertTrue(hole[0] && hole[13] && !hole[14] && !hole[27]);
        DataException size = assertThrows(DataException.class, () -> ImageFiles.readMask(mask, 28, 28, 28, 28));
        assertTrue(size.getMessage().contains("must be the same size"), size.getMessage());
        Path black = png("black.png", new BufferedImage(56, 56, BufferedImage.TYPE_BYTE_GRAY));
        DataException none = assertThrows(DataException.class, () -> ImageFiles.readMask(black, 56, 56, 28, 28));
        assertTrue(none.getMessage().contains("no pixel to fill"), none.getMessage());
    }

    @Test
    void writtenPngsDecodeToWhatWasWritten() throws Exception {
        float[] g = new float[16];
        for (int i = 0; i < 16; i++) {
            g[i] = i * 17;
        }
        Path p = dir.resolve("out.png");
        ImageFiles.writePng(p, g, 4, 4, 4, 4);
        ImageFiles.Loaded l = ImageFiles.read(p, 4, 4);
        for (int i = 0; i < 16; i++) {
            assertEquals(g[i], l.grey()[i], 0.5f);
        }
        assertFalse(l.notes().contains("colour converted to grey"));
    }
}
