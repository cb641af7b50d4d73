package lab.diffusion.app.explorer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import lab.diffusion.app.session.SessionHost;
import lab.diffusion.engine.session.RunRecord;
import lab.diffusion.engine.session.Session;

/** The session feature's door to the explorer. FX thread, but {@link #captureFromAnyThread()}. */
final class SessionLink implements SessionHost {

    private final Explorer ex;
    /** The view and runs as last noted on the FX thread (null: not yet), for a capture from another thread. */
    private volatile Map<String, String> view;
    private volatile List<RunRecord> runs;

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
    public void rememberView() {
        view = ex.viewState().toMap();
        runs = List.copyOf(ex.trainer.runs.list());
    }

    @Override
    public CompletableFuture<Session> captureFromAnyThread() {
        Map<String, String> v = view;
        List<RunRecord> r = runs;
        return ex.engine().capture().thenApply(s -> s == null || v == null ? s : s.with(v, r));
    }

    @Override
    public long step() {
        return ex.training.stepProperty().get();
    }

    @Override
    public void markKept(long step) {
        ex.training.markKept(step);
    }

    @Override
    public double trainingSeconds() {
        return ex.training.secondsProperty().get();
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
