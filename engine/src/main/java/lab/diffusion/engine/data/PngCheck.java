package lab.diffusion.engine.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * What Java's PNG decoder lets through: it ignores chunk checksums and a missing end, and pads a
 * short palette so that out-of-range indices decode silently. This walks the chunks of a PNG
 * file (streaming, bounded memory) and checks every CRC, that IHDR comes first and IEND last, and
 * records the palette's length so decoded indices can be checked against it. Any one thread.
 */
final class PngCheck {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** The palette entries the file declares (PLTE length / 3), or 0 without a palette. */
    final int paletteEntries;
    /** The colour type from IHDR (3 = palette). */
    final int colourType;

    private PngCheck(int paletteEntries, int colourType) {
        this.paletteEntries = paletteEntries;
        this.colourType = colourType;
    }

    /** True when the file starts with the PNG signature. */
    static boolean isPng(Path file) throws IOException {
        byte[] head = new byte[SIGNATURE.length];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(head, 0, head.length) == head.length && Arrays.equals(head, SIGNATURE);
        }
    }

    /**
     * Checks the chunk structure.
     *
     * @throws DataException naming what is damaged, for a person
     */
    static PngCheck of(Path file, String name) throws DataException, IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            in.skipNBytes(SIGNATURE.length);
            byte[] buf = new byte[1 << 16];
            int palette = 0;
            int colourType = -1;
            boolean first = true;
            while (true) {
                long length;
                byte[] type = new byte[4];
                try {
                    length = in.readInt() & 0xffffffffL;
                    in.readFully(type);
                } catch (EOFException e) {
                    throw new DataException(name + " is truncated: it ends before its IEND chunk");
                }
                String t = new String(type, StandardCharsets.ISO_8859_1);
                if (first && !t.equals("IHDR")) {
                    throw new DataException(name + " is damaged: its first chunk is not IHDR");
                }
                CRC32 crc = new CRC32();
                crc.update(type);
                byte[] ihdr = new byte[13];
                long left = length;
                try {
                    while (left > 0) {
                        int n = (int) Math.min(buf.length, left);
                        in.readFully(buf, 0, n);
                        crc.update(buf, 0, n);
                        if (first && length == 13) {
                            System.arraycopy(buf, 0, ihdr, 0, 13);
                        }
                        left -= n;
                    }
                    long stored = in.readInt() & 0xffffffffL;
                    if (stored != crc.getValue()) {
                        throw new DataException(name + " is damaged: its " + t + " chunk fails its checksum (CRC)");
                    }
                } catch (EOFException e) {
                    throw new DataException(name + " is truncated: it ends inside its " + t + " chunk");
                }
                if (first) {
                    colourType = ihdr[9] & 0xff;
                    first = false;
                } else if (t.equals("PLTE")) {
                    palette = (int) (length / 3);
                } else if (t.equals("IEND")) {
                    return new PngCheck(palette, colourType);
                }
            }
        }
    }
}
