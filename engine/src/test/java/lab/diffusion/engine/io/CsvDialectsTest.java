package lab.diffusion.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.diffusion.engine.data.BinaryData;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.data.PointCsv;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every CSV path reads the dialects people's tools write, and says what it assumed. */
class CsvDialectsTest {

    @TempDir
    Path dir;

    @Test
    void aEuropeanExportIsReadWithDecimalCommasAndSaysSo() throws Exception {
        Path f = write("x;y\n1,26247;0,82147\n-2,5;3\n");
        List<String> notes = new ArrayList<>();
        PointSet p = PointCsv.read(f, 2, PointCsv.MAX_POINTS, notes::add);
        assertArrayEquals(new float[] {1.26247f, 0.82147f, -2.5f, 3f}, p.toArray());
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).contains("semicolon-separated with decimal commas"), notes.get(0));
    }

    @Test
    void quotedNumbersSpacesTabsAndRunsOfSpacesAreRows() throws Exception {
        float[] expected = {1.2f, 0.8f, -3f, 4.5f};
        for (String body : List.of("\"x\",\"y\"\n\"1.2\",\"0.8\"\n\"-3\",\"4.5\"\n", "x , y\n 1.2 ,  0.8\n-3,4.5\n",
                "1.2\t0.8\n-3\t4.5\n", "1.2   0.8\n  -3 4.5\n", "x;y\n1.2;0.8\n-3;4.5\n", "\uFEFFx,y\r\n1.2,0.8\r\n-3,4.5\r\n")) {
            List<String> notes = new ArrayList<>();
            PointSet p = PointCsv.read(write(body), 2, PointCsv.MAX_POINTS, notes::add);
            assertArrayEquals(expected, p.toArray(), body);
            assertTrue(notes.isEmpty(), body + " " + notes);
        }
    }

    @Test
    void aWrongColumnCountIsAnErrorThatNamesTheCount() throws Exception {
        assertMessage(write("x\n1\n2\n"), "the header has 1 columns but 2 are expected (points are x,y rows)");
        assertMessage(write("1\n2\n"), "line 1: expected 2 values, found 1 (points are x,y rows)");
        assertMessage(write("1,2,3\n4,5,6\n"), "line 1: expected 2 values, found 3");
        assertMessage(write("1;2;3\n"), "expected 2 values, found 3");
    }

    @Test
    void aSequenceFileMayHaveAHeaderAndAnySeparator() throws Exception {
        float[] expected = {0, 1, 1, 1, 0, 0};
        for (String body : List.of("b1,b2,b3\n0,1,1\n1,0,0\n", "011\n100\n", "0 1 1\n1 0 0\n", "\"0\";\"1\";\"1\"\n1;0;0\n")) {
            PointSet p = BinaryData.readCsv(write(body));
            assertArrayEquals(expected, p.toArray(), body);
            assertEquals(3, p.dim());
        }
        DataException e = assertThrows(DataException.class, () -> BinaryData.readCsv(write("0,1\n0,2\n")));
        assertTrue(e.getMessage().contains("line 2: '2' is not 0 or 1"), e.getMessage());
    }

    @Test
    void aScheduleWithABomSemicolonsOrQuotesIsRead() throws Exception {
        for (String body : List.of("\uFEFFt,beta\n1,0.1\n2,0.2\n", "t;beta\n1;0,1\n2;0,2\n", "\"t\",\"beta\"\n\"1\",\"0.1\"\n\"2\",\"0.2\"\n",
                "1 0.1\n2 0.2\n")) {
            Schedule s = ScheduleCsv.read(write(body));
            assertArrayEquals(new double[] {0.1, 0.2}, s.betas(), 1e-12, body);
        }
    }

    @Test
    void aBetaTooSmallForFloat32IsRefusedByTheReaderWithItsLine() throws Exception {
        DataException e = assertThrows(DataException.class, () -> ScheduleCsv.read(write("t,beta\n1,1e-320\n2,0.1\n")));
        assertTrue(e.getMessage().contains("line 2: β = 1e-320 is too small to compute with"), e.getMessage());
        assertEquals(2, ScheduleCsv.read(write("t,beta\n1,2e-38\n2,0.1\n")).steps());
        DataException e3 = assertThrows(DataException.class, () -> ScheduleCsv.read(write("t,beta,x\n1,0.1,3\n2,0.1,3\n")));
        assertTrue(e3.getMessage().contains("expected 2 columns (t,beta), found 3"), e3.getMessage());
    }

    @Test
    void aLineWithoutBreaksIsRefusedWithinTheCapByEveryReader() throws Exception {
        Path f = dir.resolve("long.csv");
        Files.writeString(f, "1,".repeat(200_000));
        assertTrue(assertThrows(DataException.class, () -> PointCsv.read(f, 2)).getMessage()
                .contains("line 1 is longer than 64 KB"));
        assertTrue(assertThrows(DataException.class, () -> BinaryData.readCsv(f)).getMessage()
                .contains("line 1 is longer than 64 KB"));
        assertTrue(assertThrows(DataException.class, () -> ScheduleCsv.read(f)).getMessage()
                .contains("line 1 is longer than 64 KB"));
    }

    @Test
    void aBrokenQuoteIsOneLineNamingTheFile() throws Exception {
        Path f = write("x,y\n1,2\n\"3,4\n5,6\n");
        DataException e = assertThrows(DataException.class, () -> PointCsv.read(f, 2));
        assertTrue(e.getMessage().startsWith(f.getFileName().toString()), e.getMessage());
        assertNull(e.getMessage().contains("\n") ? "multi-line" : null, e.getMessage());
    }

    private Path write(String content) throws Exception {
        Path f = Files.createTempFile(dir, "d", ".csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    private static void assertMessage(Path f, String expected) {
        DataException e = assertThrows(DataException.class, () -> PointCsv.read(f, 2));
        assertTrue(e.getMessage().contains(expected), "message: " + e.getMessage());
    }
}
