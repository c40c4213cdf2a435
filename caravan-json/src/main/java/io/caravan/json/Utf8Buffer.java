package io.caravan.json;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A thread's reusable output buffer for writing one JSON value at a time: the value is copied out once at its
 * exact length instead of being grown into step by step. A buffer grown past {@link #KEPT} by an unusually
 * large value is dropped after use.
 */
final class Utf8Buffer extends ByteArrayOutputStream {

    static final int KEPT = 1 << 20;

    private static final ThreadLocal<Utf8Buffer> BUFFER = ThreadLocal.withInitial(Utf8Buffer::new);

    private Utf8Buffer() {
        super(16 * 1024);
    }

    /** The calling thread's buffer, emptied. */
    static Utf8Buffer get() {
        Utf8Buffer b = BUFFER.get();
        b.reset();
        return b;
    }

    /** What was written, as a new array of its exact length. */
    byte[] take() {
        byte[] bytes = Arrays.copyOf(buf, count);
        if (buf.length > KEPT) {
            BUFFER.remove();
        }
        return bytes;
    }
}
