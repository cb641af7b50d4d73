package lab.diffusion.app.window;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.util.Duration;
import lab.diffusion.app.explorer.Explorer;
import lab.diffusion.app.timeline.TimelineModel;

/**
 * Lecture mode (full screen, large type, no sidebar or telemetry, captions on), captions that
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
                ex.timeline.playingProperty().set(false);
                captions.set(true);
                slowTimer.setCycleCount(Animation.INDEFINITE);
                slowTimer.playFromStart();
            } else {
                slowTimer.stop();
            }
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
        caption.setText(ex.caption());
    }

    private void apply(boolean on) {
        window.setLeft(on ? null : window.sidebar());
        Node telemetry = window.telemetry();
        telemetry.setVisible(!on);
        telemetry.setManaged(!on);
        captions.set(on || captions.get());
        if (window.getScene() != null && window.getScene().getWindow() instanceof Stage st) {
            st.setFullScreen(on);
        }
        update();
    }

    private void slowStep() {
        TimelineModel tl = ex.timeline;
        if (tl.backwardsProperty().get()) {
            if (tl.t() == 0) {
                slowMotion.set(false);
            } else {
                tl.stepBack();
            }
        } else if (tl.t() >= ex.schedule.steps()) {
            slowMotion.set(false);
        } else {
            tl.stepForward();
        }
    }
}
