package lab.diffusion.app;

import javafx.application.Application;

/**
 * Plain entry point so JavaFX starts from the class path (the project is non-modular):
 * a main class that does not extend Application.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        PerfLog.mark("main");
        Application.launch(DiffusionLabApp.class, args);
    }
}
