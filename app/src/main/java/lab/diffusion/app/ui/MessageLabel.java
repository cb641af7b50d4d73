package lab.diffusion.app.ui;

import javafx.scene.control.Label;

/**
 * A one-line message under a form: shown only while it has text; styled as a problem or as
 * news. FX thread.
 */
public final class MessageLabel extends Label {

    public MessageLabel(String id) {
        setId(id);
        setWrapText(true);
        getStyleClass().add("note");
        say("");
    }

    /** Shows a problem (empty hides the label). */
    public void say(String text) {
        show(text, true);
    }

    /** Shows news that is not a problem. */
    public void inform(String text) {
        show(text, false);
    }

    private void show(String text, boolean problem) {
        getStyleClass().removeAll("error-text", "info-text");
        getStyleClass().add(problem ? "error-text" : "info-text");
        setText(text);
        setVisible(!text.isEmpty());
        setManaged(!text.isEmpty());
    }
}
