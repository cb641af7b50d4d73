package lab.diffusion.app.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleFunction;
import javafx.animation.PauseTransition;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import lab.diffusion.app.ui.Background;
import lab.diffusion.engine.io.AtomicFiles;
import lab.diffusion.engine.session.Demos;
import lab.diffusion.engine.session.Session;
import lab.diffusion.engine.session.SessionException;
import lab.diffusion.engine.session.SessionFile;

/**
 * Open, Save, Save As, recent files, autosave and crash recovery. Reading and writing run in
 * order on the background executor and the model is captured on the engine thread, so the UI
 * never waits; saving is atomic (temporary file, then rename) and a failed save or open changes
 * nothing. FX thread.
 */
public final class SessionController implements AutoCloseable {

    private static final int MAX_RECENT = 8;
    /** How long an open may take before "Opening NAME…" with Cancel appears. */
    static final Duration OPENING_DELAY = Duration.millis(300);

    private final SessionHost ex;
    private final Path home;
    private final Background background;
    private final Executor io;
    private final ObjectProperty<Path> current = new SimpleObjectProperty<>();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final Autosave autosave;
    private final ReadOnlyStringWrapper opening = new ReadOnlyStringWrapper("");
    /** The open in progress's cancel flag (null: none). */
    private AtomicBoolean cancelOpen;
    /** Steps of the model in the recovery file; volatile for {@link #endFromOutside}. */
    private volatile long autosavedStep = -1;

    /** @param home the folder for recent files, the recovery file and the running marker */
    public SessionController(SessionHost ex, Path home, Background background) {
        this.ex = ex;
        this.home = home;
        this.background = background;
        this.io = background.serial();
        loadRecent();
        autosave = new Autosave(home, ex, this::autosave);
    }

    /** The default home: {@code ~/.diffusion-lab} (the system property {@code dlab.home} overrides it). */
    public static Path defaultHome() {
        String h = System.getProperty("dlab.home");
        return h != null ? Path.of(h) : Path.of(System.getProperty("user.home"), ".diffusion-lab");
    }

    /** Minutes between autosaves while training moves (1, 3 or 10; 0: off); saved in the home folder. */
    public IntegerProperty autosaveMinutesProperty() {
        return autosave.minutesProperty();
    }

    /** The intervals offered for {@link #autosaveMinutesProperty()}. */
    public static List<Integer> autosaveChoices() {
        return Autosave.CHOICES;
    }

    /** The file the session was last opened from or saved to (null for a new session). */
    public ObjectProperty<Path> currentProperty() {
        return current;
    }

    public ObservableList<Path> recent() {
        return recent;
    }

    public Path recoveryFile() {
        return home.resolve("recovery.dlab");
    }

    private Path runningMarker() {
        return home.resolve("running");
    }

    /**
     * Marks the app as running and starts autosaving. True when the last run did not end
     * cleanly and left a recovery file to offer.
     */
    public boolean start() {
        boolean crashed = Files.exists(runningMarker()) && Files.exists(recoveryFile());
        try {
            Files.createDirectories(home);
            Files.writeString(runningMarker(), Instant.now().toString());
        } catch (IOException e) {
            ex.report("Autosave is off: cannot write in " + home + " (" + e.getMessage() + ")");
            return crashed;
        }
        autosave.start();
        return crashed;
    }

    /** Opens a session file; on any problem the current session stays and the message says why. */
    public CompletableFuture<Boolean> open(Path file) {
        ex.report("");
        return load(cancelled -> SessionFile.read(file, cancelled), file.getFileName() == null ? file.toString() : file.getFileName().toString(), file,
                secs -> String.format("Opened %s (read and checked in %.2f s)", file.getFileName(), secs));
    }

    /** Opens a bundled demo session by name. */
    public CompletableFuture<Boolean> openDemo(String name) {
        return load(cancelled -> Demos.openDemo(name), "the demo '" + name + "'", null,
                secs -> String.format("Opened the demo '%s' (%.2f s)", name, secs));
    }

    private interface SessionSource {
        Session read(BooleanSupplier cancelled) throws SessionException;
    }

    /** The file being opened while an open takes longer than a moment (empty otherwise): for "Opening NAME…" with Cancel. */
    public ReadOnlyStringProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** Stops the open in progress (within a megabyte of reading); the current session stays. */
    public void cancelOpen() {
        AtomicBoolean c = cancelOpen;
        if (c != null) {
            c.set(true);
        }
    }

    /**
     * Reads a session on the I/O thread and shows it; {@code file} becomes the current file
     * (null: none, as for a demo; the recovery file is never made current). An open that takes
     * more than {@link #OPENING_DELAY} shows {@link #openingProperty()} until it ends.
     */
    private CompletableFuture<Boolean> load(SessionSource source, String what, Path file, DoubleFunction<String> opened) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        cancelOpen();
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelOpen = cancelled;
        PauseTransition moment = new PauseTransition(OPENING_DELAY);
        moment.setOnFinished(e -> opening.set(what));
        moment.play();
        Runnable ended = () -> {
            moment.stop();
            if (cancelOpen == cancelled) {
                cancelOpen = null;
                opening.set("");
            }
        };
        io.execute(() -> {
            long t0 = System.nanoTime();
            try {
                Session s = source.read(cancelled::get);
                double secs = (System.nanoTime() - t0) / 1e9;
                background.toUi(() -> {
                    ended.run();
                    if (cancelled.get() || !ex.show(s)) {
                        report(cancelled, what, null);
                        done.complete(false);
                        return;
                    }
                    if (file == null) {
                        current.set(null);
                    } else if (!file.equals(recoveryFile())) {
                        current.set(file);
                        remember(file);
                    }
                    autosavedStep = s.training().steps();
                    autosave.saved();
                    ex.markKept(s.training().steps());
                    ex.inform(opened.apply(secs));
                    done.complete(true);
                });
            } catch (SessionException e) {
                background.toUi(() -> {
                    ended.run();
                    report(cancelled, what, e.getMessage());
                    done.complete(false);
                });
            }
        });
        return done;
    }

    /** Says why an open ended without showing anything (nothing when the session could not be shown: show said why). */
    private void report(AtomicBoolean cancelled, String what, String problem) {
        if (cancelled.get()) {
            ex.inform("Opening " + what + " was cancelled; the current session is unchanged.");
        } else if (problem != null) {
            ex.report("Not opened: " + problem);
        }
    }

    /** Saves to the current file; false (and nothing done) when there is none yet (use Save As). */
    public CompletableFuture<Boolean> save() {
        Path f = current.get();
        if (f == null) {
            return CompletableFuture.completedFuture(false);
        }
        return saveAs(f);
    }

    /** Captures the session and writes it atomically; a failed write leaves the old file and says why. */
    public CompletableFuture<Boolean> saveAs(Path file) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        ex.capture(s -> {
            if (s == null) {
                ex.report("Nothing to save yet: there is no model.");
                done.complete(false);
                return;
            }
            io.execute(() -> {
                long t0 = System.nanoTime();
                try {
                    SessionFile.write(file, s);
                    double secs = (System.nanoTime() - t0) / 1e9;
                    long bytes = Files.size(file);
                    background.toUi(() -> {
                        current.set(file);
                        remember(file);
                        ex.markKept(s.training().steps());
                        ex.inform(String.format("Saved %s (%.1f MB in %.2f s)", file.getFileName(), bytes / 1e6, secs));
                        done.complete(true);
                    });
                } catch (IOException e) {
                    background.toUi(() -> {
                        ex.report("Not saved: " + e.getMessage() + (Files.exists(file) ? " (the existing file is unchanged)" : ""));
                        done.complete(false);
                    });
                }
            });
        });
        return done;
    }

    /** Writes the recovery file when training moved since the last autosave. */
    public CompletableFuture<Boolean> autosave() {
        long step = ex.step();
        if (step == autosavedStep || step == 0) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        ex.rememberView();
        ex.capture(s -> {
            if (s == null) {
                done.complete(false);
                return;
            }
            io.execute(() -> {
                try {
                    Files.createDirectories(home);
                    SessionFile.write(recoveryFile(), s);
                    background.toUi(() -> {
                        autosavedStep = step;
                        autosave.saved();
                        done.complete(true);
                    });
                } catch (IOException e) {
                    background.toUi(() -> {
                        ex.report("Autosave failed: " + e.getMessage());
                        done.complete(false);
                    });
                }
            });
        });
        return done;
    }

    /**
     * The app is ending from outside (SIGTERM at logout or shutdown, {@code kill}) and the UI
     * thread is gone: writes the recovery file from the engine directly, waiting at most
     * {@code seconds}, then clears the running marker, as a close does. If the training cannot be
     * written the marker stays, so the next start offers the older recovery file. The exit
     * hook's thread.
     */
    public void endFromOutside(double seconds) {
        try {
            Session s = ex.captureFromAnyThread().get((long) (seconds * 1000), TimeUnit.MILLISECONDS);
            if (s != null && s.training().steps() > 0 && s.training().steps() != autosavedStep) {
                Files.createDirectories(home);
                SessionFile.write(recoveryFile(), s);
            }
            Files.deleteIfExists(runningMarker());
        } catch (IOException | ExecutionException | TimeoutException e) {
            // the marker stays: the next start offers the recovery file as after a crash
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Autosaves, then clears the running marker: a clean end. Completes when both are done. */
    public CompletableFuture<Void> shutdown() {
        autosave.stop();
        return autosave().handle((ok, e) -> {
            try {
                Files.deleteIfExists(runningMarker());
            } catch (IOException ignored) {
                // the next start will offer the recovery file; nothing is lost
            }
            return null;
        });
    }

    private void remember(Path f) {
        Path abs = f.toAbsolutePath();
        recent.remove(abs);
        recent.add(0, abs);
        while (recent.size() > MAX_RECENT) {
            recent.remove(recent.size() - 1);
        }
        List<String> lines = new ArrayList<>();
        recent.forEach(p -> lines.add(p.toString()));
        io.execute(() -> {
            try {
                Files.createDirectories(home);
                AtomicFiles.write(home.resolve("recent.txt"),
                        out -> out.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
            } catch (IOException ignored) {
                // the list is a convenience; the sessions themselves are unaffected
            }
        });
    }

    private void loadRecent() {
        try {
            Path f = home.resolve("recent.txt");
            if (Files.exists(f) && Files.size(f) < 64 * 1024) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && recent.size() < MAX_RECENT) {
                        recent.add(Path.of(line.strip()));
                    }
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // an unreadable list is treated as empty
        }
    }

    @Override
    public void close() {
        autosave.stop();
    }
}
