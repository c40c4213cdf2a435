package io.caravan.information;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A MinHash signature of a text's word shingles. The Jaccard similarity of two texts' shingle sets is
 * estimated by the share of signature positions where they agree (standard error ≈ √(J(1 − J)/k) for k
 * positions; k = 64 gives ±0.06 at J = 0.5).
 *
 * <p>Shingles are the overlapping runs of three words of the lower-cased text, letters and digits only
 * (texts of fewer than three words use their words). Hashes are 64-bit FNV-1a mixed by a fixed
 * splitmix64 per position, so fingerprints are stable across runs and machines.
 */
public final class TextFingerprint {

    public static final int SIZE = 64;
    private static final int SHINGLE = 3;

    private TextFingerprint() {
    }

    public static long[] of(String text) {
        List<String> words = words(text);
        long[] sig = new long[SIZE];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        if (words.isEmpty()) {
            return sig;
        }
        int width = Math.min(SHINGLE, words.size());
        for (int i = 0; i + width <= words.size(); i++) {
            long h = 0xcbf29ce484222325L;
            for (int w = i; w < i + width; w++) {
                String word = words.get(w);
                for (int c = 0; c < word.length(); c++) {
                    h ^= word.charAt(c);
                    h *= 0x100000001b3L;
                }
                h ^= ' ';
                h *= 0x100000001b3L;
            }
            for (int k = 0; k < SIZE; k++) {
                long v = mix(h + 0x9E3779B97F4A7C15L * (k + 1));
                if (v < sig[k]) {
                    sig[k] = v;
                }
            }
        }
        return sig;
    }

    /** The share of positions where two signatures agree: an estimate of Jaccard similarity. */
    public static double similarity(long[] a, long[] b) {
        int same = 0;
        for (int k = 0; k < SIZE; k++) {
            if (a[k] == b[k]) {
                same++;
            }
        }
        return same / (double) SIZE;
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                w.append(c);
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
