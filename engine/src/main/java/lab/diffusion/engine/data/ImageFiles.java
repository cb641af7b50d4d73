package lab.diffusion.engine.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import lab.diffusion.engine.io.AtomicFiles;
import lab.diffusion.engine.io.InputFiles;

/**
 * PNG and JPEG files in and out. Reading never modifies the file; it checks the declared size
 * before decoding (so a 20000×20000 image is refused at once), converts colour to grey
 * (Rec. 601 luma), flattens transparency onto black, reduces 16-bit samples to 8 bits,
 * crops to the target's aspect ratio and resizes by area averaging. Every conversion is noted.
 */
public final class ImageFiles {

    /** Largest side of an image file accepted. */
    public static final int MAX_FILE_SIDE = 8192;
    /** Most pixels of an image file accepted. */
    public static final long MAX_FILE_PIXELS = 40_000_000L;
    /** Largest image file accepted, in bytes. */
    public static final long MAX_FILE_BYTES = 100L << 20;

    /**
     * A decoded image: grey levels 0..255 at the target size, the file's own size, and what was
     * done to it (for people, one short phrase each).
     */
    public record Loaded(float[] grey, int width, int height, int fileWidth, int fileHeight, List<String> notes) {
        public Loaded {
            notes = List.copyOf(notes);
        }
    }

    private ImageFiles() {
    }

    public static boolean isImageName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }

    /** Reads an image file, converted to grey and resized to width × height. */
    public static Loaded read(Path file, int width, int height) throws DataException {
        BufferedImage img = decode(file);
        List<String> notes = new ArrayList<>();
        float[] full = greyOf(img, notes);
        int w = img.getWidth();
        int h = img.getHeight();
        // crop to the target's aspect ratio (centred) when it differs by more than 5 %
        int cx = 0;
        int cy = 0;
        int cw = w;
        int ch = h;
        double want = (double) width / height;
        double have = (double) w / h;
        if (have > want * 1.05) {
            cw = Math.max(1, (int) Math.round(h * want));
            cx = (w - cw) / 2;
        } else if (have < want / 1.05) {
            ch = Math.max(1, (int) Math.round(w / want));
            cy = (h - ch) / 2;
        }
        if (cw != w || ch != h) {
            notes.add(String.format("cropped to %d×%d (the centre) to match the model's shape", cw, ch));
        }
        float[] crop = new float[cw * ch];
        for (int y = 0; y < ch; y++) {
            System.arraycopy(full, (y + cy) * w + cx, crop, y * cw, cw);
        }
        if (cw != width || ch != height) {
            notes.add(String.format("resized from %d×%d to %d×%d", cw, ch, width, height));
        }
        return new Loaded(resize(crop, cw, ch, width, height), width, height, w, h, notes);
    }

    /**
     * Reads a mask (white = the hole to fill, black = known) that must have the same size as
     * the image it belongs to, and returns it at the model's size: true where a pixel is to be
     * filled (more than half of its area is white).
     */
    public static boolean[] readMask(Path file, int imageWidth, int imageHeight, int width, int height) throws DataException {
        Loaded m = read(file, width, height);
        if (m.fileWidth() != imageWidth || m.fileHeight() != imageHeight) {
            throw new DataException(String.format("the mask %s is %d×%d but the image is %d×%d; they must be the same size",
                    file.getFileName(), m.fileWidth(), m.fileHeight(), imageWidth, imageHeight));
        }
        boolean[] hole = new boolean[width * height];
        int holes = 0;
        for (int i = 0; i < hole.length; i++) {
            hole[i] = m.grey()[i] > 127.5f;
            holes += hole[i] ? 1 : 0;
        }
        if (holes == 0) {
            throw new DataException("the mask " + file.getFileName() + " marks no pixel to fill (paint the hole white)");
        }
        return hole;
    }

    /**
     * The width and height an image file declares, read from its header without decoding it (so
     * sizes can be compared before a large image is decoded).
     */
    public static int[] size(Path file) throws DataException {
        return open(file, (r, name) -> new int[] {r.getWidth(0), r.getHeight(0)});
    }

    /**
     * Refuses a mask whose declared size differs from the image's, reading only the two headers
     * (an 8192×4882 image is not decoded to find out that a 32×32 mask does not fit it).
     */
    public static void requireSameSize(Path image, Path mask) throws DataException {
        int[] i = size(image);
        int[] m = size(mask);
        if (i[0] != m[0] || i[1] != m[1]) {
            throw new DataException(String.format("the mask %s is %d×%d but the image is %d×%d; they must be the same size",
                    mask.getFileName(), m[0], m[1], i[0], i[1]));
        }
    }

    private static BufferedImage decode(Path file) throws DataException {
        return open(file, (r, name) -> {
            List<String> warnings = new ArrayList<>();
            r.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage img = r.read(0);
            if (img == null) {
                throw new DataException(name + " could not be decoded");
            }
            if (!warnings.isEmpty()) {
                throw new DataException(name + " is damaged (" + warnings.get(0) + "); the decoder would fill the rest, so it was not used");
            }
            return img;
        });
    }

    /** The decoding step, given a reader positioned on a checked file. */
    private interface Step<T> {
        T apply(ImageReader r, String name) throws IOException, DataException;
    }

    /**
     * Opens a PNG or JPEG file and checks its declared size (and, for a PNG, its chunks) before
     * {@code step} decodes anything.
     */
    private static <T> T open(Path file, Step<T> step) throws DataException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            String problem = InputFiles.problem(file, "an image");
            if (problem != null) {
                throw new DataException(problem);
            }
            long bytes = Files.size(file);
            if (bytes > MAX_FILE_BYTES) {
                throw new DataException(name + " is " + bytes / (1 << 20) + " MB; images up to " + (MAX_FILE_BYTES >> 20) + " MB are accepted");
            }
            if (bytes == 0) {
                throw new DataException(name + " is empty");
            }
            PngCheck png = PngCheck.isPng(file) ? PngCheck.of(file, name) : null;
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
                if (readers == null || !readers.hasNext()) {
                    throw new DataException(name + " is not a PNG or JPEG image");
                }
                ImageReader r = readers.next();
                try {
                    String format = r.getFormatName().toLowerCase(Locale.ROOT);
                    if (!format.equals("png") && !format.equals("jpeg")) {
                        throw new DataException(name + " is a " + format.toUpperCase(Locale.ROOT) + " image; PNG and JPEG are accepted");
                    }
                    r.setInput(in, true, true);
                    int w = r.getWidth(0);
                    int h = r.getHeight(0);
                    if (w < 1 || h < 1 || w > MAX_FILE_SIDE || h > MAX_FILE_SIDE || (long) w * h > MAX_FILE_PIXELS) {
                        throw new DataException(String.format("%s is %d×%d pixels; images up to %d pixels a side (%d million pixels) are accepted",
                                name, w, h, MAX_FILE_SIDE, MAX_FILE_PIXELS / 1_000_000));
                    }
                    T result = step.apply(r, name);
                    if (result instanceof BufferedImage img && png != null) {
                        checkPalette(img, png, name);
                    }
                    return result;
                } finally {
                    r.dispose();
                }
            }
        } catch (NoSuchFileException e) {
            throw new DataException("no such file: " + file);
        } catch (IIOException e) {
            throw new DataException(name + " is damaged and could not be decoded (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new DataException("cannot read " + name + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new DataException(name + " is damaged and could not be decoded");
        }
    }

    /** Java pads a short palette; an index past the file's own palette is damage, not a colour. */
    private static void checkPalette(BufferedImage img, PngCheck png, String name) throws DataException {
        if (png.colourType != 3 || png.paletteEntries == 0 || !(img.getColorModel() instanceof IndexColorModel)) {
            return;
        }
        Raster ras = img.getRaster();
        int[] row = new int[img.getWidth()];
        for (int y = 0; y < img.getHeight(); y++) {
            ras.getSamples(0, y, img.getWidth(), 1, 0, row);
            for (int v : row) {
                if (v >= png.paletteEntries) {
                    throw new DataException(String.format("%s is damaged: a pixel uses colour %d but its palette has %d colours",
                            name, v, png.paletteEntries));
                }
            }
        }
    }

    /** Grey levels 0..255 of the whole image, row-major, noting conversions. */
    static float[] greyOf(BufferedImage img, List<String> notes) {
        int w = img.getWidth();
        int h = img.getHeight();
        float[] g = new float[w * h];
        Raster ras = img.getRaster();
        int bands = ras.getNumBands();
        int bits = img.getColorModel().getComponentSize(0);
        boolean alpha = img.getColorModel().hasAlpha();
        int colourBands = alpha ? bands - 1 : bands;
        if (bits > 8) {
            notes.add(bits + "-bit samples reduced to 8 bits");
        }
        if (colourBands >= 3) {
            notes.add("colour converted to grey");
        }
        boolean transparent = false;
        double max = (1 << Math.min(bits, 16)) - 1.0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v;
                double a = 1.0;
                if (colourBands >= 3) {
                    int rgb = img.getRGB(x, y);
                    a = (rgb >>> 24) / 255.0;
                    v = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
                    if (!alpha) {
                        a = 1.0;
                    }
                } else if (img.getColorModel() instanceof IndexColorModel) {
                    int rgb = img.getRGB(x, y);
                    a = (rgb >>> 24) / 255.0;
                    v = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
                } else {
                    v = ras.getSample(x, y, 0) / max * 255.0;
                    if (alpha) {
                        a = ras.getSample(x, y, bands - 1) / max;
                    }
                }
                if (a < 1.0) {
                    transparent = true;
                }
                g[y * w + x] = (float) (v * a); // flattened onto black
            }
        }
        if (transparent) {
            notes.add("transparency flattened onto black");
        }
        return g;
    }

    /** Area-averaging resize (exact box filter) for shrinking, bilinear for enlarging. */
    public static float[] resize(float[] src, int sw, int sh, int dw, int dh) {
        if (sw == dw && sh == dh) {
            return src.clone();
        }
        if (dw >= sw && dh >= sh) {
            return bilinear(src, sw, sh, dw, dh);
        }
        float[] out = new float[dw * dh];
        double fx = (double) sw / dw;
        double fy = (double) sh / dh;
        for (int y = 0; y < dh; y++) {
            double y0 = y * fy;
            double y1 = y0 + fy;
            for (int x = 0; x < dw; x++) {
                double x0 = x * fx;
                double x1 = x0 + fx;
                double s = 0;
                double area = 0;
                for (int sy = (int) Math.floor(y0); sy < Math.min(sh, (int) Math.ceil(y1)); sy++) {
                    double wy = Math.min(y1, sy + 1) - Math.max(y0, sy);
                    for (int sx = (int) Math.floor(x0); sx < Math.min(sw, (int) Math.ceil(x1)); sx++) {
                        double wx = Math.min(x1, sx + 1) - Math.max(x0, sx);
                        s += src[sy * sw + sx] * wx * wy;
                        area += wx * wy;
                    }
                }
                out[y * dw + x] = (float) (s / area);
            }
        }
        return out;
    }

    private static float[] bilinear(float[] src, int sw, int sh, int dw, int dh) {
        float[] out = new float[dw * dh];
        for (int y = 0; y < dh; y++) {
            double sy = Math.max(0, Math.min(sh - 1, (y + 0.5) * sh / dh - 0.5));
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(sh - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < dw; x++) {
                double sx = Math.max(0, Math.min(sw - 1, (x + 0.5) * sw / dw - 0.5));
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(sw - 1, x0 + 1);
                double fx = sx - x0;
                double top = src[y0 * sw + x0] * (1 - fx) + src[y0 * sw + x1] * fx;
                double bot = src[y1 * sw + x0] * (1 - fx) + src[y1 * sw + x1] * fx;
                out[y * dw + x] = (float) (top * (1 - fy) + bot * fy);
            }
        }
        return out;
    }

    /**
     * Encodes an image as PNG straight into {@code out}. ImageIO's disk cache is turned off: with it,
     * a full disk ended in a stack trace from ImageIO's stream closer after the error was reported.
     */
    public static void encodePng(BufferedImage img, OutputStream out) throws IOException {
        ImageIO.setUseCache(false);
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer available");
        }
    }

    /** Writes grey levels (w × h, row-major, clamped to 0..255) as an 8-bit grey PNG of outW × outH, atomically. */
    public static void writePng(Path file, float[] grey, int w, int h, int outW, int outH) throws IOException {
        AtomicFiles.write(file, png(grey, w, h, outW, outH));
    }

    /** Grey levels (w × h, clamped to 0..255) as the content of an 8-bit grey PNG of outW × outH. */
    public static AtomicFiles.Writer png(float[] grey, int w, int h, int outW, int outH) {
        float[] g = resize(grey, w, h, outW, outH);
        BufferedImage img = new BufferedImage(outW, outH, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) Math.round(Math.max(0, Math.min(255, g[i])));
        }
        return out -> encodePng(img, out);
    }

    /**
     * Writes images (grey levels, each w × h) side by side in a grid of {@code cols} columns with
     * a one-pixel black gap, each enlarged {@code scale} times (nearest neighbour), atomically.
     */
    public static void writeGrid(Path file, List<float[]> images, int w, int h, int cols, int scale) throws IOException {
        int n = images.size();
        int rows = (n + cols - 1) / cols;
        int cw = w * scale + 1;
        int ch = h * scale + 1;
        int gw = cols * cw + 1;
        int gh = rows * ch + 1;
        float[] grid = new float[gw * gh];
        for (int k = 0; k < n; k++) {
            float[] g = images.get(k);
            int ox = 1 + (k % cols) * cw;
            int oy = 1 + (k / cols) * ch;
            for (int y = 0; y < h * scale; y++) {
                for (int x = 0; x < w * scale; x++) {
                    grid[(oy + y) * gw + ox + x] = g[(y / scale) * w + x / scale];
                }
            }
        }
        writePng(file, grid, gw, gh, gw, gh);
    }
}
