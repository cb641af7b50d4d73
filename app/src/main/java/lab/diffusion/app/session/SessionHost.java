package lab.diffusion.app.session;

import java.util.function.Consumer;
import lab.diffusion.engine.session.Session;

/** What sessions need of the explorer: show one, capture the current one, and say things. FX thread. */
public interface SessionHost {

    /** Shows an opened session, all of it at once; false (and nothing changed, a message says why) when it cannot be shown. */
    boolean show(Session s);

    /** Captures the current session with its view settings and run history; {@code done} gets null when there is no model yet. */
    void capture(Consumer<Session> done);

    /** Training steps of the current model. */
    long step();

    void report(String problem);

    void inform(String news);
}
