package lab.diffusion.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Reading and writing the files a person picks: the chooser, the work on the background
 * executor (the UI never waits), and one sentence about the outcome. FX thread.
 */
public final class FileActions {

    private FileActions() {
    }

    /** The window a node is shown in (null before it is shown). */
    public static Window owner(Node n) {
        return n.getScene() == null ? null : n.getScene().getWindow();
    }

    /** Asks for a file to open; null when the person cancels. */
    public static Path chooseOpen(Window owner, String title, FileChooser.ExtensionFilter... filters) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(filters);
        File f = fc.showOpenDialog(owner);
        return f == null ? null : f.toPath();
    }

    /** Asks where to write a file; null when the person cancels. */
    public static Path chooseSave(Window owner, String title, String fileName, String description, String pattern) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialFileName(fileName);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        File f = fc.showSaveDialog(owner);
        return f == null ? null : f.toPath();
    }

    /**
     * Reads {@code file} off the UI thread; {@code apply} takes the result on the UI thread. The
     * message says "Reading …", then nothing, or why the file was not read (and nothing changed).
     *
     * @return completes on the UI thread: true when read and applied
     */
    public static <T> CompletableFuture<Boolean> read(Path file, Background background, Callable<T> reader, Consumer<T> apply,
                                                      MessageLabel message, String refused) {
        message.inform("Reading " + file.getFileName() + "…");
        return background.call(reader).handle((value, e) -> {
            if (e != null) {
                message.say(refused + ": " + e.getMessage());
                return false;
            }
            message.say("");
            apply.accept(value);
            return true;
        });
    }

    /** Asks where to write {@code e}, writes it off the UI thread and says how it went. */
    public static void write(FileExport e, Window owner, Background background, Consumer<String> news, Consumer<String> problem) {
        Path out = chooseSave(owner, e.title(), e.fileName(), e.filterDescription(), e.filterPattern());
        if (out == null) {
            return;
        }
        background.call(() -> {
            e.writer().write(out);
            return true;
        }).whenComplete((ok, err) -> {
            if (err == null) {
                news.accept(e.done() + " to " + out.getFileName());
            } else {
                problem.accept("Not exported: " + err.getMessage());
            }
        });
    }
}
