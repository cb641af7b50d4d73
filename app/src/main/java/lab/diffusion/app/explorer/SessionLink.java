package lab.diffusion.app.explorer;

import java.util.List;
import java.util.function.Consumer;
import lab.diffusion.app.session.SessionHost;
import lab.diffusion.engine.session.RunRecord;
import lab.diffusion.engine.session.Session;

/** The session feature's door to the explorer. FX thread. */
final class SessionLink implements SessionHost {

    private final Explorer ex;

    SessionLink(Explorer ex) {
        this.ex = ex;
    }

    @Override
    public boolean show(Session s) {
        return ex.show(s);
    }

    @Override
    public void capture(Consumer<Session> done) {
        var view = ex.viewState().toMap();
        List<RunRecord> runs = List.copyOf(ex.trainer.runs.list());
        ex.engine().capture(s -> done.accept(s == null ? null : s.with(view, runs)));
    }

    @Override
    public long step() {
        return ex.training.stepProperty().get();
    }

    @Override
    public void report(String problem) {
        ex.messages.report(problem);
    }

    @Override
    public void inform(String news) {
        ex.messages.inform(news);
    }
}
