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
final class RoundedNumber {

    private static final long EXACT_LIMIT = 1_000_000_000_000_000L;

    private RoundedNumber() {
    }

    /** Writes {@code Math.round(x * 10^decimals) / 10^decimals} as the generator would write that double. */
    static void write(JsonGenerator g, double x, int decimals, double scale) {
        long k = Math.round(x * scale);
        if (k <= -EXACT_LIMIT || k >= EXACT_LIMIT || Double.isNaN(x) || Double.isInfinite(x)) {
            g.writeNumber(k / scale);
            return;
        }
        char[] out = new char[32];
        int n = format(k, decimals, out);
        g.writeNumber(out, 0, n);
    }

    /** The characters of {@code k · 10^-decimals} in Java's shortest form, into {@code out}; returns their count. */
    static int format(long k, int decimals, char[] out) {
        int n = 0;
        if (k == 0) {
            out[0] = '0';
            out[1] = '.';
            out[2] = '0';
            return 3;
        }
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
        char[] digits = new char[19];
        int count = 0;
        for (long r = k; r > 0; r /= 10) {
            digits[18 - count++] = (char) ('0' + r % 10);
        }
        int first = 19 - count;
        // the value is 0.d1d2… × 10^point
        int point = count + exponent;
        if (point >= -2 && point <= 7) {
            // plain notation for 10^-3 <= |v| < 10^7
            if (point <= 0) {
                out[n++] = '0';
                out[n++] = '.';
                for (int i = point; i < 0; i++) {
                    out[n++] = '0';
                }
                for (int i = first; i < 19; i++) {
                    out[n++] = digits[i];
                }
            } else if (point >= count) {
                for (int i = first; i < 19; i++) {
                    out[n++] = digits[i];
                }
                for (int i = count; i < point; i++) {
                    out[n++] = '0';
                }
                out[n++] = '.';
                out[n++] = '0';
            } else {
                for (int i = 0; i < count; i++) {
                    if (i == point) {
                        out[n++] = '.';
                    }
                    out[n++] = digits[first + i];
                }
            }
            return n;
        }
        // computerized scientific notation: d.ddd E exponent, at least one digit after the point
        out[n++] = digits[first];
        out[n++] = '.';
        if (count == 1) {
            out[n++] = '0';
        } else {
            for (int i = first + 1; i < 19; i++) {
                out[n++] = digits[i];
            }
        }
        out[n++] = 'E';
        int e = point - 1;
        if (e < 0) {
            out[n++] = '-';
            e = -e;
        }
        if (e >= 100) {
            out[n++] = (char) ('0' + e / 100);
            e %= 100;
            out[n++] = (char) ('0' + e / 10);
        } else if (e >= 10) {
            out[n++] = (char) ('0' + e / 10);
        }
        out[n++] = (char) ('0' + e % 10);
        return n;
    }
}
