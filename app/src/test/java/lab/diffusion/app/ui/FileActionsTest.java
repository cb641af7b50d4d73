package lab.diffusion.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosers start where the person last was (else Documents or home) and suggest dated names. No toolkit. */
class FileActionsTest {

    @TempDir
    Path dir;

    @Test
    void suggestedNamesCarryTodaysDateOnce() {
        String today = LocalDate.now().toString();
        assertEquals("samples-" + today + ".csv", FileActions.dated("samples.csv"));
        assertEquals("samples-" + today + ".csv", FileActions.dated("samples-" + today + ".csv"));
        assertEquals("figure-" + today, FileActions.dated("figure"));
    }

    @Test
    void choosersStartInTheLastFolderUsedNeverTheWorkingDirectory() throws Exception {
        File first = FileActions.startFolder();
        assertNotEquals(new File(System.getProperty("user.dir")).getAbsoluteFile(), first.getAbsoluteFile(),
                "not the folder the app was started from");
        Path f = Files.writeString(dir.resolve("points.csv"), "1,2\n");
        FileActions.remember(f);
        assertEquals(dir.toFile(), FileActions.startFolder());
    }
}
