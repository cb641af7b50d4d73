package lab.diffusion.app.session;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import lab.diffusion.engine.session.Session;

/** What sessions need of the explorer: show one, capture the current one, and say things. FX thread. */
public interface SessionHost {

    /** Shows an opened session, all of it at once; false (and nothing changed, a message says why) when it cannot be shown. */
    boolean show(Session s);

    /** Captures the current session with its view settings and run history; {@code done} gets null when there is no model yet. */
    void capture(Consumer<Session> done);

    /** Notes the view settings and run history now, for {@link #captureFromAnyThread()}. */
    void rememberView();

    /**
     * Captures the current session without the UI thread (the app is ending from outside), with
     * the view and runs last noted by {@link #rememberView()}; completes on the engine thread.
     * Any thread.
     */
    CompletableFuture<Session> captureFromAnyThread();

    /** Training steps of the current model. */
    long step();

    /**
     * Notes that the model's training up to {@code step} is kept in a file (opened or saved), so
     * discarding it asks no question.
     */
    void markKept(long step);

    /** Seconds the current model has been trained. */
    double trainingSeconds();

    void report(String problem);

    void inform(String news);
}
