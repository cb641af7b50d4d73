package lab.diffusion.app.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A message appears once, in the message line; the status bar keeps saying what the engine does. No toolkit. */
class MessagesTest {

    @Test
    void newsAndProblemsAreShownOnceNotAlsoInTheStatusBar() {
        Messages m = new Messages();
        m.status("Training: 1,200 steps");
        m.inform("Saved run.dlab (0.2 MB in 0.05 s)");
        assertEquals("Saved run.dlab (0.2 MB in 0.05 s)", m.message());
        assertFalse(m.isErrorProperty().get());
        assertEquals("Training: 1,200 steps", m.statusProperty().get());
        m.report("Not saved: the disk is full");
        assertTrue(m.isErrorProperty().get());
        assertEquals("Training: 1,200 steps", m.statusProperty().get());
    }
}
