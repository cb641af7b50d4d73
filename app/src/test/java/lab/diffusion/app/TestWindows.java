package lab.diffusion.app;

import lab.diffusion.app.window.MainWindow;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Shows a test's window the same way in every TestFX test: 1600×1000. */
final class TestWindows {

    private TestWindows() {
    }

    /** Puts the scene on the stage at 1600×1000, shows it and returns its main window. */
    static MainWindow show(Stage stage, Scene scene) {
        stage.setScene(scene);
        stage.setWidth(1600);
        stage.setHeight(1000);
        stage.show();
        return (MainWindow) scene.getRoot();
    }
}
