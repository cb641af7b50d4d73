package lab.diffusion.app.session;

import java.nio.file.Path;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.util.Duration;
import lab.diffusion.app.ui.Settings;

/**
 * When the recovery file is written: after the first minute of training (so a crash early in a
 * lecture loses little), then every N minutes while training moves (a setting saved in the app's
 * home folder; 0 turns autosaving off). FX thread.
 */
final class Autosave {

    /** Intervals offered, in minutes (0: off). */
    static final List<Integer> CHOICES = List.of(1, 3, 10, 0);
    static final int DEFAULT_MINUTES = 3;
    /** Training seconds after which a model that was never autosaved is saved. */
    static final double FIRST_AFTER_SECONDS = 60;
    private static final String KEY = "autosave.minutes";
    /** The settings file in the app's home folder (shared with the window's size). */
    static final String SETTINGS_FILE = "settings.properties";

    private final Settings settings;
    private final SessionHost host;
    private final Runnable save;
    private final IntegerProperty minutes = new SimpleIntegerProperty(DEFAULT_MINUTES);
    /** Made by {@link #start()}: deciding when a save is due needs no running toolkit. */
    private Timeline tick;
    private long lastSaveNanos = System.nanoTime();
    private boolean savedOnce;

    Autosave(Path home, SessionHost host, Runnable save) {
        this.settings = new Settings(home.resolve(SETTINGS_FILE));
        this.host = host;
        this.save = save;
        load();
        minutes.addListener((o, a, b) -> store());
    }

    IntegerProperty minutesProperty() {
        return minutes;
    }

    void start() {
        lastSaveNanos = System.nanoTime();
        host.rememberView();
        if (tick == null) {
            tick = new Timeline(new KeyFrame(Duration.seconds(15), e -> check()));
            tick.setCycleCount(Timeline.INDEFINITE);
        }
        tick.play();
    }

    void stop() {
        if (tick != null) {
            tick.stop();
        }
    }

    /** The recovery file was written (or a session opened): the next one is due an interval from now. */
    void saved() {
        savedOnce = true;
        lastSaveNanos = System.nanoTime();
    }

    /** True when a save is due now (the caller still skips it when training has not moved). */
    boolean due() {
        int m = minutes.get();
        if (m <= 0) {
            return false;
        }
        if (!savedOnce) {
            return host.trainingSeconds() >= FIRST_AFTER_SECONDS || System.nanoTime() - lastSaveNanos >= m * 60_000_000_000L;
        }
        return System.nanoTime() - lastSaveNanos >= m * 60_000_000_000L;
    }

    private void check() {
        host.rememberView(); // what an end from outside saves with the model
        if (due()) {
            save.run();
        }
    }

    private void load() {
        int m = settings.getInt(KEY, DEFAULT_MINUTES);
        minutes.set(CHOICES.contains(m) ? m : DEFAULT_MINUTES);
    }

    private void store() {
        settings.put(KEY, Integer.toString(minutes.get()));
    }
}
