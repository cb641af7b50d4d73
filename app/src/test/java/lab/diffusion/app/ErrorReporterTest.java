package lab.diffusion.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorReporterTest {

    @TempDir
    Path home;

    @Test
    void anUncaughtExceptionIsOneReadableSentenceAndAStackTraceInTheLog() throws Exception {
        List<String> said = Collections.synchronizedList(new ArrayList<>());
        Thread t = new Thread(() -> {
            ErrorReporter.install(home, said::add);
            throw new IllegalStateException("the plot had no data");
        });
        t.start();
        t.join(10_000);
        assertEquals(1, said.size());
        String line = said.get(0);
        assertTrue(line.startsWith("Something went wrong (the plot had no data)") && !line.contains("\n"), line);
        String log = Files.readString(home.resolve("diffusion-lab.log"));
        assertTrue(log.contains("IllegalStateException: the plot had no data") && log.contains("at lab.diffusion.app.ErrorReporterTest"),
                log);
    }
}
