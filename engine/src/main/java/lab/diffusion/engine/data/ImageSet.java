package lab.diffusion.engine.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * An immutable set of grey images of one size: 8-bit grey levels (0 = black … 255 = white),
 * row-major per image, images one after another, and an optional label per image.
 * <p>
 * The compact file format ({@code .dlimg.gz}, written by {@code assets/tools/mnist-to-dlimg.mjs}
 * and by {@link #write}) is gzip of: "DLIM", u16 version 1, u16 width, u16 height, u32 count
 * (little-endian), count label bytes (255 = none), then the grey bytes.
 */
public final class ImageSet {

    /** Largest side accepted for a model image (memory and speed of the MLP). */
    public static final int MAX_SIDE = 64;
    /** Most images one set may hold. */
    public static final int MAX_COUNT = 200_000;
    public static final int NO_LABEL = 255;

    private final int width;
    private final int height;
    private final byte[] grey;
    private final byte[] labels;

    private ImageSet(int width, int height, byte[] grey, byte[] labels) {
        if (width < 2 || height < 2 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("image size must be from 2×2 to " + MAX_SIDE + "×" + MAX_SIDE + ", got " + width + "×" + height);
        }
        int px = width * height;
        if (grey.length % px != 0 || grey.length / px != labels.length) {
            throw new IllegalArgumentException("pixel and label counts do not match " + width + "×" + height + " images");
        }
        this.width = width;
        this.height = height;
        this.grey = grey;
        this.labels = labels;
    }

    /** Copies the grey bytes (count × height × width) and labels (count, or null for none). */
    public static ImageSet of(int width, int height, byte[] grey, byte[] labels) {
        int count = width * height > 0 ? grey.length / (width * height) : 0;
        byte[] l = labels == null ? filled(count) : labels.clone();
        return new ImageSet(width, height, grey.clone(), l);
    }

    private static byte[] filled(int count) {
        byte[] l = new byte[count];
        Arrays.fill(l, (byte) NO_LABEL);
        return l;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Pixels per image. */
    public int pixels() {
        return width * height;
    }

    public int count() {
        return labels.length;
    }

    /** Grey level 0..255 of pixel p (row-major) of image i. */
    public int grey(int i, int p) {
        return grey[i * width * height + p] & 0xFF;
    }

    /** Label 0..254 of image i, or {@link #NO_LABEL}. */
    public int label(int i) {
        return labels[i] & 0xFF;
    }

    /** Grey levels of image i as floats 0..255. */
    public float[] image(int i) {
        int px = pixels();
        float[] v = new float[px];
        for (int p = 0; p < px; p++) {
            v[p] = grey[i * px + p] & 0xFF;
        }
        return v;
    }

    /** A copy of all grey bytes. */
    public byte[] greyBytes() {
        return grey.clone();
    }

    /** A copy of the labels. */
    public byte[] labelBytes() {
        return labels.clone();
    }

    /** The images [from, from + n). */
    public ImageSet slice(int from, int n) {
        int px = pixels();
        return new ImageSet(width, height, Arrays.copyOfRange(grey, from * px, (from + n) * px),
                Arrays.copyOfRange(labels, from, from + n));
    }

    /** Mean grey level over all pixels of all images. */
    public double meanGrey() {
        double s = 0;
        for (byte b : grey) {
            s += b & 0xFF;
        }
        return s / grey.length;
    }

    /** The mean image (grey levels 0..255). */
    public float[] meanImage() {
        int px = pixels();
        double[] s = new double[px];
        for (int i = 0; i < count(); i++) {
            for (int p = 0; p < px; p++) {
                s[p] += grey[i * px + p] & 0xFF;
            }
        }
        float[] m = new float[px];
        for (int p = 0; p < px; p++) {
            m[p] = (float) (s[p] / count());
        }
        return m;
    }

    // ------------------------------------------------------------------ the compact file format

    /** Reads the compact format from a gzip stream; the message says what is wrong. */
    public static ImageSet read(InputStream in, String name) throws DataException {
        try (DataInputStream d = new DataInputStream(new GZIPInputStream(in))) {
            byte[] head = d.readNBytes(14);
            if (head.length < 14) {
                throw new DataException(name + " is truncated (no complete header)");
            }
            ByteBuffer h = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
            if (head[0] != 'D' || head[1] != 'L' || head[2] != 'I' || head[3] != 'M') {
                throw new DataException(name + " is not a Diffusion Lab image set");
            }
            int version = h.getShort(4) & 0xFFFF;
            if (version != 1) {
                throw new DataException(name + " has image-set version " + version + "; this version reads 1");
            }
            int w = h.getShort(6) & 0xFFFF;
            int ht = h.getShort(8) & 0xFFFF;
            long count = h.getInt(10) & 0xFFFFFFFFL;
            if (w < 2 || ht < 2 || w > MAX_SIDE || ht > MAX_SIDE || count < 1 || count > MAX_COUNT) {
                throw new DataException(name + " declares " + count + " images of " + w + "×" + ht
                        + " (accepted: 1–" + MAX_COUNT + " images, 2×2 to " + MAX_SIDE + "×" + MAX_SIDE + ")");
            }
            byte[] labels = readExactly(d, (int) count, name);
            byte[] grey = readExactly(d, (int) (count * w * ht), name);
            if (d.read() != -1) {
                throw new DataException(name + " has data after its last image");
            }
            return new ImageSet(w, ht, grey, labels);
        } catch (ZipException | EOFException e) {
            throw new DataException(name + " is damaged (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new DataException("cannot read " + name + ": " + e.getMessage());
        }
    }

    private static byte[] readExactly(DataInputStream d, int n, String name) throws IOException, DataException {
        byte[] b = d.readNBytes(n);
        if (b.length != n) {
            throw new DataException(name + " is truncated (" + b.length + " of " + n + " bytes)");
        }
        return b;
    }

    /** The compact format as gzip bytes. */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
                ByteBuffer h = ByteBuffer.allocate(14).order(ByteOrder.LITTLE_ENDIAN);
                h.put((byte) 'D').put((byte) 'L').put((byte) 'I').put((byte) 'M');
                h.putShort((short) 1).putShort((short) width).putShort((short) height).putInt(count());
                gz.write(h.array());
                gz.write(labels);
                gz.write(grey);
            }
            return bos.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory gzip failed", e);
        }
    }

    /** Reads from gzip bytes (see {@link #read(InputStream, String)}). */
    public static ImageSet fromBytes(byte[] b, String name) throws DataException {
        return read(new ByteArrayInputStream(b), name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageSet s && s.width == width && s.height == height && Arrays.equals(s.grey, grey)
                && Arrays.equals(s.labels, labels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(grey) * 31 + width * 7 + height;
    }

    @Override
    public String toString() {
        return count() + " images of " + width + "×" + height;
    }
}
