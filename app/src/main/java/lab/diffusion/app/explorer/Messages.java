package lab.diffusion.app.explorer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the window tells a person: the status line (what the engine is doing) and the message
 * line (the last problem, or news), styled as a problem or not. FX thread.
 */
public final class Messages {

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Starting the engine (loading the numerics library)…");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper isError = new ReadOnlyBooleanWrapper(true);

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last problem or news (empty when none). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the message line says something went wrong. */
    public ReadOnlyBooleanProperty isErrorProperty() {
        return isError.getReadOnlyProperty();
    }

    /** A problem, in the message line (once: the status bar goes on saying what the engine does). */
    public void report(String text) {
        isError.set(true);
        message.set(text);
    }

    /** News that is not a problem (ordinary text colour), in the message line only. */
    public void inform(String text) {
        isError.set(false);
        message.set(text);
    }

    /** What the engine is doing (the message line stays). */
    public void status(String text) {
        status.set(text);
    }

    /** Clears the message line unless it reports something about training (auto-stop, divergence). */
    public void clearUnlessAboutTraining() {
        if (!message.get().startsWith("Training") && !message.get().startsWith("Auto-stopped")) {
            message.set("");
        }
    }

    public String message() {
        return message.get();
    }
}
