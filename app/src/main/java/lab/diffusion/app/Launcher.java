package lab.diffusion.app;

import java.util.Locale;
import javafx.application.Application;

/**
 * Plain entry point so JavaFX starts from the class path (the project is non-modular):
 * a main class that does not extend Application. The JVM's main thread, until JavaFX takes over.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        PerfLog.mark("main");
        try {
            Application.launch(DiffusionLabApp.class, args);
        } catch (RuntimeException e) {
            // JavaFX could not start (no display, no GTK): say so in words, not with a stack trace
            System.err.println(startupFailureMessage(e));
            if (Boolean.getBoolean("dlab.debug")) {
                e.printStackTrace();
            }
            System.exit(1);
        }
    }

    /** One or two lines for a person whose window could not be opened. */
    static String startupFailureMessage(Throwable e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        StringBuilder b = new StringBuilder("Diffusion Lab could not open its window: ").append(why);
        if (why.contains("GTK")) {
            b.append(System.lineSeparator())
                    .append("JavaFX needs the GTK 3 libraries (every Linux desktop has them; on Debian or Ubuntu: "
                            + "sudo apt install libgtk-3-0).");
        } else if (why.toLowerCase(Locale.ROOT).contains("display")) {
            b.append(System.lineSeparator()).append("Start it from a desktop session (or set DISPLAY).");
        }
        return b.toString();
    }
}
