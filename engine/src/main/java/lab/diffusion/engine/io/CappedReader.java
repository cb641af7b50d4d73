package lab.diffusion.engine.io;

import java.io.IOException;
import java.io.Reader;

/**
 * A reader that refuses a line longer than a limit (so a parser fed from it holds bounded memory
 * on a file without line breaks) and drops a leading UTF-8 byte-order mark. Not thread-safe; one
 * reader per thread.
 */
final class CappedReader extends Reader {

    /** A line longer than the limit. */
    static final class TooLong extends IOException {
        TooLong(long line, int max) {
            super("line " + line + " is longer than " + max / 1024 + " KB");
        }
    }

    private final Reader in;
    private final int max;
    private long lineNo = 1;
    private int run;
    private boolean started;

    CappedReader(Reader in, int maxChars) {
        this.in = in;
        this.max = maxChars;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        if (n <= 0) {
            return n;
        }
        if (!started) {
            started = true;
            if (buf[off] == '\uFEFF') {
                System.arraycopy(buf, off + 1, buf, off, n - 1);
                n--;
                if (n == 0) {
                    return read(buf, off, len);
                }
            }
        }
        for (int i = off; i < off + n; i++) {
            char c = buf[i];
            if (c == '\n' || c == '\r') {
                if (c == '\n') {
                    lineNo++;
                }
                run = 0;
            } else if (++run > max) {
                throw new TooLong(lineNo, max);
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
