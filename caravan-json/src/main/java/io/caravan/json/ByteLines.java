package io.caravan.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a byte stream as they arrive, without their {@code \n} or {@code \r\n}. A line is handed out
 * only once its newline has been read, or at a clean end of the stream: when the stream breaks off (an
 * upload cut short), the read fails and the unfinished last line is never seen as a record. A line longer than
 * {@link #MAX_LINE} bytes is not kept in memory: it is read to its end and reported {@link #tooLong()}.
 */
public final class ByteLines {

    /** The longest line kept: a record is a few kilobytes; a longer line is a file of another kind. */
    public static final int MAX_LINE = 1 << 20;

    private final InputStream in;
    private boolean tooLong;
    private final byte[] buffer;
    private int position;
    private int limit;
    private byte[] line = new byte[1024];
    private int length;
    private long number;
    private long bytes;
    private boolean ended;

    public ByteLines(InputStream in) {
        this(in, new byte[64 * 1024], 0);
    }

    private ByteLines(InputStream in, byte[] buffer, int limit) {
        this.in = in;
        this.buffer = buffer;
        this.limit = limit;
        this.bytes = limit;
    }

    /**
     * The lines of bytes already in memory, read where they are. A stream's 64 KiB buffer, allocated and filled for
     * every request, was most of what the server allocated per single record.
     */
    public static ByteLines of(byte[] bytes) {
        // An empty array would be read with a length of 0, which a stream answers with 0 bytes rather than its end.
        return new ByteLines(InputStream.nullInputStream(), bytes.length == 0 ? new byte[1] : bytes, bytes.length);
    }

    /** Reads the next line; false at the end of the stream. Its bytes are {@link #bytes()}, valid until the next call. */
    public boolean next() throws IOException {
        if (ended) {
            return false;
        }
        length = 0;
        tooLong = false;
        while (true) {
            if (position == limit) {
                int n = in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    ended = true;
                    if (length == 0 && !tooLong) {
                        return false;
                    }
                    number++;
                    trimReturn();
                    return true;
                }
                position = 0;
                limit = n;
                bytes += n;
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(start, position - start);
            if (position < limit) {
                position++;
                number++;
                trimReturn();
                return true;
            }
        }
    }

    private void append(int from, int n) {
        if (tooLong || length + n > MAX_LINE) {
            tooLong = true;
            length = 0;
            return;
        }
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        }
        System.arraycopy(buffer, from, line, length, n);
        length += n;
    }

    private void trimReturn() {
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
    }

    /** True when the current line was longer than {@link #MAX_LINE}: its bytes were dropped. */
    public boolean tooLong() {
        return tooLong;
    }

    /** What to say of a line that is too long. */
    public static String tooLongMessage() {
        return "the line is longer than " + MAX_LINE + " bytes, far more than one record; records are one per line"
                + " (is this a JSON Lines or CSV file?)";
    }

    /** The current line's bytes: {@code line()[0 .. length())}. */
    public byte[] line() {
        return line;
    }

    public int length() {
        return length;
    }

    /** The current line's number, from 1. */
    public long number() {
        return number;
    }

    /** Bytes read from the stream so far. */
    public long bytesRead() {
        return bytes;
    }
}
