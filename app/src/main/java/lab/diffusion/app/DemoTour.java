package lab.diffusion.app;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import lab.diffusion.app.explorer.Explorer;
import lab.diffusion.app.session.SessionController;
import lab.diffusion.engine.io.ProcessInfo;
import lab.diffusion.engine.session.Demos;

/**
 * A measurement, not a feature: with {@code -Ddlab.demoTour=N} the window, once started (its
 * first samples shown and a second passed), opens every bundled demo in turn, N rounds, the way a
 * lecturer hops through them, and prints for each open the
 * seconds until the new model's reverse samples are on screen, and the heap and resident memory
 * a second later; then it quits. FX thread.
 */
final class DemoTour extends AnimationTimer {

    private final Explorer ex;
    private final SessionController sessions;
    private final List<String> order = new ArrayList<>();
    private int next;
    private long openedAt;
    private long shownAt;
    private boolean opening;
    /** The open request was answered (the session is shown); its samples come next. */
    private boolean shown;
    private double worstOpen;
    private double maxHeap;
    private double maxRss;
    private double maxLive;
    private long readyAt;

    private DemoTour(Explorer ex, SessionController sessions, int rounds) {
        this.ex = ex;
        this.sessions = sessions;
        for (int r = 0; r < rounds; r++) {
            Demos.available().forEach(d -> order.add(d.name()));
        }
    }

    static void startIfAsked(Explorer ex, SessionController sessions) {
        int rounds = Integer.getInteger("dlab.demoTour", 0);
        if (rounds > 0) {
            new DemoTour(ex, sessions, rounds).start();
        }
    }

    @Override
    public void handle(long now) {
        if (readyAt == 0) { // the window has started: its first samples are shown, then a second passes
            if (ex.mode().shownSamples() != null) {
                readyAt = now;
            }
            return;
        }
        if (now - readyAt < 1_000_000_000L) {
            return;
        }
        if (opening) {
            if (shownAt == 0 && shown && ex.mode().shownSamples() != null) {
                shownAt = now;
                double secs = (now - openedAt) / 1e9;
                worstOpen = Math.max(worstOpen, secs);
                System.out.printf("tour: %-15s first samples after %.2f s (%s)%n", order.get(next - 1), secs, ex.messages.message());
            }
            if (shownAt != 0 && now - shownAt > 1_500_000_000L) {
                Runtime r = Runtime.getRuntime();
                double heap = (r.totalMemory() - r.freeMemory()) / 1048576.0;
                double rss = ProcessInfo.rssMb();
                System.gc();
                double live = (r.totalMemory() - r.freeMemory()) / 1048576.0;
                maxHeap = Math.max(maxHeap, heap);
                maxLive = Math.max(maxLive, live);
                maxRss = Math.max(maxRss, rss);
                System.out.printf("tour: %-15s heap %.0f MB (%.0f MB live after a GC), RSS %.0f MB (step %,d, %d samples)%n",
                        order.get(next - 1), heap, live, rss, ex.training.stepProperty().get(), ex.samplesProperty().get());
                opening = false;
            }
            return;
        }
        if (next == order.size()) {
            stop();
            System.out.printf("tour: %d opens; slowest to first samples %.2f s; most heap %.0f MB (%.0f MB live); most RSS %.0f MB%n",
                    order.size(), worstOpen, maxHeap, maxLive, maxRss);
            System.out.flush();
            Platform.exit();
            return;
        }
        opening = true;
        shown = false;
        shownAt = 0;
        openedAt = now;
        sessions.openDemo(order.get(next++)).thenAccept(ok -> shown = true);
    }
}
