package lab.diffusion.app.ui;

/**
 * Works around a race in JavaFX 21's Linux text layout: the shared reusable
 * {@code com.sun.javafx.text.GlyphLayout} is handed back in {@code dispose()} before the Pango
 * layout has freed its strings, so the FX thread (laying out labels) and the render thread
 * (drawing canvas text) can use one instance at once. The FX thread then dies in a layout pass
 * with a ConcurrentModificationException and parts of the window stop updating.
 *
 * <p>Taking the reusable instance once and never returning it makes every layout create its own
 * instance, which is cheap. Done through reflection so that a runtime where the class is not
 * reachable (another JavaFX version, a module image without exports) just goes on without it.
 */
public final class TextLayoutGuard {

    private static Object held;

    private TextLayoutGuard() {
    }

    /** Call once on the FX thread after the toolkit has started. True if the guard is in place. */
    public static synchronized boolean install() {
        if (held != null) {
            return true;
        }
        try {
            Class<?> c = Class.forName("com.sun.javafx.text.GlyphLayout");
            held = c.getMethod("getInstance").invoke(null);
            return held != null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }
}
