package lab.diffusion.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.session.SessionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The engine's command line: {@code java -jar diffusion-lab-engine.jar <command> ...}. */
@Command(name = "diffusion-lab-engine", mixinStandardHelpOptions = true, version = "Diffusion Lab engine 0.1.0",
        description = "Train, sample, evaluate and benchmark diffusion probabilistic models (Sohl-Dickstein et al., 2015).",
        subcommands = {TrainCommand.class, EvaluateCommand.class, SampleCommand.class, InpaintCommand.class, DenoiseCommand.class, ExportGifCommand.class, ExportFigureCommand.class, ConvertCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class Main {

    /** Exit code for a problem with the user's input (file, setting). */
    static final int EXIT_USER = 1;
    /** Exit code for bad command-line syntax. */
    static final int EXIT_USAGE = 2;
    /** Exit code for an unexpected internal failure. */
    static final int EXIT_INTERNAL = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parse) -> {
            PrintWriter err = c.getErr();
            if (ex instanceof UserError || ex instanceof DataException || ex instanceof SessionException
                    || ex instanceof IllegalArgumentException || ex instanceof IOException) {
                err.println("error: " + ex.getMessage());
                return EXIT_USER;
            }
            err.println("internal error: " + ex);
            if (System.getenv("DLAB_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return EXIT_INTERNAL;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("error: out of memory; use fewer points, a smaller model or a smaller batch");
            return EXIT_USER;
        }
    }
}
