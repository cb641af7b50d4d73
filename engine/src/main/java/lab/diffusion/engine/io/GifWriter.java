package lab.diffusion.engine.io;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Animated GIFs with the JDK's GIF writer: one frame per image, a fixed delay, looping forever.
 * Written atomically; cancelling leaves no file (and an existing file unchanged).
 */
public final class GifWriter {

    /** Thrown when a write is cancelled; nothing was written. */
    public static final class Cancelled extends AtomicFiles.Abort {
        public Cancelled() {
            super("cancelled");
        }
    }

    /** Supplies frame i (0-based) on demand, so a long animation never holds all frames. */
    @FunctionalInterface
    public interface Frames {
        BufferedImage frame(int i) throws IOException;
    }

    private GifWriter() {
    }

    public static void write(Path file, List<BufferedImage> frames, int delayMillis) throws IOException {
        write(file, frames.size(), frames::get, delayMillis, i -> { }, () -> false);
    }

    /**
     * Writes {@code count} frames; {@code progress} receives each finished frame index and
     * {@code cancelled} is asked between frames.
     */
    public static void write(Path file, int count, Frames frames, int delayMillis, IntConsumer progress, BooleanSupplier cancelled)
            throws IOException {
        if (count < 1) {
            throw new IOException("an animation needs at least one frame");
        }
        AtomicFiles.write(file, out -> encode(out, count, frames, delayMillis, progress, cancelled));
    }

    private static void encode(OutputStream out, int count, Frames frames, int delayMillis, IntConsumer progress,
                               BooleanSupplier cancelled) throws IOException {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("gif");
        if (!it.hasNext()) {
            throw new IOException("no GIF writer in this Java runtime");
        }
        ImageWriter w = it.next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            w.setOutput(ios);
            w.prepareWriteSequence(null);
            for (int i = 0; i < count; i++) {
                if (cancelled.getAsBoolean()) {
                    throw new Cancelled();
                }
                BufferedImage img = frames.frame(i);
                BufferedImage rgb = indexed(img);
                IIOMetadata meta = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), null);
                configure(meta, delayMillis, i == 0);
                w.writeToSequence(new IIOImage(rgb, null, meta), null);
                progress.accept(i);
            }
            w.endWriteSequence();
        } finally {
            w.dispose();
        }
    }

    /**
     * The frame in a fixed 256-colour palette (6×6×6 colour cube plus 40 greys), mapped through a
     * 32×32×32 lookup table: much faster than letting the GIF writer build a palette per frame,
     * and the same palette in every frame (no flicker).
     */
    static BufferedImage indexed(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, PALETTE);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            int c = px[i];
            dst[i] = LOOKUP[((c >> 19) & 31) << 10 | ((c >> 11) & 31) << 5 | ((c >> 3) & 31)];
        }
        return out;
    }

    private static final IndexColorModel PALETTE;
    private static final byte[] LOOKUP = new byte[32 * 32 * 32];

    static {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        int k = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                for (int l = 0; l < 6; l++) {
                    r[k] = (byte) (i * 51);
                    g[k] = (byte) (j * 51);
                    b[k] = (byte) (l * 51);
                    k++;
                }
            }
        }
        for (int i = 0; i < 40; i++) {
            int v = (int) Math.round(255.0 * (i + 0.5) / 40);
            r[k] = (byte) v;
            g[k] = (byte) v;
            b[k] = (byte) v;
            k++;
        }
        PALETTE = new IndexColorModel(8, 256, r, g, b);
        for (int q = 0; q < LOOKUP.length; q++) {
            int cr = ((q >> 10) & 31) * 8 + 4;
            int cg = ((q >> 5) & 31) * 8 + 4;
            int cb = (q & 31) * 8 + 4;
            int best = 0;
            int bestD = Integer.MAX_VALUE;
            for (int e = 0; e < 256; e++) {
                int dr = cr - (r[e] & 0xFF);
                int dg = cg - (g[e] & 0xFF);
                int db = cb - (b[e] & 0xFF);
                int d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
                if (d < bestD) {
                    bestD = d;
                    best = e;
                }
            }
            LOOKUP[q] = (byte) best;
        }
    }

    private static void configure(IIOMetadata meta, int delayMillis, boolean first) throws IOException {
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(Math.max(1, delayMillis / 10)));
        gce.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0}); // loop forever
            apps.appendChild(app);
        }
        meta.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }

    /** Number of frames in a GIF file (for tests and checks). */
    public static int frameCount(Path file) throws IOException {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<javax.imageio.ImageReader> rs = ImageIO.getImageReaders(in);
            if (!rs.hasNext()) {
                throw new IOException(file + " is not an image");
            }
            javax.imageio.ImageReader r = rs.next();
            try {
                r.setInput(in, false);
                return r.getNumImages(true);
            } finally {
                r.dispose();
            }
        }
    }
}
