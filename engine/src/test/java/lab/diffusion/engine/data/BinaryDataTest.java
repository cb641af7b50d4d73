package lab.diffusion.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryDataTest {

    @TempDir
    Path dir;

    @Test
    void heartbeatHasFivePhasesAndRateOneFifth() {
        PointSet h = BinaryData.heartbeat(5000, 1);
        assertEquals(20, h.dim());
        assertEquals(0.2, BinaryData.baseRate(h), 1e-12);
        for (int i = 0; i < 50; i++) {
            int first = -1;
            for (int k = 0; k < 20; k++) {
                if (h.get(i, k) == 1f) {
                    if (first < 0) {
                        first = k;
                    }
                    assertEquals(0, (k - first) % 5, "pulses every 5th bin");
                }
            }
            assertTrue(first >= 0 && first < 5);
        }
        assertEquals(Math.log(5) / Math.log(2), BinaryData.empiricalEntropyBits(h), 0.01);
    }

    @Test
    void readsBothRowFormatsAndWritesThemBack() throws Exception {
        Path f = dir.resolve("seq.csv");
        Files.writeString(f, "# my sequences\n0,1,0,1\n1 1 0 0\n0011\n\n");
        PointSet p = BinaryData.readCsv(f);
        assertEquals(3, p.size());
        assertEquals(4, p.dim());
        assertEquals(1f, p.get(2, 3));
        Path out = dir.resolve("out.csv");
        BinaryData.writeCsv(out, p);
        assertEquals(p, BinaryData.readCsv(out));
    }

    @Test
    void badFilesAreRejectedWithTheLine() throws Exception {
        assertMessage("0,1,0\n0,2,1\n", "line 2: '2' is not 0 or 1");
        assertMessage("0,1,0\n0,1\n", "line 2: 2 values, but the first sequence has 3");
        assertMessage("", "contains no sequences");
        assertMessage("0,0.5,1\n", "'0.5' is not 0 or 1");
        assertMessage("1".repeat(65) + "\n", "65 bits; sequences are limited to 64");
        Path f = dir.resolve("zeros.csv");
        Files.writeString(f, "0,0,0\n".repeat(20));
        DataException e = assertThrows(DataException.class, () -> BinaryData.split("zeros", BinaryData.readCsv(f), 1));
        assertTrue(e.getMessage().contains("every bit is 0"), e.getMessage());
    }

    private void assertMessage(String content, String expected) throws Exception {
        Path f = Files.createTempFile(dir, "b", ".csv");
        Files.writeString(f, content);
        DataException e = assertThrows(DataException.class, () -> BinaryData.readCsv(f));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
