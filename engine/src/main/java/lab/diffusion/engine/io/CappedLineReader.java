package lab.diffusion.engine.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like {@code BufferedReader.readLine} (\n, \r\n or \r ends a line) but refuses a
 * line longer than a limit instead of holding all of it, so a file without line breaks costs
 * bounded memory. Not thread-safe; one reader per thread.
 */
public final class CappedLineReader implements Closeable {

    /** A line longer than the limit; {@link #line()} is its number (1-based). */
    public static final class TooLong extends IOException {
        private final int line;

        TooLong(int line, int max) {
            super("line " + line + " is longer than " + max / 1024 + " KB");
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final Reader in;
    private final int max;
    private final char[] buf = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int pos;
    private int end;
    private int lineNo;
    private boolean skipLf;

    public CappedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.max = maxChars;
    }

    /** The next line without its ending, or null at the end of the input. */
    public String readLine() throws IOException {
        line.setLength(0);
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (!any) {
                        return null;
                    }
                    lineNo++;
                    return line.toString();
                }
            }
            char c = buf[pos++];
            if (skipLf) {
                skipLf = false;
                if (c == '\n') {
                    continue;
                }
            }
            any = true;
            if (c == '\n' || c == '\r') {
                skipLf = c == '\r';
                lineNo++;
                return line.toString();
            }
            if (line.length() >= max) {
                throw new TooLong(lineNo + 1, max);
            }
            line.append(c);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
