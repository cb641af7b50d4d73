package lab.diffusion.app.window;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import lab.diffusion.app.explorer.Explorer;
import org.controlsfx.control.StatusBar;

/**
 * The bottom of the window: the caption bar (lectures), the message line (the last problem or
 * news) and the status bar (what the engine does, the schedule warning, frames per second, heap;
 * hidden in lecture mode). FX thread.
 */
final class StatusView extends VBox {

    private final Label caption = new Label();
    private final HBox captionBar = new HBox(caption);

    StatusView(Explorer ex) {
        StatusBar status = new StatusBar();
        status.setId("status-bar");
        status.textProperty().bind(ex.messages.statusProperty());
        Label warning = new Label();
        warning.getStyleClass().add("warning-text");
        warning.textProperty().bind(ex.schedule.warningProperty());
        Label fps = new Label();
        fps.setId("fps-label");
        fps.textProperty().bind(Bindings.createStringBinding(() -> ex.renderLoop.fpsProperty().get() < 0.5 ? "idle (no redraws)"
                : String.format("%.0f fps · paint %.1f ms", ex.renderLoop.fpsProperty().get(), ex.renderLoop.paintMillisProperty().get()),
                ex.renderLoop.fpsProperty(), ex.renderLoop.paintMillisProperty()));
        Label memory = new Label();
        memory.setId("memory-label");
        ex.renderLoop.fpsProperty().addListener((o, a, b) -> {
            Runtime r = Runtime.getRuntime();
            memory.setText(String.format("heap %d MB", (r.totalMemory() - r.freeMemory()) >> 20));
        });
        status.getRightItems().addAll(warning, new Separator(Orientation.VERTICAL), fps, new Separator(Orientation.VERTICAL), memory);
        Label message = new Label();
        message.setId("app-message");
        message.getStyleClass().add("error-text");
        ex.messages.isErrorProperty().addListener((o, a, b) -> message.getStyleClass().setAll("label", b ? "error-text" : "info-text"));
        message.textProperty().bind(ex.messages.messageProperty());
        message.visibleProperty().bind(ex.messages.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.setPadding(new Insets(0, 10, 0, 10));
        caption.setId("caption");
        caption.getStyleClass().add("caption-text");
        caption.setWrapText(true);
        captionBar.getStyleClass().add("caption-bar");
        captionBar.setId("caption-bar");
        // the technical status line (model layers, frames per second, heap) is for the person at the desk, not the room
        status.visibleProperty().bind(ex.appearance.lectureProperty().not());
        status.managedProperty().bind(status.visibleProperty());
        getChildren().addAll(captionBar, message, status);
        setAlignment(Pos.TOP_LEFT);
    }

    /** The caption line (lecture mode and slow motion). */
    Label caption() {
        return caption;
    }

    HBox captionBar() {
        return captionBar;
    }
}
