package lab.diffusion.engine.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Image files built byte by byte for tests, damaged ones included. Any one thread. */
public final class PngBytes {

    private PngBytes() {
    }

    /** A w×h grey image of seeded noise encoded as "png" or "jpg". */
    public static byte[] noise(int w, int h, String format) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Random r = new Random(w * 31L + h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, r.nextInt(256));
            }
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, format, b);
        return b.toByteArray();
    }

    /** An 8-bit palette PNG of one row with {@code colours} palette entries. */
    public static byte[] palette(byte[] indices, int colours) throws IOException {
        byte[] raw = new byte[indices.length + 1]; // filter byte 0, then the row
        System.arraycopy(indices, 0, raw, 1, indices.length);
        Deflater z = new Deflater();
        z.setInput(raw);
        z.finish();
        byte[] buf = new byte[raw.length + 64];
        byte[] idat = Arrays.copyOf(buf, z.deflate(buf));
        byte[] plte = new byte[colours * 3];
        for (int i = 0; i < plte.length; i++) {
            plte[i] = (byte) (i * 40);
        }
        return chunks(ihdr(indices.length, 1, 3), plte, idat);
    }

    /** A well-formed PNG that declares w×h grey pixels but holds almost nothing. */
    public static byte[] hugeHeader(int w, int h) throws IOException {
        return chunks(ihdr(w, h, 0), null, new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    }

    /** The bytes with one bit pattern flipped inside the first chunk of {@code type}. */
    public static byte[] flipInside(byte[] png, String type) {
        byte[] out = png.clone();
        int at = new String(png, StandardCharsets.ISO_8859_1).indexOf(type);
        if (at < 0) {
            throw new IllegalArgumentException(type + " not found");
        }
        out[at + 6] ^= 0x5a;
        return out;
    }

    private static byte[] ihdr(int w, int h, int colourType) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.writeInt(w);
        d.writeInt(h);
        d.write(new byte[] {8, (byte) colourType, 0, 0, 0});
        return b.toByteArray();
    }

    private static byte[] chunks(byte[] ihdr, byte[] plte, byte[] idat) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ihdr);
        if (plte != null) {
            chunk(out, "PLTE", plte);
        }
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return b.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeInt(data.length);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
