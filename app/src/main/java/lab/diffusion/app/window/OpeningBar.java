package lab.diffusion.app.window;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import lab.diffusion.app.session.SessionController;

/**
 * "Opening NAME…" with a spinner and Cancel, above the message line while a session takes more
 * than a moment to read; hidden otherwise. FX thread.
 */
final class OpeningBar extends HBox {

    OpeningBar(SessionController sessions) {
        super(10);
        setId("opening-bar");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.setMaxSize(18, 18);
        Label what = new Label();
        what.setId("opening-label");
        what.textProperty().bind(Bindings.concat("Opening ", sessions.openingProperty(), "…"));
        Button cancel = new Button("Cancel");
        cancel.setId("opening-cancel");
        cancel.setOnAction(e -> sessions.cancelOpen());
        cancel.setTooltip(new Tooltip(
                "Stop reading this session; the current one stays as it is"));
        getChildren().addAll(spinner, what, cancel);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));
        visibleProperty().bind(sessions.openingProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
    }
}
