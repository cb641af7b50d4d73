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
        if (Boolean.getBoolean("dlab.train")) {
            explorer.train(); // start training at once (for measurements)
        }
        if (Boolean.getBoolean("dlab.continuous")) {
            explorer.renderLoop.continuousProperty().set(true);
        }
    }

    /** The window's scene for an explorer (also used by tests). */
    public static Scene scene(Explorer explorer) {
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
