package lab.diffusion.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: a session may have any name; a missing file or a CSV is named as such. */
class AppArgumentsTest {

    @TempDir
    Path dir;

    @Test
    void anExistingFileOfAnyNameIsOpenedAsASession() throws Exception {
        Path f = Files.writeString(dir.resolve("lecture.session"), "x");
        AppArguments a = AppArguments.parse(List.of("--lecture", f.toString()));
        assertEquals(f, a.session());
        assertTrue(a.lecture());
        assertTrue(a.problems().isEmpty(), a.problems().toString());
    }

    @Test
    void aDlabPathIsLeftToTheSessionReaderEvenWhenMissing() {
        AppArguments a = AppArguments.parse(List.of(dir.resolve("gone.DLAB").toString()));
        assertEquals(dir.resolve("gone.DLAB"), a.session());
    }

    @Test
    void aMissingFileOrACsvIsASentenceNotAnUnknownOption() throws Exception {
        AppArguments a = AppArguments.parse(List.of(dir.resolve("nothing.here").toString()));
        assertNull(a.session());
        assertEquals(1, a.problems().size());
        assertTrue(a.problems().get(0).startsWith("There is no file"), a.problems().get(0));
        Path csv = Files.writeString(dir.resolve("points.csv"), "x,y\n1,2\n");
        AppArguments b = AppArguments.parse(List.of(csv.toString()));
        assertNull(b.session());
        assertTrue(b.problems().get(0).contains("is a CSV file, not a session"), b.problems().get(0));
        AppArguments c = AppArguments.parse(List.of("--frobnicate"));
        assertTrue(c.problems().get(0).startsWith("Unknown command-line option '--frobnicate'"), c.problems().get(0));
    }
}
