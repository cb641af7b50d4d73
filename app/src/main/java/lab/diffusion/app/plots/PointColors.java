package lab.diffusion.app.plots;

import javafx.scene.paint.Color;

/**
 * Colours points by where they started: the angle of the start position around the centre of
 * the starting cloud picks one of {@link #BUCKETS} hues. Points are pre-sorted by bucket so a
 * plot sets its fill colour once per bucket, not once per point.
 * Made on any thread (the background executor) and drawn on the FX thread; the palette is
 * switched on the FX thread.
 */
public final class PointColors {

    public static final int BUCKETS = 36;
    private static final Color[] PALETTE = new Color[BUCKETS];
    private static final int[] ARGB = new int[BUCKETS];

    /** Okabe–Ito colours, distinguishable with the common colour-vision deficiencies. */
    private static final Color[] SAFE = {
        Color.web("#E69F00"), Color.web("#56B4E9"), Color.web("#009E73"), Color.web("#F0E442"),
        Color.web("#0072B2"), Color.web("#D55E00"), Color.web("#CC79A7"), Color.web("#000000")};

    static {
        usePalette(false);
    }

    /**
     * Colours the buckets with a hue wheel, or with the colour-blind-safe Okabe–Ito colours (each
     * held for a run of neighbouring buckets, so angle still reads as bands). Affects plots at
     * their next paint.
     */
    public static synchronized void usePalette(boolean colourBlindSafe) {
        for (int b = 0; b < BUCKETS; b++) {
            PALETTE[b] = colourBlindSafe ? SAFE[(b * 7 / BUCKETS) % 7] : Color.hsb(360.0 * b / BUCKETS, 0.72, 0.82);
            ARGB[b] = PixelLayer.argb(PALETTE[b]);
        }
        safe = colourBlindSafe;
    }

    private static boolean safe;

    public static boolean colourBlindSafe() {
        return safe;
    }

    private final int[] order;
    private final int[] bucketStart;

    private PointColors(int[] order, int[] bucketStart) {
        this.order = order;
        this.bucketStart = bucketStart;
    }

    /** Buckets for n points given their start positions (row-major x, y). */
    public static PointColors byAngle(float[] start, int n) {
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < n; i++) {
            cx += start[2 * i];
            cy += start[2 * i + 1];
        }
        cx /= Math.max(1, n);
        cy /= Math.max(1, n);
        int[] bucket = new int[n];
        int[] count = new int[BUCKETS + 1];
        for (int i = 0; i < n; i++) {
            double a = Math.atan2(start[2 * i + 1] - cy, start[2 * i] - cx);
            int b = (int) Math.floor((a + Math.PI) / (2 * Math.PI) * BUCKETS);
            b = Math.max(0, Math.min(BUCKETS - 1, b));
            bucket[i] = b;
            count[b + 1]++;
        }
        for (int b = 0; b < BUCKETS; b++) {
            count[b + 1] += count[b];
        }
        int[] start2 = count.clone();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[start2[bucket[i]]++] = i;
        }
        return new PointColors(order, count);
    }

    /** One colour for all points. */
    public static PointColors single(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] starts = new int[BUCKETS + 1];
        for (int b = 1; b <= BUCKETS; b++) {
            starts[b] = n;
        }
        return new PointColors(order, starts);
    }

    public int size() {
        return order.length;
    }

    int[] order() {
        return order;
    }

    int bucketStart(int b) {
        return bucketStart[b];
    }

    static Color color(int b) {
        return PALETTE[b];
    }

    static int argb(int b) {
        return ARGB[b];
    }
}
