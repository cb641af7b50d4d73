package lab.diffusion.app.timeline;

import javafx.animation.AnimationTimer;

/** Plays a timeline: advances it by the time between display frames. FX thread. */
public final class Playback extends AnimationTimer {

    private final TimelineModel timeline;
    private long last;

    public Playback(TimelineModel timeline) {
        this.timeline = timeline;
    }

    @Override
    public void handle(long now) {
        if (last != 0) {
            timeline.tick((now - last) / 1e9);
        }
        last = now;
    }
}
