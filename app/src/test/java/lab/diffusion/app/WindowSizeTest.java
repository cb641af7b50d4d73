package lab.diffusion.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Rectangle2D;
import lab.diffusion.app.ui.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window opens at a sensible part of any screen and at the size it was left at. No toolkit. */
class WindowSizeTest {

    @TempDir
    Path home;

    @Test
    void aLargeScreenGetsAFractionASmallOneAllOfIt() {
        Settings s = new Settings(home.resolve("settings.properties"));
        assertArrayEquals(new double[] {2048, 1224}, WindowSize.initial(s, new Rectangle2D(0, 0, 2560, 1440)));
        assertArrayEquals(new double[] {1600, 1000}, WindowSize.initial(s, new Rectangle2D(0, 0, 1600, 1000)));
        assertArrayEquals(new double[] {1280, 720}, WindowSize.initial(s, new Rectangle2D(0, 0, 1280, 720)));
        assertArrayEquals(new double[] {1600, 1000}, WindowSize.initial(s, new Rectangle2D(0, 0, 1920, 1080)));
    }

    @Test
    void theRememberedSizeIsUsedWhenItFitsAndSettingsShareOneFile() throws Exception {
        Settings s = new Settings(home.resolve("settings.properties"));
        s.put("autosave.minutes", "10");
        s.put(WindowSize.WIDTH, "1400");
        s.put(WindowSize.HEIGHT, "900");
        assertArrayEquals(new double[] {1400, 900}, WindowSize.initial(s, new Rectangle2D(0, 0, 2560, 1440)));
        assertArrayEquals(new double[] {1280, 720}, WindowSize.initial(s, new Rectangle2D(0, 0, 1280, 720)), "too big: the default");
        assertEquals(10, s.getInt("autosave.minutes", 3), "one key's change keeps the others");
        Files.writeString(home.resolve("settings.properties"), "window.width=wide\n");
        assertArrayEquals(new double[] {2048, 1224}, WindowSize.initial(s, new Rectangle2D(0, 0, 2560, 1440)), "unreadable: the default");
    }
}
