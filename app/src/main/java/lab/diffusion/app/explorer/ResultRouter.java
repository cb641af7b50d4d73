package lab.diffusion.app.explorer;

import lab.diffusion.engine.live.LiveChannels;
import lab.diffusion.engine.live.LiveEngine;

/**
 * Hands the live engine's display results to the mode on screen (the channels deliver only
 * the newest model's results), and its status and problems to the message lines. FX thread.
 */
final class ResultRouter {

    private final LiveEngine engine;
    private final Explorer ex;

    ResultRouter(LiveEngine engine, Explorer ex) {
        this.engine = engine;
        this.ex = ex;
    }

    void wire() {
        LiveChannels c = engine.channels();
        c.reverse.onValue(r -> {
            ex.mode().onReverse(r);
            ex.updateSubtitles();
        });
        c.drift.onValue(d -> {
            ex.mode().onDrift(d);
            ex.updateSubtitles();
        });
        c.follow.onValue(f -> ex.mode().onFollow(f));
        c.probabilities.onValue(p -> ex.mode().onProbabilities(p));
        c.conditioned.onValue(r -> ex.mode().onConditioned(r));
        c.learnedSchedule.onValue(ls -> ex.schedules.showLearned(ls.schedule()));
        c.status.onValue(ex.messages::status);
        c.errors.onValue(ex.messages::report);
    }
}
