package lab.diffusion.engine.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes a file so that readers see either the old content or the complete new content: the
 * bytes go to a temporary file in the same folder, are forced to disk, and the temporary file
 * is renamed over the target. A failure leaves any existing file untouched. A target that is not a
 * regular file — a symbolic link, a device, a pipe — is refused, never replaced. Temporary files
 * that a killed write left beside the target are removed by the next write. Any thread.
 */
public final class AtomicFiles {

    /** Writes the content to a stream; may throw. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * The temporary file is created private (rw-------); give the result the permissions of the
     * file it replaces, or rw-r--r-- for a new file, as an ordinary write would.
     */
    private static void keepPermissions(Path tmp, Path target) {
        try {
            if (!Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                return;
            }
            Set<PosixFilePermission> p = Files.exists(target)
                    ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(tmp, p);
        } catch (IOException | UnsupportedOperationException e) {
            // permissions are a courtesy; the content is what matters
        }
    }

    /** Thrown by a writer that stops on purpose (e.g. cancelled); passed through unchanged, nothing is written. */
    public static class Abort extends IOException {
        public Abort(String message) {
            super(message);
        }
    }

    /**
     * Writes {@code target} atomically.
     *
     * @throws IOException with a message a person can act on (no permission, disk full, …)
     */
    public static void write(Path target, Writer writer) throws IOException {
        writeAll(Map.of(target, writer));
    }

    /**
     * Writes several files together: every one goes to a temporary file first, and only when all
     * are complete are they renamed over their targets. A failure leaves every target as it was
     * and no temporary file behind.
     *
     * @throws IOException with a message a person can act on (no permission, disk full, …)
     */
    public static void writeAll(Map<Path, Writer> files) throws IOException {
        Map<Path, Path> written = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, Writer> f : files.entrySet()) {
                Path abs = checkTarget(f.getKey());
                removeStaleTemps(abs);
                written.put(abs, writeTemp(f.getKey(), abs, f.getValue()));
            }
            for (Map.Entry<Path, Path> w : written.entrySet()) {
                keepPermissions(w.getValue(), w.getKey());
                try {
                    Files.move(w.getValue(), w.getKey(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(w.getValue(), w.getKey(), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            written.clear();
        } finally {
            for (Path tmp : written.values()) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** How old a temporary file beside a target must be to count as left over by a write that was killed. */
    static final long STALE_MILLIS = 10 * 60 * 1000L;

    /**
     * Deletes temporary files that a killed write of {@code target} left beside it (named like
     * ours, older than ten minutes); problems are ignored, the files are only litter.
     */
    public static void removeStaleTemps(Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || abs.getFileName() == null) {
            return;
        }
        String prefix = "." + abs.getFileName() + ".";
        long cutoff = System.currentTimeMillis() - STALE_MILLIS;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp");
        })) {
            for (Path p : s) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.getLastModifiedTime(p).toMillis() < cutoff) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // litter stays; the write itself is unaffected
        }
    }

    /** The absolute target after checking that it may be written: an existing folder around it, no link, device or pipe. */
    private static Path checkTarget(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot write " + target + ": the folder " + dir + " does not exist");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            BasicFileAttributes a = Files.readAttributes(abs, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isDirectory()) {
                throw new IOException("cannot write " + target + ": it is a folder");
            }
            if (a.isSymbolicLink()) {
                throw new IOException("cannot write " + target + ": it is a symbolic link (nothing was written; name the file itself)");
            }
            if (!a.isRegularFile()) {
                throw new IOException("cannot write " + target + ": it is not a regular file (a device, a pipe or a socket); "
                        + "nothing was written");
            }
        }
        return abs;
    }

    /** Writes the content to a new temporary file beside the target, forced to disk; deleted again on any failure. */
    private static Path writeTemp(Path target, Path abs, Writer writer) throws IOException {
        Path dir = abs.getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        } catch (AccessDeniedException e) {
            throw new IOException("cannot write " + target + ": no permission to write in " + dir, e);
        }
        boolean done = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream raw = Channels.newOutputStream(ch);
                 OutputStream out = new BufferedOutputStream(raw, 1 << 16)) {
                writer.write(out);
                out.flush();
                ch.force(true);
            }
            done = true;
            return tmp;
        } catch (Abort e) {
            throw e;
        } catch (AccessDeniedException e) {
            throw new IOException("cannot write " + target + ": permission denied", e);
        } catch (NoSuchFileException e) {
            throw new IOException("cannot write " + target + ": " + e.getMessage() + " vanished while writing", e);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (why.contains("No space left")) {
                why = "the disk is full";
            }
            throw new IOException("cannot write " + target + ": " + why + " (the previous file, if any, is unchanged)", e);
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
