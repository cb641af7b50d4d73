package lab.diffusion.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
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

    /** The folder a person last chose a file in (this run); null until then. */
    private static Path lastFolder;

    private FileActions() {
    }

    /**
     * Where choosers start: the folder last used, else the person's Documents folder, else their
     * home folder (never the folder the app happened to be started from).
     */
    public static File startFolder() {
        if (lastFolder != null && lastFolder.toFile().isDirectory()) {
            return lastFolder.toFile();
        }
        File home = new File(System.getProperty("user.home"));
        File docs = new File(home, "Documents");
        return docs.isDirectory() ? docs : home;
    }

    /** Notes the folder of a chosen file (or a chosen folder's parent) as the place to start next time. */
    public static void remember(Path chosen) {
        if (chosen != null && chosen.toAbsolutePath().getParent() != null) {
            lastFolder = chosen.toAbsolutePath().getParent();
        }
    }

    /** A file chooser with a title, starting in {@link #startFolder()}. */
    public static FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialDirectory(startFolder());
        return fc;
    }

    /** A name suggestion with today's date before the extension: {@code samples.csv} → {@code samples-2026-12-03.csv}. */
    public static String dated(String fileName) {
        String date = LocalDate.now().toString();
        if (fileName.contains(date)) {
            return fileName;
        }
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? fileName + "-" + date : fileName.substring(0, dot) + "-" + date + fileName.substring(dot);
    }

    /** The window a node is shown in (null before it is shown). */
    public static Window owner(Node n) {
        return n.getScene() == null ? null : n.getScene().getWindow();
    }

    /** Asks for a file to open; null when the person cancels. */
    public static Path chooseOpen(Window owner, String title, FileChooser.ExtensionFilter... filters) {
        FileChooser fc = chooser(title);
        fc.getExtensionFilters().addAll(filters);
        File f = fc.showOpenDialog(owner);
        remember(f == null ? null : f.toPath());
        return f == null ? null : f.toPath();
    }

    /** Asks where to write a file; null when the person cancels. */
    public static Path chooseSave(Window owner, String title, String fileName, String description, String pattern) {
        FileChooser fc = chooser(title);
        fc.setInitialFileName(dated(fileName));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        File f = fc.showSaveDialog(owner);
        remember(f == null ? null : f.toPath());
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
