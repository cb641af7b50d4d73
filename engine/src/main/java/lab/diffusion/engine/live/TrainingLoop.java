package lab.diffusion.engine.live;

import java.util.concurrent.atomic.AtomicBoolean;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.train.TrainingSnapshot;
import lab.diffusion.engine.train.TrainingStatus;

/**
 * Trains the current model in 0.1 s chunks until paused. Between chunks it runs waiting tasks,
 * checks auto-stop and divergence, and serves display requests: what a person asked for at once,
 * and a refresh of everything the training made stale at most every 0.5 s and with at most a
 * fifteenth of the engine's time (the window then trains at ~90 % of the bench's speed). Engine thread only (the flag may be cleared from any thread).
 */
final class TrainingLoop {

    static final double CHUNK_SECONDS = 0.1;
    /** Shortest time between display refreshes while training. */
    private static final long MIN_REFRESH_NANOS = 500_000_000L;
    /** Display work may take at most 1/(1+this) of the engine's time while training. */
    private static final double TRAIN_TO_DISPLAY = 14.0;

    private final AtomicBoolean training;
    private final DisplayPump pump;
    private final AutoStop autoStop;
    private final LiveChannels out;
    private final Runnable serveTasks;
    private long lastRefreshNanos;

    TrainingLoop(AtomicBoolean training, DisplayPump pump, AutoStop autoStop, LiveChannels out, Runnable serveTasks) {
        this.training = training;
        this.pump = pump;
        this.autoStop = autoStop;
        this.out = out;
        this.serveTasks = serveTasks;
    }

    /** Trains {@code m} while the training flag is set; returns when it is cleared, auto-stop fires or training fails. */
    void run(LiveModel m) {
        if (m == null) {
            training.set(false);
            serveTasks.run();
            return;
        }
        out.status.publish("Training");
        long refreshCost = 0;
        try {
            while (training.get()) {
                TrainingSnapshot s = m.trainer().runChunk(CHUNK_SECONDS, () -> !training.get());
                pump.modelChanged();
                serveTasks.run();
                String stop = autoStop.check(s);
                if (stop != null) {
                    training.set(false);
                    out.stopped.publish(new LiveResults.Stopped(m.generation(), stop));
                    break;
                }
                if (s.status() == TrainingStatus.DIVERGED) {
                    training.set(false);
                    out.errors.publish(s.message());
                    break;
                }
                long now = System.nanoTime();
                if (now - lastRefreshNanos >= Math.max(MIN_REFRESH_NANOS, (long) (TRAIN_TO_DISPLAY * refreshCost))) {
                    if (m.model().schedule().family() == ScheduleFamily.LEARNED) {
                        out.learnedSchedule.publish(new LiveResults.LearnedSchedule(m.generation(), m.model().schedule()));
                    }
                    pump.pump(m, true);
                    long end = System.nanoTime();
                    refreshCost = end - now;
                    lastRefreshNanos = end;
                } else {
                    pump.pump(m, false);
                }
            }
        } catch (RuntimeException e) {
            training.set(false);
            out.errors.publish("Training stopped: " + e.getMessage());
        } finally {
            boolean diverged = m.trainer().status() == TrainingStatus.DIVERGED;
            if (!diverged) {
                m.trainer().endChunks();
            }
            pump.wantReverse();
            pump.pump(m, true);
            serveTasks.run();
            out.status.publish(diverged ? "Training diverged" : "Paused");
        }
    }
}
