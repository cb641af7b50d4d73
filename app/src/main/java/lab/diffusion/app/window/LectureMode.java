package lab.diffusion.app.window;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.util.Duration;
import lab.diffusion.app.explorer.Explorer;
import lab.diffusion.app.timeline.TimelineModel;

/**
 * Lecture mode (full screen, large type, no sidebar, telemetry or menu bar, captions on), captions that
 * say what the plots show at t, and slow motion: one step of t every two seconds with captions.
 * FX thread.
 */
final class LectureMode {

    private final Explorer ex;
    private final MainWindow window;
    private final Label caption;
    private final BooleanProperty captions = new SimpleBooleanProperty();
    private final BooleanProperty slowMotion = new SimpleBooleanProperty();
    private final Timeline slowTimer = new Timeline(new KeyFrame(Duration.seconds(2), e -> slowStep()));

    LectureMode(Explorer ex, MainWindow window, StatusView status) {
        this.ex = ex;
        this.window = window;
        this.caption = status.caption();
        status.captionBar().visibleProperty().bind(captions);
        status.captionBar().managedProperty().bind(captions);
        ex.timeline.tProperty().addListener((o, a, b) -> update());
        ex.training.stepProperty().addListener((o, a, b) -> {
            // every 500 steps while training, and at once when another model (an opened session) is shown
            if (a.longValue() / 500 != b.longValue() / 500) {
                update();
            }
        });
        ex.modeProperty().addListener((o, a, b) -> update());
        captions.addListener((o, a, b) -> update());
        slowMotion.addListener((o, a, b) -> {
            if (b) {
                startSlowMotion();
            } else {
                slowTimer.stop();
            }
            update();
        });
        ex.appearance.lectureProperty().addListener((o, a, b) -> apply(b));
        update();
    }

    BooleanProperty captionsProperty() {
        return captions;
    }

    BooleanProperty slowMotionProperty() {
        return slowMotion;
    }

    /** The caption now shown (empty when captions are off). */
    String captionText() {
        return captions.get() ? caption.getText() : "";
    }

    void update() {
        caption.setText(slowMotion.get() ? slowMotionLabel() + " " + ex.caption() : ex.caption());
    }

    /** What slow motion is doing, at the head of the caption while it runs. */
    private String slowMotionLabel() {
        boolean back = ex.timeline.backwardsProperty().get();
        return String.format("[Slow motion: the %s process, to t = %d%s]", back ? "reverse" : "forward",
                back ? 0 : ex.schedule.steps(), ex.timeline.loopProperty().get() ? ", looping" : "");
    }

    private void apply(boolean on) {
        window.setLeft(on ? null : window.sidebar());
        // the plots get the height: no telemetry and no menu bar (the keys and the toolbar stay)
        for (Node n : new Node[] {window.telemetry(), window.menuBar()}) {
            n.setVisible(!on);
            n.setManaged(!on);
        }
        captions.set(on || captions.get());
        if (window.getScene() != null && window.getScene().getWindow() instanceof Stage st) {
            st.setFullScreenExitHint(""); // no "Press ESC to exit full-screen mode" over the middle plot; Esc and L still leave
            st.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // Esc is the app's own (slow motion, key map)
            st.setFullScreen(on);
        }
        update();
    }

    /**
     * At t = T slow motion plays the reverse process down to 0, at t = 0 the forward process up to
     * T, elsewhere it goes on in the timeline's direction; the message line says which.
     */
    private void startSlowMotion() {
        TimelineModel tl = ex.timeline;
        tl.playingProperty().set(false);
        int steps = ex.schedule.steps();
        if (tl.t() >= steps) {
            tl.backwardsProperty().set(true);
        } else if (tl.t() <= 0) {
            tl.backwardsProperty().set(false);
        }
        captions.set(true);
        boolean back = tl.backwardsProperty().get();
        ex.messages.inform(String.format("Slow motion: the %s process, t = %d → %d, a step every 2 s%s (S stops).",
                back ? "reverse" : "forward", tl.t(), back ? 0 : steps, tl.loopProperty().get() ? ", looping" : ""));
        slowTimer.setCycleCount(Animation.INDEFINITE);
        slowTimer.playFromStart();
    }

    private void slowStep() {
        TimelineModel tl = ex.timeline;
        int steps = ex.schedule.steps();
        boolean back = tl.backwardsProperty().get();
        if (back ? tl.t() > 0 : tl.t() < steps) {
            if (back) {
                tl.stepBack();
            } else {
                tl.stepForward();
            }
        } else if (tl.loopProperty().get()) {
            tl.setT(back ? steps : 0); // wraps, as playback does with Loop on
        } else {
            slowMotion.set(false);
            ex.messages.inform(String.format("Slow motion reached t = %d; S plays the %s process.", tl.t(),
                    back ? "forward" : "reverse"));
        }
    }
}
