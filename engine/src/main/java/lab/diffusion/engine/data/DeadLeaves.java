package lab.diffusion.engine.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Dead-leaves images (the paper's texture data set): opaque discs with power-law radii
 * (density ∝ r⁻³ between {@link #minRadius} and {@link #maxRadius}) and uniform random grey
 * levels fall one on top of another; the image is what is seen from above. Generated front to
 * back, so each pixel takes the first disc that covers it.
 */
public final class DeadLeaves {

    private static final int MAX_DISCS = 20_000;

    private DeadLeaves() {
    }

    static double minRadius(int side) {
        return Math.max(0.75, side / 28.0);
    }

    static double maxRadius(int side) {
        return side / 2.0;
    }

    /** n images of side×side, reproducible from the seed. */
    public static ImageSet generate(int n, int side, long seed) {
        if (n < 1 || side < 2 || side > ImageSet.MAX_SIDE) {
            throw new IllegalArgumentException("need at least one image of side 2.." + ImageSet.MAX_SIDE);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int px = side * side;
        byte[] grey = new byte[n * px];
        boolean[] done = new boolean[px];
        double rMin = minRadius(side);
        double rMax = maxRadius(side);
        double a = 1 / (rMin * rMin);
        double b = 1 / (rMax * rMax);
        for (int i = 0; i < n; i++) {
            Arrays.fill(done, false);
            int left = px;
            for (int k = 0; k < MAX_DISCS && left > 0; k++) {
                double r = 1 / Math.sqrt(a - rng.nextDouble() * (a - b)); // inverse CDF of r⁻³
                double cx = -r + rng.nextDouble() * (side + 2 * r);
                double cy = -r + rng.nextDouble() * (side + 2 * r);
                byte g = (byte) rng.nextInt(256);
                int x0 = Math.max(0, (int) Math.floor(cx - r));
                int x1 = Math.min(side - 1, (int) Math.ceil(cx + r));
                int y0 = Math.max(0, (int) Math.floor(cy - r));
                int y1 = Math.min(side - 1, (int) Math.ceil(cy + r));
                double r2 = r * r;
                for (int y = y0; y <= y1; y++) {
                    double dy = y + 0.5 - cy;
                    for (int x = x0; x <= x1; x++) {
                        double dx = x + 0.5 - cx;
                        int p = y * side + x;
                        if (!done[p] && dx * dx + dy * dy <= r2) {
                            done[p] = true;
                            grey[i * px + p] = g;
                            left--;
                        }
                    }
                }
            }
        }
        return ImageSet.of(side, side, grey, null);
    }
}
