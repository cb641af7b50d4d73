package lab.diffusion.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The Diffusion Lab window. */
public final class DiffusionLabApp extends Application {

    static final String TITLE = "Diffusion Lab";
    /** The light theme stylesheet. */
    public static final String LIGHT_CSS = "/lab/diffusion/app/light.css";

    private Explorer explorer;
    private lab.diffusion.app.session.SessionController sessions;
    private boolean closing;
    private MainWindow window;

    private void offerRecovery(Stage stage) {
        Path f = sessions.recoveryFile();
        String when;
        try {
            when = java.time.format.DateTimeFormatter.ofPattern("d MMM HH:mm").withZone(java.time.ZoneId.systemDefault())
                    .format(java.nio.file.Files.getLastModifiedTime(f).toInstant());
        } catch (java.io.IOException e) {
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

    @Override
    public void start(Stage stage) {
        PerfLog.mark("start()");
        // the engine loads ND4J once the window's first frames are on screen, not while they are being made
        java.util.concurrent.CompletableFuture<Void> firstFrame = new java.util.concurrent.CompletableFuture<>();
        lab.diffusion.app.ui.Frames.after(2, () -> firstFrame.complete(null));
        explorer = new Explorer(null, firstFrame);
        PerfLog.mark("explorer built");
        explorer.setConfirmer((title, text) -> {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
            a.setTitle(title);
            a.setHeaderText(title);
            a.initOwner(stage);
            return a.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK;
        });
        sessions = new lab.diffusion.app.session.SessionController(explorer, lab.diffusion.app.session.SessionController.defaultHome());
        Scene scene = scene(explorer, sessions);
        PerfLog.mark("scene built");
        window = (MainWindow) scene.getRoot();
        stage.setScene(scene);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> sessions.currentProperty().get() == null ? TITLE
                : TITLE + " — " + sessions.currentProperty().get().getFileName(), sessions.currentProperty()));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(1600, screen.getWidth()));
        stage.setHeight(Math.min(1000, screen.getHeight()));
        stage.setMinWidth(1024);
        stage.setMinHeight(680);
        stage.setOnHidden(e -> explorer.close());
        stage.setOnCloseRequest(e -> {
            e.consume(); // autosave first (off the UI thread), then close
            close(stage);
        });
        stage.show();
        PerfLog.mark("stage shown");
        if (Boolean.getBoolean("dlab.perf")) {
            System.out.println("startup: scene has " + scene.getRoot().lookupAll("*").size() + " nodes");
        }
        boolean crashed = sessions.start();
        if (crashed) {
            offerRecovery(stage);
        }
        PerfLog.startIfEnabled(explorer);
        applyArguments(getParameters().getRaw());
        if (Boolean.getBoolean("dlab.train")) {
            explorer.train(); // start training at once (for measurements)
        }
        if (Boolean.getBoolean("dlab.continuous")) {
            explorer.renderLoop.continuousProperty().set(true);
        }
        long exitAfter = Long.getLong("dlab.exitAfterMs", -1);
        if (exitAfter >= 0) { // closes the window as if the user had (used to record the class-data-sharing archive)
            javafx.animation.PauseTransition p = new javafx.animation.PauseTransition(javafx.util.Duration.millis(exitAfter));
            p.setOnFinished(e -> close(stage));
            p.play();
        }
    }

    /** Closes the window the way the close button does: pause, autosave off the UI thread, then close. */
    private void close(Stage stage) {
        if (closing) {
            return;
        }
        closing = true;
        explorer.pause();
        sessions.shutdown().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                .whenComplete((v, err) -> javafx.application.Platform.runLater(stage::close));
    }

    /**
     * Command-line options: {@code --data NAME} starts with a preset (swissroll, moons, …) or the
     * binary heartbeat. Unknown options are reported in the status bar, not fatal.
     */
    private void applyArguments(java.util.List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--data") && i + 1 < args.size()) {
                String name = args.get(++i);
                if (name.equalsIgnoreCase("heartbeat")) {
                    explorer.selectHeartbeat();
                } else if (name.equalsIgnoreCase("digits") || name.equalsIgnoreCase("mnist")) {
                    explorer.selectImages(lab.diffusion.app.images.ImageSource.DIGITS, null);
                } else if (name.equalsIgnoreCase("deadleaves")) {
                    explorer.selectImages(lab.diffusion.app.images.ImageSource.DEADLEAVES, null);
                } else {
                    lab.diffusion.engine.data.Preset p = lab.diffusion.engine.data.Preset.find(name);
                    if (p != null) {
                        explorer.selectPreset(p);
                    } else {
                        explorer.report("Unknown data set '" + name + "' on the command line (choose "
                                + lab.diffusion.engine.data.Preset.ids() + ", heartbeat, digits or deadleaves).");
                    }
                }
            } else if (a.endsWith(".dlab") && !a.startsWith("-")) {
                sessions.open(Path.of(a));
            } else if (a.equals("--demo") && i + 1 < args.size()) {
                String name = args.get(++i);
                if (lab.diffusion.engine.session.Demos.exists(name)) {
                    sessions.openDemo(name);
                } else {
                    explorer.report("There is no demo '" + name + "' (demos: " + lab.diffusion.engine.session.Demos.names() + ").");
                }
            } else if (a.equals("--lecture")) {
                window.appearance().lectureProperty().set(true);
            } else if (a.equals("--theme") && i + 1 < args.size()) {
                String t = args.get(++i);
                if (lab.diffusion.app.lecture.Appearance.THEMES.contains(t)) {
                    window.appearance().themeProperty().set(t);
                } else {
                    explorer.report("Unknown theme '" + t + "' (light, dark, high-contrast).");
                }
            } else {
                explorer.report("Unknown command-line option '" + a + "' (the app accepts --data NAME, --demo NAME, --lecture, "
                        + "--theme NAME or a session file).");
            }
        }
    }

    /** The window's scene for an explorer (also used by tests). */
    public static Scene scene(Explorer explorer) {
        Path home;
        try {
            home = java.nio.file.Files.createTempDirectory("diffusion-lab-test-home");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Scene scene = scene(explorer, new lab.diffusion.app.session.SessionController(explorer, home));
        ((MainWindow) scene.getRoot()).attachAllSections(); // tests find every control at once
        return scene;
    }

    /** The window's scene with its session controller. */
    public static Scene scene(Explorer explorer, lab.diffusion.app.session.SessionController sessions) {
        lab.diffusion.app.ui.TextLayoutGuard.install(); // before any canvas draws text on the render thread
        MainWindow w = new MainWindow(explorer, sessions);
        Scene scene = new Scene(w, 1600, 1000);
        w.appearance().attach(scene);
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
