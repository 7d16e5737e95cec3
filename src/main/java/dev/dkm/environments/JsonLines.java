package dev.dkm.environments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads one protocol line at a time, never more than a limit: a peer that floods fails, it does not fill the heap. */
final class JsonLines {
    /** The protocol's version; a helper refuses another one in its first answer. */
    static final int PROTOCOL = 1;

    private final InputStream in;
    private final int maxLine;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int end;

    JsonLines(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    static final class TooLong extends IOException {
        TooLong(int max) {
            super("a line longer than " + (max >= 1024 * 1024 ? max / (1024 * 1024) + " MiB" : max + " bytes"));
        }
    }

    /** The next line without its newline, or null at the end of the stream (a last line without newline is dropped). */
    String next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (pos == end) {
                end = in.read(buffer);
                pos = 0;
                if (end < 0) {
                    end = 0;
                    return null;
                }
            }
            int nl = -1;
            for (int i = pos; i < end; i++) {
                if (buffer[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int stop = nl < 0 ? end : nl;
            if (line.size() + (stop - pos) > maxLine) {
                throw new TooLong(maxLine);
            }
            line.write(buffer, pos, stop - pos);
            pos = stop;
            if (nl >= 0) {
                pos = nl + 1;
                return line.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
