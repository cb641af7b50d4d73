package lab.diffusion.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import lab.diffusion.app.explorer.Explorer;
import lab.diffusion.app.mode.DataChoice;
import lab.diffusion.app.mode.ExplorerMode;
import lab.diffusion.app.session.SessionController;
import lab.diffusion.app.ui.Background;
import lab.diffusion.app.ui.Frames;
import lab.diffusion.app.ui.Settings;
import lab.diffusion.app.ui.TextLayoutGuard;
import lab.diffusion.app.window.MainWindow;
import lab.diffusion.engine.data.Preset;

/** The Diffusion Lab window: builds the explorer and the main window, applies the command line. FX thread. */
public final class DiffusionLabApp extends Application {

    static final String TITLE = "Diffusion Lab";

    private Explorer explorer;
    private SessionController sessions;
    private volatile boolean closing;
    private Settings settings;

    @Override
    public void start(Stage stage) {
        PerfLog.mark("start()");
        Path home = SessionController.defaultHome();
        // the engine loads ND4J once the window's first frames are on screen, not while they are being made
        CompletableFuture<Void> firstFrame = new CompletableFuture<>();
        Frames.after(2, () -> firstFrame.complete(null));
        explorer = new Explorer((title, text) -> {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
            a.setTitle(title);
            a.setHeaderText(title);
            a.initOwner(stage);
            return a.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK;
        }, Background.threads(Platform::runLater), firstFrame);
        ErrorReporter.install(home, explorer.messages::report);
        PerfLog.mark("explorer built");
        sessions = new SessionController(explorer.sessionHost(), home, explorer.background());
        Scene scene = scene(explorer, sessions);
        PerfLog.mark("scene built");
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> sessions.currentProperty().get() == null ? TITLE
                : TITLE + " — " + sessions.currentProperty().get().getFileName(), sessions.currentProperty()));
        settings = new Settings(home.resolve("settings.properties"));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        WindowSize.apply(stage, settings, screen);
        stage.setMinWidth(1024);
        stage.setMinHeight(680);
        stage.setOnHidden(e -> explorer.close());
        stage.setOnCloseRequest(e -> {
            e.consume(); // autosave first (off the UI thread), then close
            close(stage);
        });
        stage.show();
        PerfLog.mark("stage shown");
        if (sessions.start()) {
            offerRecovery(stage);
        }
        Background.onExternalExit(this::endOnSignal);
        PerfLog.startIfEnabled(explorer);
        apply(AppArguments.parse(getParameters().getRaw()));
        if (Boolean.getBoolean("dlab.train")) {
            explorer.trainer.train(); // start training at once (for measurements)
        }
        if (Boolean.getBoolean("dlab.continuous")) {
            explorer.renderLoop.continuousProperty().set(true);
        }
        DemoTour.startIfAsked(explorer, sessions);
        long exitAfter = Long.getLong("dlab.exitAfterMs", -1);
        if (exitAfter >= 0) { // closes the window as if the user had (used to record the class-data-sharing archive)
            PauseTransition p = new PauseTransition(Duration.millis(exitAfter));
            p.setOnFinished(e -> close(stage));
            p.play();
        }
    }

    private void offerRecovery(Stage stage) {
        Path f = sessions.recoveryFile();
        String when;
        try {
            when = DateTimeFormatter.ofPattern("d MMM HH:mm").withZone(ZoneId.systemDefault())
                    .format(Files.getLastModifiedTime(f).toInstant());
        } catch (IOException e) {
            return;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Diffusion Lab did not close properly last time. Restore the session "
                + "autosaved at " + when + "?", ButtonType.YES, ButtonType.NO);
        a.setTitle("Restore autosaved session?");
        a.setHeaderText("Restore the autosaved session?");
        a.initOwner(stage);
        if (a.showAndWait().orElse(ButtonType.NO) == ButtonType.YES) {
            sessions.open(f);
        }
    }

    /**
     * The JVM is ending from outside (logout, shutdown, {@code kill}): the training is saved to
     * the recovery file and the running marker cleared, as a close does, within 8 s — so the next
     * start is not taken for a crash. Nothing to do after a normal close. The exit hook's thread
     * (the UI thread is already gone).
     */
    private void endOnSignal() {
        if (!closing && sessions != null) {
            explorer.engine().pause();
            sessions.endFromOutside(8);
        }
    }

    /** Closes the window the way the close button does: pause, autosave off the UI thread, then close. */
    private void close(Stage stage) {
        if (closing) {
            return;
        }
        closing = true;
        WindowSize.remember(stage, settings);
        explorer.trainer.pause();
        sessions.shutdown().orTimeout(10, TimeUnit.SECONDS).whenComplete((v, err) -> Platform.runLater(stage::close));
    }

    /** Applies the command line: a data set, a demo or a session file, lecture mode, a theme; mistakes in the message line. */
    private void apply(AppArguments a) {
        a.problems().forEach(explorer.messages::report);
        if (a.data() != null) {
            DataChoice c = choice(a.data());
            if (c != null) {
                explorer.select(c);
            } else {
                explorer.messages.report("Unknown data set '" + a.data() + "' on the command line (choose " + Preset.ids()
                        + ", heartbeat, digits or deadleaves).");
            }
        }
        if (a.demo() != null) {
            sessions.openDemo(a.demo());
        }
        if (a.session() != null) {
            sessions.open(a.session());
        }
        if (a.lecture()) {
            explorer.appearance.lectureProperty().set(true);
        }
        if (a.theme() != null) {
            explorer.appearance.themeProperty().set(a.theme());
        }
    }

    private DataChoice choice(String id) {
        String key = id.equals("mnist") ? "digits" : id;
        for (ExplorerMode m : explorer.modes()) {
            for (DataChoice c : m.dataChoices()) {
                if (c.id().equalsIgnoreCase(key)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** The window's scene for an explorer, with sessions in a fresh temporary folder (tests). */
    public static Scene scene(Explorer explorer) {
        Path home;
        try {
            home = Files.createTempDirectory("diffusion-lab-test-home");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Scene scene = scene(explorer, new SessionController(explorer.sessionHost(), home, explorer.background()));
        ((MainWindow) scene.getRoot()).attachAllSections(); // tests find every control at once
        return scene;
    }

    /** The window's scene with its session controller. */
    public static Scene scene(Explorer explorer, SessionController sessions) {
        TextLayoutGuard.install(); // before any canvas draws text on the render thread
        MainWindow w = new MainWindow(explorer, sessions);
        Scene scene = new Scene(w, 1600, 1000);
        explorer.appearance.attach(scene);
        return scene;
    }

    @Override
    public void stop() {
        if (explorer != null) {
            explorer.close();
        }
        if (sessions != null) {
            sessions.close();
        }
    }
}
