package io.caravan.server.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Rows in PostgreSQL's binary COPY format ({@code COPY … FROM STDIN (FORMAT binary)}): every field is a
 * length and its bytes, so text goes as UTF-8 without escaping and numbers and times without formatting.
 */
final class BinaryCopy {

    /** Microseconds from the Unix epoch to PostgreSQL's, 2000-01-01T00:00:00Z. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    private final Out out;

    BinaryCopy(int capacity) {
        out = new Out(capacity);
        out.write(new byte[]{'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0}, 0, 11);
        out.int32(0); // flags
        out.int32(0); // header extension length
    }

    BinaryCopy row(int fields) {
        out.int16(fields);
        return this;
    }

    BinaryCopy int8(long v) {
        out.int32(8);
        out.int64(v);
        return this;
    }

    BinaryCopy float8(double v) {
        out.int32(8);
        out.int64(Double.doubleToLongBits(v));
        return this;
    }

    BinaryCopy text(String s) {
        if (s == null) {
            out.int32(-1);
            return this;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.int32(b.length);
        out.write(b, 0, b.length);
        return this;
    }

    /** Text already encoded as UTF-8 (text's binary form is its bytes). */
    BinaryCopy utf8(byte[] b) {
        out.int32(b.length);
        out.write(b, 0, b.length);
        return this;
    }

    BinaryCopy bytea(byte[] b) {
        out.int32(b.length);
        out.write(b, 0, b.length);
        return this;
    }

    BinaryCopy timestamptz(Instant t) {
        out.int32(8);
        out.int64(Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000) - PG_EPOCH_MICROS);
        return this;
    }

    /** The finished stream, with its trailer. */
    java.io.InputStream finish() {
        out.int16(-1);
        return new java.io.ByteArrayInputStream(out.buffer(), 0, out.size());
    }

    private static final class Out extends ByteArrayOutputStream {
        Out(int capacity) {
            super(capacity);
        }

        byte[] buffer() {
            return buf;
        }

        void int16(int v) {
            write(v >>> 8);
            write(v);
        }

        void int32(int v) {
            ensure(4);
            buf[count++] = (byte) (v >>> 24);
            buf[count++] = (byte) (v >>> 16);
            buf[count++] = (byte) (v >>> 8);
            buf[count++] = (byte) v;
        }

        void int64(long v) {
            int32((int) (v >>> 32));
            int32((int) v);
        }

        private void ensure(int n) {
            if (count + n > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, count + n));
            }
        }
    }
}
