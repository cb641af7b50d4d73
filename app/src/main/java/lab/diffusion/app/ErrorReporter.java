package lab.diffusion.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * What happens to an exception nobody caught on the FX thread: it is logged with its stack
 * trace to {@code diffusion-lab.log} in the app's home folder (at most 1 MB, then it starts
 * again), and a person reads one sentence in the message line; the window stays usable. FX
 * thread (the handler of the FX application thread).
 */
final class ErrorReporter implements Thread.UncaughtExceptionHandler {

    static final String LOG_FILE = "diffusion-lab.log";
    private static final Logger LOG = Logger.getLogger("lab.diffusion.app");
    private final Consumer<String> say;
    private final Path log;

    private ErrorReporter(Consumer<String> say, Path log) {
        this.say = say;
        this.log = log;
    }

    /** Installs the reporter on the calling (FX) thread; the log goes to {@code home}. */
    static void install(Path home, Consumer<String> say) {
        try {
            Files.createDirectories(home);
            FileHandler f = new FileHandler(home.resolve(LOG_FILE).toString(), 1 << 20, 1, true);
            f.setFormatter(new SimpleFormatter());
            LOG.addHandler(f);
            LOG.setUseParentHandlers(false); // the stack trace goes to the file, not to the terminal
        } catch (IOException | RuntimeException e) {
            // no log file: the message line still says what happened
        }
        Thread.currentThread().setUncaughtExceptionHandler(new ErrorReporter(say, home.resolve(LOG_FILE)));
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        LOG.log(Level.SEVERE, "uncaught on " + t.getName(), e);
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        say.accept("Something went wrong (" + what + "); the window goes on. Details are in " + log + ".");
    }
}
