package lab.diffusion.engine.live;

import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import lab.diffusion.engine.live.LiveResults.Tagged;

/**
 * Every way a live session talks to the UI, one {@link Channel} each. Results tagged with a
 * model generation are delivered only while that generation is the newest, so a replaced
 * model's numbers never reach the screen. Published from the engine thread, delivered on the UI
 * executor.
 */
public final class LiveChannels {

    public final Channel<LiveResults.Progress> progress;
    public final Channel<LiveResults.Reverse> reverse;
    public final Channel<LiveResults.Drift> drift;
    public final Channel<LiveResults.Follow> follow;
    public final Channel<LiveResults.Quality> quality;
    public final Channel<LiveResults.Probabilities> probabilities;
    public final Channel<LiveResults.Conditioned> conditioned;
    public final Channel<LiveResults.LearnedSchedule> learnedSchedule;
    public final Channel<LiveResults.Stopped> stopped;
    /** What the engine is doing, one short phrase. */
    public final Channel<String> status;
    /** Problems for people (one sentence each). */
    public final Channel<String> errors;

    LiveChannels(Executor ui, LongSupplier newest) {
        progress = new Channel<>(ui, v -> current(v, newest));
        reverse = new Channel<>(ui, v -> current(v, newest));
        drift = new Channel<>(ui, v -> current(v, newest));
        follow = new Channel<>(ui, v -> current(v, newest));
        quality = new Channel<>(ui, v -> current(v, newest));
        probabilities = new Channel<>(ui, v -> current(v, newest));
        conditioned = new Channel<>(ui, v -> current(v, newest));
        learnedSchedule = new Channel<>(ui, v -> current(v, newest));
        stopped = new Channel<>(ui, v -> current(v, newest));
        status = new Channel<>(ui);
        errors = new Channel<>(ui);
    }

    private static boolean current(Tagged v, LongSupplier newest) {
        return v.generation() == newest.getAsLong();
    }
}
