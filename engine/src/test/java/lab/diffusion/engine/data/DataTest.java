package lab.diffusion.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DataTest {

    @TempDir
    Path dir;

    @Test
    void swissRollConstantsMatchPaperMath() {
        assertEquals(6.7936960, Preset.SWISSROLL_SCALE, 5e-8);
        assertEquals(2.0, Preset.SWISSROLL_MEAN[0], 0);
        assertEquals(2.0 / (3 * Math.PI), Preset.SWISSROLL_MEAN[1], 1e-15);
    }

    @Test
    void swissRollSamplesHaveThePopulationMoments() {
        PointSet p = Preset.SWISSROLL.generate(400_000, 7);
        double mx = 0;
        double my = 0;
        double ss = 0;
        for (int i = 0; i < p.size(); i++) {
            mx += p.get(i, 0);
            my += p.get(i, 1);
        }
        mx /= p.size();
        my /= p.size();
        for (int i = 0; i < p.size(); i++) {
            double dx = p.get(i, 0) - mx;
            double dy = p.get(i, 1) - my;
            ss += dx * dx + dy * dy;
        }
        double s = Math.sqrt(ss / (2.0 * p.size()));
        assertEquals(2.0, mx, 0.03);
        assertEquals(2.0 / (3 * Math.PI), my, 0.03);
        assertEquals(Preset.SWISSROLL_SCALE, s, 0.01);
        // radius θ lies in [1.5π, 4.5π] up to the 0.25 noise
        for (int i = 0; i < 1000; i++) {
            double r = Math.hypot(p.get(i, 0), p.get(i, 1));
            assertTrue(r > 1.5 * Math.PI - 1.5 && r < 4.5 * Math.PI + 1.5);
        }
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void presetsAreReproducibleAndStandardizeToUnitVariance(Preset preset) {
        assertEquals(preset.generate(100, 3), preset.generate(100, 3));
        assertNotEquals(preset.generate(100, 3), preset.generate(100, 4));
        PointSet std = preset.standardizer().apply(preset.generate(100_000, 11));
        double ss = 0;
        for (int i = 0; i < std.size(); i++) {
            ss += std.get(i, 0) * std.get(i, 0) + std.get(i, 1) * std.get(i, 1);
        }
        assertEquals(1.0, ss / (2.0 * std.size()), 0.03, preset + " total variance per dimension");
    }

    @Test
    void standardizerRoundTripsAndKeepsItsScale() {
        PointSet raw = PointSet.wrap(new float[] {1, 10, 3, 14, 5, 12, 7, 20}, 2);
        Standardizer s = Standardizer.fit(raw);
        assertEquals(4.0, s.mean()[0], 1e-12);
        assertEquals(14.0, s.mean()[1], 1e-12);
        PointSet back = s.invert(s.apply(raw));
        for (int i = 0; i < raw.size(); i++) {
            assertEquals(raw.get(i, 0), back.get(i, 0), 1e-5);
            assertEquals(raw.get(i, 1), back.get(i, 1), 1e-5);
        }
        assertEquals(2 * Math.log(s.scale()), s.logDetNats(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(PointSet.wrap(new float[] {1, 1, 1, 1}, 2)));
    }

    @Test
    void csvRoundTripWithHeader() throws Exception {
        PointSet p = PointSet.wrap(new float[] {0.5f, -1.25f, 3e-7f, 12345.678f}, 2);
        Path f = dir.resolve("pts.csv");
        PointCsv.write(f, p);
        assertTrue(Files.readString(f).startsWith("x,y\n"));
        assertEquals(p, PointCsv.read(f, 2));
    }

    @Test
    void csvAcceptsNoHeaderCommentsBlankLinesAndBom() throws Exception {
        Path f = write("\uFEFF# my points\n1,2\n\n 3 , 4 \n");
        PointSet p = PointCsv.read(f, 0);
        assertEquals(2, p.size());
        assertArrayEquals(new float[] {1, 2, 3, 4}, p.toArray());
    }

    @Test
    void csvBadInputGivesALineNumberedMessage() throws Exception {
        assertMessage(write(""), "contains no points");
        assertMessage(write("x,y\n"), "contains no points");
        assertMessage(write("1,2\n3\n"), "line 2: expected 2 values, found 1");
        assertMessage(write("1,2\nabc,4\n"), "line 2: 'abc,4' is not a row of numbers");
        assertMessage(write("1,2\nNaN,4\n"), "line 2: value 'NaN' is not a finite number");
        assertMessage(write("1,2\n1e40,4\n"), "line 2: value '1e40' is too large");
        assertMessage(write("1,2,3\n"), "expected 2 values, found 3");
        assertMessage(dir.resolve("missing.csv"), "no such file");
        assertMessage(dir, "is a folder");
        Path bin = dir.resolve("bin.csv");
        Files.write(bin, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertMessage(bin, "not a text file");
    }

    @Test
    void fileSplitHoldsOutTenPercentAndRejectsTinyFiles() throws Exception {
        StringBuilder b = new StringBuilder("x,y\n");
        for (int i = 0; i < 100; i++) {
            b.append(i).append(',').append(i * i % 17).append('\n');
        }
        PointData d = DataSources.file(write(b.toString()), 2, 1);
        assertEquals(90, d.train().size());
        assertEquals(10, d.heldout().size());
        DataException e = assertThrows(DataException.class, () -> DataSources.file(write("1,2\n3,4\n"), 2, 1));
        assertTrue(e.getMessage().contains("at least 10"), e.getMessage());
        DataException e2 = assertThrows(DataException.class, () -> DataSources.resolve("nonsense", 10, 10, 1));
        assertTrue(e2.getMessage().contains("neither a preset"), e2.getMessage());
    }

    private Path write(String content) throws IOException {
        Path f = Files.createTempFile(dir, "d", ".csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    private static void assertMessage(Path f, String expected) {
        DataException e = assertThrows(DataException.class, () -> PointCsv.read(f, 2));
        assertTrue(e.getMessage().contains(expected), "message: " + e.getMessage());
    }
}
