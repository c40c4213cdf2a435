package io.caravan.server.storage;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import io.caravan.json.BinaryAssessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Assessment bodies as stored: each body is one Zstandard frame compressed with a dictionary trained on
 * assessments, so that the sentences every assessment shares are not stored again in every row. Inside the
 * frame is the assessment in its {@link BinaryAssessment binary form}, or, for bodies stored before that
 * form, its JSON; {@link #json} reads either. A 4.6 kB order assessment is stored in about 0.5 kB; it is what
 * lets a PostgreSQL page hold a dozen assessments instead of one.
 *
 * <p>Each frame names its dictionary by id. The dictionaries live in the database's {@code body_dictionary}
 * table, so the stored data can always be read back — by this version, a later one that ships a new
 * dictionary, or any zstd tool given the table's bytes. Thread-safe; the native contexts are pooled.
 */
public final class BodyCodec {

    /** The dictionary this version compresses with (a resource beside this class). */
    public static final String DICTIONARY_RESOURCE = "assessment-bodies.zdict";

    /** Level 1: about 6 µs for an order's assessment on this project's benchmark machine; higher levels gain a few percent. */
    private static final int LEVEL = 1;

    private final long currentId;
    private final ZstdDictCompress current;
    private final Map<Long, ZstdDictDecompress> readers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Compressor> compressors = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Map.Entry<Long, ZstdDecompressCtx>> decompressors = new ConcurrentLinkedQueue<>();

    /** A codec compressing with {@code dictionary} and reading frames made with any of {@code known} (by id). */
    public BodyCodec(byte[] dictionary, Map<Long, byte[]> known) {
        this.currentId = dictionaryId(dictionary);
        this.current = new ZstdDictCompress(dictionary, LEVEL);
        readers.put(currentId, new ZstdDictDecompress(dictionary));
        known.forEach((id, bytes) -> readers.computeIfAbsent(id, k -> new ZstdDictDecompress(bytes)));
    }

    /** The dictionary shipped with this version. */
    public static byte[] shippedDictionary() {
        try (InputStream in = BodyCodec.class.getResourceAsStream(DICTIONARY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DICTIONARY_RESOURCE + " is missing from the build; rebuild Caravan");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id a Zstandard dictionary carries in its header. */
    public static long dictionaryId(byte[] dictionary) {
        long id = Zstd.getDictIdFromDict(dictionary);
        if (id == 0) {
            throw new IllegalArgumentException("not a Zstandard dictionary with an id");
        }
        return id;
    }

    /** The id of the dictionary new bodies are compressed with. */
    public long currentId() {
        return currentId;
    }

    public byte[] compress(byte[] body) {
        return compress(body, body.length);
    }

    /** Compresses {@code body[0, length)}. */
    public byte[] compress(byte[] body, int length) {
        Compressor c = compressors.poll();
        if (c == null) {
            ZstdCompressCtx ctx = new ZstdCompressCtx().setLevel(LEVEL).setContentSize(true).setChecksum(false).setDictID(true);
            ctx.loadDict(current);
            c = new Compressor(ctx);
        }
        try {
            return c.compress(body, length);
        } finally {
            compressors.offer(c);
        }
    }

    /** A native context and the output buffer it reuses: a body costs one array of its compressed length. */
    private static final class Compressor {
        private final ZstdCompressCtx ctx;
        private byte[] out = new byte[16 * 1024];

        Compressor(ZstdCompressCtx ctx) {
            this.ctx = ctx;
        }

        byte[] compress(byte[] body, int length) {
            int bound = (int) Zstd.compressBound(length);
            if (out.length < bound) {
                out = new byte[bound];
            }
            int n = ctx.compressByteArray(out, 0, out.length, body, 0, length);
            byte[] frame = java.util.Arrays.copyOf(out, n);
            if (out.length > 1 << 20) {
                out = new byte[16 * 1024];
            }
            return frame;
        }
    }

    /** A stored body as {@code caravan.assessment.v1} JSON, in whichever form it was stored. */
    public byte[] json(byte[] stored) {
        byte[] body = decompress(stored);
        if (!BinaryAssessment.isBinary(body)) {
            return body;
        }
        BinaryAssessment.Decoded d = BinaryAssessment.decode(body);
        return io.caravan.json.AssessmentCodec.toJsonBytes(d.assessment(), d.versionsId());
    }

    public byte[] decompress(byte[] stored) {
        long id = Zstd.getDictIdFromFrame(stored);
        long size = Zstd.getFrameContentSize(stored);
        if (size < 0 || size > Integer.MAX_VALUE) {
            throw new IllegalStateException("a stored assessment body is not a complete Zstandard frame");
        }
        ZstdDictDecompress dict = readers.get(id);
        if (dict == null) {
            throw new IllegalStateException("a stored assessment body needs dictionary " + id
                    + ", which is not in table body_dictionary; restore that table from a backup");
        }
        Map.Entry<Long, ZstdDecompressCtx> d = decompressors.poll();
        if (d == null || d.getKey() != id) {
            if (d != null) {
                d.getValue().close();
            }
            ZstdDecompressCtx ctx = new ZstdDecompressCtx();
            ctx.loadDict(dict);
            d = Map.entry(id, ctx);
        }
        try {
            return d.getValue().decompress(stored, (int) size);
        } finally {
            decompressors.offer(d);
        }
    }
}
