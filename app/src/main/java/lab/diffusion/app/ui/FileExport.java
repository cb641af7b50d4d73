package lab.diffusion.app.ui;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Something the window can write to a file the person chooses: the chooser's title, file name
 * and filter, and the writer (run off the UI thread on an immutable snapshot).
 */
public record FileExport(String title, String fileName, String filterDescription, String filterPattern, String done, Writer writer) {

    /** Writes the snapshot to a file. */
    @FunctionalInterface
    public interface Writer {
        void write(Path file) throws IOException;
    }
}
