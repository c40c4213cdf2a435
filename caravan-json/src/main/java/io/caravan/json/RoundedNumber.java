package io.caravan.json;

import tools.jackson.core.JsonGenerator;

/**
 * Writes a number rounded to a fixed count of decimals (probabilities to 6, money to 2) in exactly the
 * characters the generator writes for the rounded {@code double} — Java's shortest form: {@code 0.045},
 * {@code 197.13}, {@code 0.0}, {@code 6.0E-5}, {@code 1.25E7} — without building that double's decimal
 * expansion: the digits are those of the rounded integer {@code Math.round(x * 10^decimals)}.
 *
 * <p>Why the digits are the same: the rounded double is the one nearest to {@code k / 10^decimals}, and while
 * {@code |k| < 10^15} that decimal has at most 15 significant digits, so no other decimal as short lies
 * within half a unit in the last place of it: it is the shortest form. Larger values, and values that are
 * not finite, go through the generator's own path.
 */
public final class RoundedNumber {

    private static final long EXACT_LIMIT = 1_000_000_000_000_000L;
    private static final double[] SCALES = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

    /** The characters of one number, before the generator copies them: an assessment writes some fifty numbers. */
    private static final ThreadLocal<char[]> SCRATCH = ThreadLocal.withInitial(() -> new char[32]);

    private RoundedNumber() {
    }

    /** Writes {@code Math.round(x * 10^decimals) / 10^decimals} (decimals 0–8) as the generator writes that double. */
    public static void write(JsonGenerator g, double x, int decimals) {
        double scale = SCALES[decimals];
        long k = Math.round(x * scale);
        if (k <= -EXACT_LIMIT || k >= EXACT_LIMIT) {
            // also infinities; NaN rounds to 0, written as 0.0 either way
            g.writeNumber(k / scale);
            return;
        }
        char[] out = SCRATCH.get();
        int n = format(k, decimals, out);
        g.writeNumber(out, 0, n);
    }

    /** The characters of {@code k · 10^-decimals} ({@code |k| < 10^15}) in Java's shortest form; returns their count. */
    static int format(long k, int decimals, char[] out) {
        if (k == 0) {
            out[0] = '0';
            out[1] = '.';
            out[2] = '0';
            return 3;
        }
        int n = 0;
        if (k < 0) {
            out[n++] = '-';
            k = -k;
        }
        // the significant digits without trailing zeros, and the decimal exponent of the last of them
        int exponent = -decimals;
        while (k % 10 == 0) {
            k /= 10;
            exponent++;
        }
        int count = 1;
        for (long r = k / 10; r > 0; r /= 10) {
            count++;
        }
        // the value is 0.d1d2…dcount × 10^point
        int point = count + exponent;
        if (point >= -2 && point <= 7) {
            // plain notation for 10^-3 <= |v| < 10^7: zeros before the digits, the point among or after them
            if (point <= 0) {
                out[n++] = '0';
                out[n++] = '.';
                for (int i = point; i < 0; i++) {
                    out[n++] = '0';
                }
                return digits(k, count, -1, out, n);
            }
            if (point < count) {
                return digits(k, count, point, out, n);
            }
            n = digits(k, count, -1, out, n);
            for (int i = count; i < point; i++) {
                out[n++] = '0';
            }
            out[n++] = '.';
            out[n++] = '0';
            return n;
        }
        // computerized scientific notation: d.ddd E exponent, at least one digit after the point
        n = digits(k, count, count == 1 ? -1 : 1, out, n);
        if (count == 1) {
            out[n++] = '.';
            out[n++] = '0';
        }
        out[n++] = 'E';
        String e = Integer.toString(point - 1);
        e.getChars(0, e.length(), out, n);
        return n + e.length();
    }

    /** Writes the {@code count} digits of {@code k} at {@code n}, a point after the first {@code pointAfter} (none if -1). */
    private static int digits(long k, int count, int pointAfter, char[] out, int n) {
        int end = n + count + (pointAfter >= 0 ? 1 : 0);
        int i = end;
        for (int d = count; d > 0; d--) {
            if (d == pointAfter) {
                out[--i] = '.';
            }
            out[--i] = (char) ('0' + k % 10);
            k /= 10;
        }
        return end;
    }
}
