package lab.diffusion.app;

import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;
import lab.diffusion.app.ui.Settings;

/**
 * The main window's size: the size it had when it was last closed (if it still fits the screen),
 * else the whole screen up to 1600×1000 and, on larger screens, 80 % of its width and 85 % of its
 * height (a 2560×1440 screen gets 2048×1224, not a small window in a corner). FX thread.
 */
final class WindowSize {

    static final String WIDTH = "window.width";
    static final String HEIGHT = "window.height";
    static final String MAXIMIZED = "window.maximized";

    private WindowSize() {
    }

    /** The size to open at on a screen of the given visual bounds: {width, height}. */
    static double[] initial(Settings settings, Rectangle2D screen) {
        double sw = screen.getWidth();
        double sh = screen.getHeight();
        double w = sw <= 1600 ? sw : Math.max(1600, Math.round(0.8 * sw));
        double h = sh <= 1000 ? sh : Math.max(1000, Math.round(0.85 * sh));
        int rw = settings.getInt(WIDTH, -1);
        int rh = settings.getInt(HEIGHT, -1);
        if (rw >= 640 && rh >= 480 && rw <= sw && rh <= sh) {
            w = rw;
            h = rh;
        }
        return new double[] {w, h};
    }

    static void apply(Stage stage, Settings settings, Rectangle2D screen) {
        double[] wh = initial(settings, screen);
        stage.setWidth(wh[0]);
        stage.setHeight(wh[1]);
        stage.setMaximized("true".equals(settings.get(MAXIMIZED, "false")));
    }

    /** Remembers the size (not a full-screen or maximized one, which says only that). */
    static void remember(Stage stage, Settings settings) {
        settings.put(MAXIMIZED, Boolean.toString(stage.isMaximized()));
        if (!stage.isFullScreen() && !stage.isMaximized()) {
            settings.put(WIDTH, Long.toString(Math.round(stage.getWidth())));
            settings.put(HEIGHT, Long.toString(Math.round(stage.getHeight())));
        }
    }
}
