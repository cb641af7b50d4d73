package lab.diffusion.app.house;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * House rules that live in the source text, not the classes: imports instead of fully
 * qualified names, classes small enough to read in one sitting, and every class saying in its
 * Javadoc which thread it runs on. Reads the sources of both modules (the test runs in app/).
 */
class SourceRulesTest {

    /** Most lines of an app class (say why for an exception here). */
    static final int MAX_APP_LINES = 400;
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.\"])(lab\\.diffusion|javafx)\\.([a-z][a-z0-9_]*\\.)+[A-Z]");
    private static final Pattern CLASS_DOC = Pattern.compile(
            "(/\\*\\*(?:(?!\\*/).)*\\*/)\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*(?:public\\s+|final\\s+|abstract\\s+|sealed\\s+)*"
                    + "(?:class|interface|enum|record)\\s", Pattern.DOTALL);

    static List<Path> sources(String... roots) throws IOException {
        List<Path> all = new ArrayList<>();
        for (String r : roots) {
            Path root = Path.of(r);
            if (Files.isDirectory(root)) {
                try (Stream<Path> s = Files.walk(root)) {
                    s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(all::add);
                }
            }
        }
        assertTrue(all.size() > 50, "found the sources: " + all.size());
        return all;
    }

    @Test
    void noCodeLineUsesAFullyQualifiedNameWhereAnImportDoes() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path p : sources("src/main/java", "src/test/java", "../engine/src/main/java", "../engine/src/test/java")) {
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (l.startsWith("import ") || l.startsWith("package ") || l.startsWith("*") || l.startsWith("/*") || l.startsWith("//")) {
                    continue;
                }
                Matcher m = QUALIFIED.matcher(l);
                while (m.find()) {
                    if (!insideString(l, m.start())) {
                        found.add(p.getFileName() + ":" + (i + 1) + "  " + l);
                        break;
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), "qualified names where an import does:\n" + String.join("\n", found));
    }

    private static boolean insideString(String line, int pos) {
        int quotes = 0;
        for (int i = 0; i < pos; i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    @Test
    void appClassesAreSmallEnoughToReadInOneSitting() throws IOException {
        List<String> big = new ArrayList<>();
        for (Path p : sources("src/main/java")) {
            long n = Files.readAllLines(p).size();
            if (n > MAX_APP_LINES) {
                big.add(p.getFileName() + " (" + n + " lines)");
            }
        }
        assertTrue(big.isEmpty(), "app classes over " + MAX_APP_LINES + " lines: " + big);
    }

    @Test
    void everyClassSaysWhichThreadItRunsOn() throws IOException {
        List<String> silent = new ArrayList<>();
        for (Path p : sources("src/main/java", "../engine/src/main/java/lab/diffusion/engine/live")) {
            Matcher m = CLASS_DOC.matcher(Files.readString(p));
            if (!m.find() || !m.group(1).toLowerCase().matches("(?s).*(thread|immutable).*")) {
                silent.add(p.getFileName().toString());
            }
        }
        assertTrue(silent.isEmpty(), "class Javadoc that does not say which thread the class runs on: " + silent);
    }
}
