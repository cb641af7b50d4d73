package lab.diffusion.app;

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

    @Override
    public void start(Stage stage) {
        explorer = new Explorer(null);
        explorer.setConfirmer((title, text) -> {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
            a.setTitle(title);
            a.setHeaderText(title);
            a.initOwner(stage);
            return a.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK;
        });
        stage.setScene(scene(explorer));
        stage.setTitle(TITLE);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(1600, screen.getWidth()));
        stage.setHeight(Math.min(1000, screen.getHeight()));
        stage.setMinWidth(1024);
        stage.setMinHeight(680);
        stage.setOnHidden(e -> explorer.close());
        stage.show();
        PerfLog.startIfEnabled(explorer);
        applyArguments(getParameters().getRaw());
        if (Boolean.getBoolean("dlab.train")) {
            explorer.train(); // start training at once (for measurements)
        }
        if (Boolean.getBoolean("dlab.continuous")) {
            explorer.renderLoop.continuousProperty().set(true);
        }
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
            } else {
                explorer.report("Unknown command-line option '" + a + "' (the app accepts --data NAME).");
            }
        }
    }

    /** The window's scene for an explorer (also used by tests). */
    public static Scene scene(Explorer explorer) {
        lab.diffusion.app.ui.TextLayoutGuard.install(); // before any canvas draws text on the render thread
        Scene scene = new Scene(new MainWindow(explorer), 1600, 1000);
        scene.getStylesheets().add(DiffusionLabApp.class.getResource(LIGHT_CSS).toExternalForm());
        return scene;
    }

    @Override
    public void stop() {
        if (explorer != null) {
            explorer.close();
        }
    }
}
