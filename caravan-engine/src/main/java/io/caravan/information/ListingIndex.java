package io.caravan.information;

import io.caravan.domain.Listing;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keyed state: every listing's MinHash signature, bucketed by locality-sensitive hashing (16 bands of 4
 * positions). Two listings share a bucket with probability 1 − (1 − J⁴)¹⁶: 0.98 at J = 0.6, 0.07 at J = 0.2,
 * so near-duplicates are found without comparing every pair. Candidates are then compared on the full signature.
 */
public final class ListingIndex implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int BANDS = 16;
    private static final int ROWS = TextFingerprint.SIZE / BANDS;

    /** An indexed listing. */
    public record Entry(String listingId, String sellerId, long epochSecond, long[] signature) implements Serializable {
    }

    /** The most similar earlier listing by another seller. */
    public record Copy(Entry original, double similarity) {
    }

    private final Map<Long, List<Entry>> buckets = new HashMap<>();
    private int size;

    /** The text a listing is compared on: its title and description. */
    public static String text(Listing l) {
        return l.title() + " " + l.description();
    }

    public void observe(Listing listing, long[] signature) {
        Entry e = new Entry(listing.id(), listing.sellerId(), listing.at().getEpochSecond(), signature);
        for (int b = 0; b < BANDS; b++) {
            buckets.computeIfAbsent(bandKey(signature, b), k -> new ArrayList<>(1)).add(e);
        }
        size++;
    }

    /**
     * The most similar listing of another seller listed earlier, with similarity at least {@code min}.
     * Equally similar candidates resolve to the earliest, then the smallest id.
     */
    public Optional<Copy> earlierCopy(Listing listing, long[] signature, double min) {
        Entry best = null;
        double bestSim = -1;
        for (int b = 0; b < BANDS; b++) {
            List<Entry> bucket = buckets.get(bandKey(signature, b));
            if (bucket == null) {
                continue;
            }
            for (Entry e : bucket) {
                if (e.sellerId().equals(listing.sellerId()) || e.listingId().equals(listing.id())
                        || e.epochSecond() > listing.at().getEpochSecond()) {
                    continue;
                }
                double sim = TextFingerprint.similarity(signature, e.signature());
                if (sim > bestSim || (sim == bestSim && best != null && (e.epochSecond() < best.epochSecond()
                        || (e.epochSecond() == best.epochSecond() && e.listingId().compareTo(best.listingId()) < 0)))) {
                    best = e;
                    bestSim = sim;
                }
            }
        }
        if (best == null || bestSim < min) {
            return Optional.empty();
        }
        return Optional.of(new Copy(best, bestSim));
    }

    private static long bandKey(long[] sig, int band) {
        long h = band * 0x9E3779B97F4A7C15L;
        for (int r = band * ROWS; r < (band + 1) * ROWS; r++) {
            h = (h ^ sig[r]) * 0x100000001b3L;
            h ^= h >>> 29;
        }
        return h;
    }

    public int size() {
        return size;
    }
}
