package lab.diffusion.engine.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The one reader behind every CSV this project reads (points, 0/1 sequences, schedules), built on
 * Apache Commons CSV. It refuses what is not a regular file, caps the line length, drops a UTF-8
 * byte-order mark, skips blank lines and '#' comments, unquotes fields ("1.2", as R and Excel
 * write them) and trims spaces around them. The separator is detected from the first rows: comma,
 * semicolon, tab, or runs of spaces; a semicolon file whose numbers use decimal commas
 * ({@code 1,26247;0,82147}, a European export) is read with the commas as decimal points, and
 * {@link #assumption()} says so. Callers decide what the fields mean. Any one thread.
 */
public final class CsvRows implements Closeable {

    /** Commons CSV's words for a quote that runs to the end of the file. */
    private static final Pattern UNCLOSED = Pattern.compile("\\(startline (\\d+)\\) EOF reached before encapsulated token");

    /** Content rows read to decide the separator. */
    private static final int SNIFF_ROWS = 20;

    /** How the fields of a row are separated. */
    public enum Separator {
        COMMA(','), SEMICOLON(';'), TAB('\t'), SPACES(' ');

        final char c;

        Separator(char c) {
            this.c = c;
        }
    }

    /** Thrown for anything that makes the file unreadable; the message is one line for a person. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    private final String name;
    private final String what;
    private final Separator separator;
    private final boolean decimalCommas;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long line;

    private CsvRows(Path file, String what, Separator separator, boolean decimalCommas) throws IOException {
        this.name = InputFiles.name(file);
        this.what = what;
        this.separator = separator;
        this.decimalCommas = decimalCommas;
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(separator.c)
                .setCommentMarker('#')
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                .get();
        Reader in = new CappedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), InputFiles.MAX_LINE_CHARS);
        this.parser = CSVParser.builder().setReader(in).setFormat(format).get();
        this.records = parser.iterator();
    }

    /**
     * Opens a CSV file.
     *
     * @param what what the file should be, for messages ("a CSV of numbers")
     */
    public static CsvRows open(Path file, String what) throws Unreadable {
        String problem = InputFiles.problem(file, what);
        if (problem != null) {
            throw new Unreadable(problem);
        }
        String name = InputFiles.name(file);
        List<String> sample = new ArrayList<>();
        try (CappedLineReader in = new CappedLineReader(Files.newBufferedReader(file, StandardCharsets.UTF_8),
                InputFiles.MAX_LINE_CHARS)) {
            for (String l = in.readLine(); l != null && sample.size() < SNIFF_ROWS; l = in.readLine()) {
                String s = l.replace("\uFEFF", "").strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    sample.add(s);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(file, name, what, e);
        }
        Separator sep = separatorOf(sample);
        boolean commas = sep == Separator.SEMICOLON && sample.stream().anyMatch(s -> s.matches(".*\\d,\\d.*"));
        try {
            return new CsvRows(file, what, sep, commas);
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(file, name, what, e);
        }
    }

    /** The separator the first rows use: semicolon before comma (a European file has both). */
    static Separator separatorOf(List<String> rows) {
        if (rows.stream().anyMatch(s -> s.indexOf(';') >= 0)) {
            return Separator.SEMICOLON;
        }
        if (rows.stream().anyMatch(s -> s.indexOf(',') >= 0)) {
            return Separator.COMMA;
        }
        if (rows.stream().anyMatch(s -> s.indexOf('\t') >= 0)) {
            return Separator.TAB;
        }
        return Separator.SPACES;
    }

    /**
     * What was assumed about the file that a person might not expect, or null: a semicolon file
     * with decimal commas, or a space-separated file.
     */
    public String assumption() {
        if (decimalCommas) {
            return name + " was read as semicolon-separated with decimal commas (1,5 = 1.5)";
        }
        return null;
    }

    public Separator separator() {
        return separator;
    }

    /** The file name, for messages. */
    public String name() {
        return name;
    }

    /**
     * The next row's fields (unquoted, trimmed, decimal commas turned into points), or null at the
     * end of the file.
     */
    public String[] next() throws Unreadable {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord r = records.next();
            line = parser.getCurrentLineNumber();
            List<String> fields = new ArrayList<>(r.size());
            for (String f : r) {
                String v = f.replace("\uFEFF", "").strip();
                if (separator == Separator.SPACES && v.isEmpty()) {
                    continue;
                }
                fields.add(decimalCommas ? v.replace(',', '.') : v);
            }
            return fields.toArray(new String[0]);
        } catch (UncheckedIOException e) {
            throw unreadable(null, name, what, e.getCause());
        } catch (IllegalStateException e) {
            throw new Unreadable(name + ", near line " + (parser.getCurrentLineNumber() + 1) + ": " + firstLine(e.getMessage()));
        }
    }

    /** The line on which the last row returned by {@link #next} ended (1-based). */
    public long line() {
        return line;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // reading is over; nothing to save
        }
    }

    private static Unreadable unreadable(Path file, String name, String what, Throwable e) {
        Throwable c = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (c instanceof NoSuchFileException) {
            return new Unreadable("no such file: " + (file == null ? name : file));
        }
        if (c instanceof CappedLineReader.TooLong || c instanceof CappedReader.TooLong) {
            return new Unreadable(name + ": " + c.getMessage() + "; not " + what);
        }
        if (c instanceof CSVException) {
            Matcher open = UNCLOSED.matcher(String.valueOf(c.getMessage()));
            return new Unreadable(name + " is not a valid CSV: " + (open.find() ? "the quote opened on line " + open.group(1)
                    + " is never closed" : firstLine(String.valueOf(c.getMessage()))));
        }
        if (c instanceof CharacterCodingException) {
            return new Unreadable(name + " is not a text file (it is not valid UTF-8)");
        }
        return new Unreadable("cannot read " + name + ": " + firstLine(String.valueOf(c.getMessage())));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
