package lab.diffusion.app.window;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import lab.diffusion.app.explorer.Explorer;

/**
 * The window's keys as one table from key to command (the keyboard map in {@code KeyMap} lists
 * the same keys for people). Keys typed into a text field are left to it. FX thread.
 */
final class KeyboardShortcuts {

    private final Map<KeyCode, Runnable> plain = new EnumMap<>(KeyCode.class);
    private final Map<KeyCode, Runnable> withShortcut = new EnumMap<>(KeyCode.class);
    private final Runnable keyMap;

    /** Whether Shift is held in the key event being handled. */
    private boolean shift;

    KeyboardShortcuts(Explorer ex, MainWindow w) {
        withShortcut.put(KeyCode.Z, () -> ex.mode().undo());
        withShortcut.put(KeyCode.Y, () -> ex.mode().redo());
        plain.put(KeyCode.SPACE, ex.timeline::togglePlay);
        // ← / → move t by a fortieth of the chain (one step at T = 40, 50 on the heartbeat's 2,000); Shift: one step
        plain.put(KeyCode.RIGHT, () -> ex.timeline.setT(ex.timeline.t() + stride(ex)));
        plain.put(KeyCode.LEFT, () -> ex.timeline.setT(ex.timeline.t() - stride(ex)));
        plain.put(KeyCode.HOME, ex.timeline::toStart);
        plain.put(KeyCode.END, ex.timeline::toEnd);
        plain.put(KeyCode.T, ex.trainer::toggle);
        plain.put(KeyCode.R, ex.trainer::reset);
        for (KeyCode k : new KeyCode[] {KeyCode.DIGIT1, KeyCode.NUMPAD1}) {
            plain.put(k, () -> w.plots().toggle(0));
        }
        for (KeyCode k : new KeyCode[] {KeyCode.DIGIT2, KeyCode.NUMPAD2}) {
            plain.put(k, () -> w.plots().toggle(1));
        }
        for (KeyCode k : new KeyCode[] {KeyCode.DIGIT3, KeyCode.NUMPAD3}) {
            plain.put(k, () -> w.plots().toggle(2));
        }
        for (KeyCode k : new KeyCode[] {KeyCode.DIGIT0, KeyCode.NUMPAD0}) {
            plain.put(k, () -> w.plots().showAll());
        }
        plain.put(KeyCode.F, () -> {
            if (w.getScene() != null && w.getScene().getWindow() instanceof Stage st) {
                st.setFullScreen(!st.isFullScreen());
            }
        });
        for (KeyCode k : new KeyCode[] {KeyCode.PLUS, KeyCode.ADD, KeyCode.EQUALS}) {
            plain.put(k, ex.timeline::faster);
        }
        for (KeyCode k : new KeyCode[] {KeyCode.MINUS, KeyCode.SUBTRACT}) {
            plain.put(k, ex.timeline::slower);
        }
        plain.put(KeyCode.L, () -> ex.appearance.lectureProperty().set(!ex.appearance.lectureProperty().get()));
        plain.put(KeyCode.C, () -> w.lecture().captionsProperty().set(!w.lecture().captionsProperty().get()));
        plain.put(KeyCode.S, () -> w.lecture().slowMotionProperty().set(!w.lecture().slowMotionProperty().get()));
        plain.put(KeyCode.ESCAPE, () -> {
            // closes what is open first (the key map, slow motion); only then leaves lecture mode or full screen
            if (w.keyOverlay().isVisible() || w.lecture().slowMotionProperty().get()) {
                w.keyOverlay().setVisible(false);
                w.lecture().slowMotionProperty().set(false);
            } else if (ex.appearance.lectureProperty().get()) {
                ex.appearance.lectureProperty().set(false);
            } else if (w.getScene() != null && w.getScene().getWindow() instanceof Stage st && st.isFullScreen()) {
                st.setFullScreen(false);
            }
        });
        keyMap = w::toggleKeyMap;
        w.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    /** How far ← and → move t: T/40 (at least 1), or one step with Shift. */
    private int stride(Explorer ex) {
        return shift ? 1 : Math.max(1, (int) Math.round(ex.schedule.steps() / 40.0));
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl) {
            return;
        }
        shift = e.isShiftDown();
        Runnable r = e.isShortcutDown() ? withShortcut.get(e.getCode()) : plain.get(e.getCode());
        if (r == null && !e.isShortcutDown() && ((e.getCode() == KeyCode.SLASH && e.isShiftDown()) || "?".equals(e.getText()))) {
            r = keyMap;
        }
        if (r != null) {
            r.run();
            e.consume();
        }
    }
}
