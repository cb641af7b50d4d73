package lab.diffusion.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a person reads when the window cannot be opened (no FX thread needed). */
class LauncherTest {

    @Test
    void aMissingGtkIsNamedWithTheFix() {
        String m = Launcher.startupFailureMessage(new UnsupportedOperationException("Unable to load glass GTK library."));
        assertTrue(m.startsWith("Diffusion Lab could not open its window: Unable to load glass GTK library."), m);
        assertTrue(m.contains("libgtk-3-0"), m);
        assertFalse(m.contains("at com.sun"), "no stack trace: " + m);
    }

    @Test
    void aMissingDisplayAndOtherFailuresGetTheirReason() {
        String d = Launcher.startupFailureMessage(new UnsupportedOperationException("Unable to open DISPLAY"));
        assertTrue(d.contains("Unable to open DISPLAY") && d.contains("DISPLAY"), d);
        assertFalse(d.contains("libgtk"), d);
        String other = Launcher.startupFailureMessage(new IllegalStateException());
        assertTrue(other.endsWith("IllegalStateException"), other);
    }
}
