package lab.diffusion.app;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.diffusion.app.lecture.Appearance;
import lab.diffusion.engine.session.Demos;

/**
 * The app's command line, read once: {@code --data NAME}, {@code --demo NAME}, {@code --lecture},
 * {@code --theme NAME} and a session file. Mistakes are collected as sentences (shown in the
 * window), never fatal. Immutable; any thread.
 *
 * @param data     a data set id ({@code swissroll}, {@code heartbeat}, {@code digits}, …) or null
 * @param demo     a bundled demo or null
 * @param session  a session file or null
 * @param problems one sentence per option that was not understood
 */
public record AppArguments(String data, String demo, Path session, boolean lecture, String theme, List<String> problems) {

    public static AppArguments parse(List<String> args) {
        String data = null;
        String demo = null;
        Path session = null;
        boolean lecture = false;
        String theme = null;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--data") && i + 1 < args.size()) {
                data = args.get(++i).toLowerCase();
            } else if (a.equals("--demo") && i + 1 < args.size()) {
                String name = args.get(++i);
                if (Demos.exists(name)) {
                    demo = name;
                } else {
                    problems.add("There is no demo '" + name + "' (demos: " + Demos.names() + ").");
                }
            } else if (a.equals("--lecture")) {
                lecture = true;
            } else if (a.equals("--theme") && i + 1 < args.size()) {
                String t = args.get(++i);
                if (Appearance.THEMES.contains(t)) {
                    theme = t;
                } else {
                    problems.add("Unknown theme '" + t + "' (light, dark, high-contrast).");
                }
            } else if (!a.startsWith("-") && !a.isBlank()) {
                String problem = sessionProblem(a);
                if (problem == null) {
                    session = Path.of(a);
                } else {
                    problems.add(problem);
                }
            } else {
                problems.add("Unknown command-line option '" + a + "' (the app accepts --data NAME, --demo NAME, --lecture, "
                        + "--theme NAME or a session file).");
            }
        }
        return new AppArguments(data, demo, session, lecture, theme, List.copyOf(problems));
    }

    /**
     * Why a path given on the command line cannot be opened as a session, or null: a session may
     * have any name (the reader checks what it holds), but a missing file or a CSV is named here.
     */
    private static String sessionProblem(String a) {
        Path p;
        try {
            p = Path.of(a);
        } catch (InvalidPathException e) {
            return "'" + a + "' is not a valid file path.";
        }
        String lower = a.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".dlab")) {
            return null; // the session reader says what is wrong with it, if anything
        }
        if (!Files.exists(p)) {
            return "There is no file '" + a + "' to open.";
        }
        if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            return a + " is a CSV file, not a session: import it with Import CSV… in the Data panel.";
        }
        return null;
    }
}
