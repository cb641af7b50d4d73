package lab.diffusion.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ImageDataTest {

    @Test
    void bundledDigitsHoldOutTheLastHundredOfEachClass() throws Exception {
        ImageSet train = ImageData.mnistTrain();
        ImageSet held = ImageData.mnistHeldout();
        assertEquals(28, train.width());
        assertEquals(28, train.height());
        assertEquals(9000, train.count());
        assertEquals(1000, held.count());
        int[] perClass = new int[10];
        for (int i = 0; i < held.count(); i++) {
            perClass[held.label(i)]++;
        }
        for (int c = 0; c < 10; c++) {
            assertEquals(100, perClass[c], "held-out digits of class " + c);
        }
        // digits: mostly black background, white ink
        assertTrue(train.meanGrey() > 20 && train.meanGrey() < 60, "mean grey " + train.meanGrey());
        // no held-out digit appears among the training digits
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < train.count(); i++) {
            seen.add(key(train, i));
        }
        int shared = 0;
        for (int i = 0; i < held.count(); i++) {
            shared += seen.contains(key(held, i)) ? 1 : 0;
        }
        assertEquals(0, shared);
    }

    private static String key(ImageSet s, int i) {
        StringBuilder b = new StringBuilder();
        for (int p = 0; p < s.pixels(); p++) {
            b.append((char) s.grey(i, p));
        }
        return b.toString();
    }

    @Test
    void compactFormatRoundTripsAndRejectsDamage() throws Exception {
        ImageSet s = DeadLeaves.generate(5, 8, 1);
        byte[] b = s.toBytes();
        assertEquals(s, ImageSet.fromBytes(b, "x"));
        assertThrows(DataException.class, () -> ImageSet.fromBytes(Arrays.copyOf(b, b.length / 2), "half"));
        assertThrows(DataException.class, () -> ImageSet.fromBytes("not gzip".getBytes(), "text"));
        DataException wrongMagic = assertThrows(DataException.class, () -> ImageSet.fromBytes(gzip("XLIM0000000000000".getBytes()), "m"));
        assertTrue(wrongMagic.getMessage().contains("not a Diffusion Lab image set"), wrongMagic.getMessage());
        byte[] huge = new byte[14];
        huge[0] = 'D';
        huge[1] = 'L';
        huge[2] = 'I';
        huge[3] = 'M';
        huge[4] = 1;
        huge[6] = (byte) 200; // 200×28: too wide
        huge[8] = 28;
        huge[10] = 1;
        DataException big = assertThrows(DataException.class, () -> ImageSet.fromBytes(gzip(huge), "h"));
        assertTrue(big.getMessage().contains("declares"), big.getMessage());
    }

    private static byte[] gzip(byte[] raw) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(o)) {
            g.write(raw);
        }
        return o.toByteArray();
    }

    @Test
    void deadLeavesAreReproducibleCoveredAndVaried() {
        ImageSet a = DeadLeaves.generate(20, 28, 5);
        assertEquals(a, DeadLeaves.generate(20, 28, 5));
        assertNotEquals(a, DeadLeaves.generate(20, 28, 6));
        int distinctGreys = 0;
        for (int i = 0; i < a.count(); i++) {
            Set<Integer> g = new HashSet<>();
            for (int p = 0; p < a.pixels(); p++) {
                g.add(a.grey(i, p));
            }
            distinctGreys += g.size();
            assertTrue(g.size() >= 2, "image " + i + " is one flat disc");
        }
        assertTrue(distinctGreys / 20.0 > 4, "discs per image " + distinctGreys / 20.0);
        double m = a.meanGrey();
        assertTrue(m > 90 && m < 165, "uniform grey levels average near 127.5, got " + m);
    }

    @Test
    void pointsAreDequantizedStandardizedAndRebuiltExactly() {
        ImageSet train = DeadLeaves.generate(50, 8, 2);
        ImageSet held = DeadLeaves.generate(10, 8, 3);
        PointData pd = ImageData.of("dl", train, held, 9);
        assertEquals(64, pd.dim());
        assertTrue(pd.isImages());
        // one global mean and scale; unit variance overall
        double[] mean = pd.standardizer().mean();
        for (double v : mean) {
            assertEquals(mean[0], v, 0.0);
        }
        double ss = 0;
        double s = 0;
        int n = pd.train().size() * 64;
        for (int i = 0; i < pd.train().size(); i++) {
            for (int d = 0; d < 64; d++) {
                s += pd.train().get(i, d);
                ss += pd.train().get(i, d) * pd.train().get(i, d);
            }
        }
        assertEquals(0.0, s / n, 0.01);
        assertEquals(1.0, ss / n, 0.02);
        // each point lies within one grey level above its 8-bit value: g ≤ x·s + m = g + u < g + 1
        for (int i = 0; i < 50; i++) {
            for (int p = 0; p < 64; p++) {
                double g = pd.train().get(i, p) * pd.standardizer().scale() + mean[0];
                assertTrue(g >= train.grey(i, p) - 1e-3 && g < train.grey(i, p) + 1 + 1e-3, "dequantized " + g);
            }
        }
        PointData again = ImageData.rebuild("dl", pd.images(), pd.standardizer());
        assertArrayEquals(pd.train().toArray(), again.train().toArray());
        assertArrayEquals(pd.heldout().toArray(), again.heldout().toArray());
    }

    @Test
    void greyAndModelUnitsInvertEachOther() {
        Standardizer st = new Standardizer(new double[] {40, 40, 40}, 80);
        float[] g = {0, 100, 255};
        float[] back = ImageData.toGrey(ImageData.toModel(g, st), st);
        assertArrayEquals(g, back, 1e-3f);
    }
}
