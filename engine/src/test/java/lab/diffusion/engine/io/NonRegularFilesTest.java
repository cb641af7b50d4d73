package lab.diffusion.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import lab.diffusion.engine.data.BinaryData;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.data.ImageData;
import lab.diffusion.engine.data.ImageFiles;
import lab.diffusion.engine.data.PointCsv;
import lab.diffusion.engine.schedule.ScheduleCsv;
import lab.diffusion.engine.session.SessionException;
import lab.diffusion.engine.session.SessionFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not regular files — a named pipe, a device, a symbolic link — are refused by
 * every reader and writer in bounded time with one sentence, and never replaced; a line without
 * end costs bounded memory.
 */
class NonRegularFilesTest {

    @TempDir
    Path dir;

    private Path fifo(String name) throws Exception {
        Path p = dir.resolve(name);
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", p.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available here");
            return null;
        }
        assumeTrue(mk.waitFor() == 0 && Files.exists(p), "mkfifo made no pipe");
        return p;
    }

    private static void refusedQuickly(String what, Executable read) {
        Exception e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(Exception.class, read), what + " must not wait");
        assertTrue(e instanceof DataException || e instanceof SessionException || e instanceof IOException, what + ": " + e);
        assertTrue(!e.getMessage().contains("\n") && e.getMessage().contains("not a regular file"), what + ": " + e.getMessage());
    }

    @Test
    void everyReaderRefusesAPipeInsteadOfWaitingForever() throws Exception {
        Path p = fifo("data.csv");
        refusedQuickly("points", () -> PointCsv.read(p, 2));
        refusedQuickly("sequences", () -> BinaryData.readCsv(p));
        refusedQuickly("a schedule", () -> ScheduleCsv.read(p));
        refusedQuickly("a session", () -> SessionFile.read(p));
        Path img = fifo("picture.png");
        refusedQuickly("an image", () -> ImageFiles.read(img, 28, 28));
    }

    @Test
    void aDeviceIsNoCsvNorSchedule() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        refusedQuickly("points", () -> PointCsv.read(zero, 2));
        refusedQuickly("a schedule", () -> ScheduleCsv.read(zero));
    }

    @Test
    void aLineWithoutEndIsRefusedWithItsNumber() throws Exception {
        Path f = dir.resolve("wide.csv");
        Files.writeString(f, "1,2\n" + "3".repeat(200_000) + "\n", StandardCharsets.UTF_8);
        DataException e = assertThrows(DataException.class, () -> PointCsv.read(f, 2));
        assertEquals("wide.csv: line 2 is longer than 64 KB; not a CSV of numbers", e.getMessage());
        Files.writeString(f, "0".repeat(100_000), StandardCharsets.UTF_8);
        assertTrue(assertThrows(DataException.class, () -> BinaryData.readCsv(f)).getMessage().contains("line 1 is longer than 64 KB"));
        assertTrue(assertThrows(DataException.class, () -> ScheduleCsv.read(f)).getMessage().contains("line 1 is longer than 64 KB"));
    }

    @Test
    void aFolderOfImagesSkipsAPipeNamedLikeAnImage() throws Exception {
        fifo("a.png");
        DataException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(DataException.class, () -> ImageData.folder(dir, 28, 1)));
        assertTrue(e.getMessage().contains("holds 0 PNG/JPEG images"), e.getMessage());
    }

    @Test
    void writersNeverReplaceALinkOrAPipe() throws Exception {
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "kept");
        Path link = dir.resolve("link.csv");
        Files.createSymbolicLink(link, real);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(link, out -> out.write(1)));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals("kept", Files.readString(real));
        Path p = fifo("out.csv");
        IOException f = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(IOException.class, () -> AtomicFiles.write(p, out -> out.write(1))));
        assertTrue(f.getMessage().contains("not a regular file"), f.getMessage());
        assertTrue(Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS), "the pipe stays");
        try (Stream<Path> s = Files.list(dir)) {
            List<String> left = s.map(x -> x.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
            assertTrue(left.isEmpty(), "temporary files left: " + left);
        }
    }
}
