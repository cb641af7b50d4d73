package lab.diffusion.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.diffusion.engine.io.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoLitter() throws Exception {
        Path f = dir.resolve("keep.txt");
        Files.writeString(f, "old content");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("half of the new".getBytes());
            throw new IOException("No space left on device");
        }));
        assertTrue(e.getMessage().contains("disk is full"), e.getMessage());
        assertEquals("old content", Files.readString(f));
        try (var list = Files.list(dir)) {
            assertEquals(1, list.count(), "temporary file left behind");
        }
    }

    @Test
    void filesWrittenTogetherAreAllWrittenOrNone() throws Exception {
        Path a = dir.resolve("sample-1.png");
        Path b = dir.resolve("sample-2.png");
        Files.writeString(a, "earlier run");
        Map<Path, AtomicFiles.Writer> both = new LinkedHashMap<>();
        both.put(a, out -> out.write("new a".getBytes()));
        both.put(b, out -> {
            throw new IOException("No space left on device");
        });
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeAll(both));
        assertTrue(e.getMessage().startsWith("cannot write " + b) && e.getMessage().contains("the disk is full"), e.getMessage());
        assertEquals("earlier run", Files.readString(a), "the first file is not replaced when the second fails");
        try (var list = Files.list(dir)) {
            assertEquals(List.of("sample-1.png"), list.map(p -> p.getFileName().toString()).toList(), "no temporary file, no b");
        }
        both.put(b, out -> out.write("new b".getBytes()));
        AtomicFiles.writeAll(both);
        assertEquals("new a", Files.readString(a));
        assertEquals("new b", Files.readString(b));
    }

    @Test
    void litterOfAKilledSaveGoesWithTheNextWriteButAFreshOneStays() throws Exception {
        Path f = dir.resolve("mine.dlab");
        Path old = dir.resolve(".mine.dlab.123456789.tmp");
        Path fresh = dir.resolve(".mine.dlab.987654321.tmp");
        Path other = dir.resolve(".other.dlab.555.tmp");
        for (Path p : List.of(old, fresh, other)) {
            Files.writeString(p, "half");
        }
        FileTime longAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L);
        Files.setLastModifiedTime(old, longAgo);
        Files.setLastModifiedTime(other, longAgo);
        AtomicFiles.write(f, out -> out.write("new".getBytes()));
        assertTrue(!Files.exists(old), "an hour-old temporary file of this target is litter");
        assertTrue(Files.exists(fresh), "a recent one may be another write going on");
        assertTrue(Files.exists(other), "another file's temporary files are not ours to remove");
    }

    @Test
    void aSuccessfulWriteReplacesTheFile() throws Exception {
        Path f = dir.resolve("new.txt");
        Files.writeString(f, "old");
        AtomicFiles.write(f, out -> out.write("new".getBytes()));
        assertEquals("new", Files.readString(f));
    }

    @Test
    void missingFolderIsReported() {
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(dir.resolve("no/such/f.txt"), out -> { }));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
