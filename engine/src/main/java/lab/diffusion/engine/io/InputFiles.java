package lab.diffusion.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What every reader checks before it opens a file a person named: that it exists and is a
 * regular file (links are followed), not a folder, a device, a pipe or a socket — reading one
 * of those can wait forever or never end. Any thread.
 */
public final class InputFiles {

    /** Longest line a text reader accepts. */
    public static final int MAX_LINE_CHARS = 64 * 1024;

    private InputFiles() {
    }

    /** The file's name for messages (the path if it has none). */
    public static String name(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /**
     * Why {@code file} cannot be read as {@code what} ("a CSV file", "a session file", …), or
     * null when it is a regular file.
     */
    public static String problem(Path file, String what) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return Files.exists(file) ? "cannot read " + name(file) + ": " + e.getMessage() : "no such file: " + file;
        }
        if (a.isDirectory()) {
            return name(file) + " is a folder, not " + what;
        }
        if (!a.isRegularFile()) {
            return name(file) + " is not a regular file (a device, a pipe or a socket), not " + what;
        }
        return null;
    }

    /** True when {@code file} is a regular file (after links). */
    public static boolean isRegular(Path file) {
        return problem(file, "a file") == null;
    }
}
