package io.caravan.server.ingest;

import java.nio.charset.StandardCharsets;

/**
 * A Bloom filter of the record identities a tenant has stored: "no" is certain, "maybe" needs the
 * database. New records — nearly all of them — then need no lookup at all. Sized for {@code capacity}
 * identities at about 1% false positives; beyond that it stays correct and only answers "maybe" more often.
 */
final class KeyFilter {

    private static final int HASHES = 7;

    private final long[] bits;
    private final long size;

    KeyFilter(long capacity) {
        long m = Math.max(1 << 16, (long) Math.ceil(capacity * 9.6)); // 9.6 bits per key: ~1% at k = 7
        this.bits = new long[(int) Math.min(Integer.MAX_VALUE - 8, (m + 63) / 64)];
        this.size = (long) bits.length * 64;
    }

    void add(String key) {
        long h1 = hash(key, 0x9E3779B97F4A7C15L);
        long h2 = hash(key, 0xC2B2AE3D27D4EB4FL) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = Math.floorMod(h1 + i * h2, size);
            bits[(int) (bit >>> 6)] |= 1L << (bit & 63);
        }
    }

    boolean mightContain(String key) {
        long h1 = hash(key, 0x9E3779B97F4A7C15L);
        long h2 = hash(key, 0xC2B2AE3D27D4EB4FL) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = Math.floorMod(h1 + i * h2, size);
            if ((bits[(int) (bit >>> 6)] & (1L << (bit & 63))) == 0) {
                return false;
            }
        }
        return true;
    }

    /** A 64-bit FNV-1a over the UTF-8 bytes, mixed with a seed and finished with a murmur-style avalanche. */
    private static long hash(String key, long seed) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
