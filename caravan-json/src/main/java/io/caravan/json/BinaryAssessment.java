package io.caravan.json;

import io.caravan.risk.Action;
import io.caravan.risk.Assessment;
import io.caravan.risk.Decision;
import io.caravan.risk.Estimate;
import io.caravan.risk.Interval;
import io.caravan.risk.Reason;
import io.caravan.risk.RiskCategory;
import io.caravan.risk.SubjectType;
import io.caravan.risk.Versions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored form of an assessment: what its {@code caravan.assessment.v1} JSON says, field by field in that
 * document's order, without the property names and with every number as the integer its JSON digits stand
 * for. It is written in about a third of the time of the JSON and is a third shorter before compression, and the
 * JSON drafted from it on reading ({@link #decode}, then {@link AssessmentCodec}) is byte for byte the JSON the
 * server would have written when it stored it. The server stores assessments in this form, compressed.
 *
 * <p>Layout (all integers as LEB128 varints, signed ones zigzag-encoded; text as its UTF-8 length, then the
 * bytes): the format byte {@link #FORMAT}; id, subject, subject id; as-of seconds and nanoseconds; the
 * decision's action and drivers; exposure and expected loss in cents; the estimates, each with category,
 * outcome, horizon, probability, interval low and high (each in millionths), evidence count, its reasons
 * (code, sentence, contribution in millionths, evidence) and its measures (name, value in millionths); then
 * the versions id. A count precedes every list. JSON begins with <code>{</code>, so a body's first byte says which
 * form it is in.
 */
public final class BinaryAssessment {

    /** The first byte of this form; never the first byte of a JSON document. */
    public static final byte FORMAT = 1;

    /** Decimals kept: as {@code AssessmentCodec} writes them (probabilities to 6, money to cents). */
    private static final double MILLIONTHS = 1e6;
    private static final double CENTS = 100;

    private static final ThreadLocal<Writer> WRITERS = ThreadLocal.withInitial(Writer::new);

    private BinaryAssessment() {
    }

    /** True when {@code body} (decompressed) is in this form rather than JSON. */
    public static boolean isBinary(byte[] body) {
        return body.length > 0 && body[0] == FORMAT;
    }

    /**
     * Writes {@code a} into the calling thread's buffer, which {@code sink} gets with the length written. The buffer
     * is reused by the thread's next call: a sink that keeps the bytes must copy them.
     */
    public static <T> T encode(Assessment a, String versionsId, Sink<T> sink) {
        Writer w = WRITERS.get();
        w.n = 0;
        w.write(a, versionsId);
        T result = sink.accept(w.buf, w.n);
        if (w.buf.length > 1 << 20) {
            w.buf = new byte[8 * 1024];
        }
        return result;
    }

    /** The encoded form as an array of its own length. */
    public static byte[] encode(Assessment a, String versionsId) {
        return encode(a, versionsId, Arrays::copyOf);
    }

    /** What receives the encoded bytes: {@code bytes[0, length)}. */
    @FunctionalInterface
    public interface Sink<T> {
        T accept(byte[] bytes, int length);
    }

    /** An assessment as stored, with the versions id it names. */
    public record Decoded(Assessment assessment, String versionsId) {
    }

    /** Reads a body written by {@link #encode}; fails with the offset where it stops making sense. */
    public static Decoded decode(byte[] body) {
        if (!isBinary(body)) {
            throw new IllegalArgumentException("not a binary assessment body: its first byte is " + (body.length == 0 ? "missing" : body[0]));
        }
        Reader r = new Reader(body);
        r.pos = 1;
        try {
            String id = r.text();
            SubjectType subject = SubjectType.valueOf(r.text());
            String subjectId = r.text();
            Instant asOf = Instant.ofEpochSecond(r.signed(), r.signed());
            Action action = Action.valueOf(r.text());
            List<String> drivers = r.texts();
            double exposure = r.signed() / CENTS;
            double expectedLoss = r.signed() / CENTS;
            int estimateCount = r.count();
            List<Estimate> estimates = new ArrayList<>(estimateCount);
            for (int i = 0; i < estimateCount; i++) {
                RiskCategory category = RiskCategory.valueOf(r.text());
                String outcome = r.text();
                String horizon = r.text();
                double p = r.signed() / MILLIONTHS;
                Interval interval = new Interval(r.signed() / MILLIONTHS, r.signed() / MILLIONTHS);
                long evidence = r.signed();
                int reasonCount = r.count();
                List<Reason> reasons = new ArrayList<>(reasonCount);
                for (int k = 0; k < reasonCount; k++) {
                    reasons.add(new Reason(r.text(), r.text(), r.signed() / MILLIONTHS, r.texts()));
                }
                int measureCount = r.count();
                TreeMap<String, Double> measures = new TreeMap<>();
                for (int k = 0; k < measureCount; k++) {
                    measures.put(r.text(), r.signed() / MILLIONTHS);
                }
                estimates.add(new Estimate(category, outcome, horizon, p, interval, evidence, reasons, measures));
            }
            String versionsId = r.text();
            if (r.pos != body.length) {
                throw new IllegalArgumentException((body.length - r.pos) + " bytes left after the versions id");
            }
            return new Decoded(new Assessment(id, subject, subjectId, asOf, estimates, exposure, expectedLoss,
                    new Decision(action, drivers), Versions.of(Map.of("versions_id", versionsId))), versionsId);
        } catch (RuntimeException e) {
            throw new IllegalStateException("a stored assessment body is damaged at byte " + r.pos + " of " + body.length
                    + ": " + e.getMessage() + "; restore the assessment table from a backup", e);
        }
    }

    /** The integer a number is written as: {@code Math.round(x · scale)}, as {@code RoundedNumber} rounds it. */
    private static long scaled(double x, double scale) {
        return Math.round(x * scale);
    }

    private static final class Writer {
        byte[] buf = new byte[8 * 1024];
        int n;

        void write(Assessment a, String versionsId) {
            room(1);
            buf[n++] = FORMAT;
            text(a.id());
            text(a.subject().name());
            text(a.subjectId());
            signed(a.asOf().getEpochSecond());
            signed(a.asOf().getNano());
            text(a.decision().action().name());
            texts(a.decision().drivers());
            signed(scaled(a.exposureUsd(), CENTS));
            signed(scaled(a.expectedLossUsd(), CENTS));
            List<Estimate> estimates = a.estimates();
            unsigned(estimates.size());
            for (int i = 0; i < estimates.size(); i++) {
                Estimate e = estimates.get(i);
                text(e.category().name());
                text(e.outcome());
                text(e.horizon());
                signed(scaled(e.probability(), MILLIONTHS));
                signed(scaled(e.interval().low(), MILLIONTHS));
                signed(scaled(e.interval().high(), MILLIONTHS));
                signed(e.evidence());
                List<Reason> reasons = e.reasons();
                unsigned(reasons.size());
                for (int k = 0; k < reasons.size(); k++) {
                    Reason r = reasons.get(k);
                    text(r.code());
                    text(r.text());
                    signed(scaled(r.contribution(), MILLIONTHS));
                    texts(r.evidence());
                }
                unsigned(e.measures().size());
                for (Map.Entry<String, Double> m : e.measures().entrySet()) {
                    text(m.getKey());
                    signed(scaled(m.getValue(), MILLIONTHS));
                }
            }
            text(versionsId);
        }

        void texts(List<String> values) {
            unsigned(values.size());
            for (int i = 0; i < values.size(); i++) {
                text(values.get(i));
            }
        }

        /**
         * UTF-8, written straight into the buffer after room for its length: a sentence with one arrow or accented name
         * in it went through {@code String.getBytes}, which cost the encoder a tenth of its time in copies. A lone
         * surrogate is written as {@code ?}, as {@code String.getBytes} writes it.
         */
        void text(String s) {
            int length = s.length();
            int most = 3 * length; // a char takes at most 3 bytes; a surrogate pair, 2 chars, takes 4
            int reserved = varintSize(most);
            room(reserved + most);
            int start = n + reserved;
            int end = start;
            byte[] b = buf;
            for (int i = 0; i < length; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    b[end++] = (byte) c;
                } else if (c < 0x800) {
                    b[end++] = (byte) (0xC0 | c >> 6);
                    b[end++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isSurrogate(c)) {
                    if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                        int cp = Character.toCodePoint(c, s.charAt(++i));
                        b[end++] = (byte) (0xF0 | cp >> 18);
                        b[end++] = (byte) (0x80 | cp >> 12 & 0x3F);
                        b[end++] = (byte) (0x80 | cp >> 6 & 0x3F);
                        b[end++] = (byte) (0x80 | cp & 0x3F);
                    } else {
                        b[end++] = '?';
                    }
                } else {
                    b[end++] = (byte) (0xE0 | c >> 12);
                    b[end++] = (byte) (0x80 | c >> 6 & 0x3F);
                    b[end++] = (byte) (0x80 | c & 0x3F);
                }
            }
            int bytes = end - start;
            int used = varintSize(bytes);
            if (used < reserved) {
                System.arraycopy(b, start, b, n + used, bytes);
            }
            unsigned(bytes);
            n += bytes;
        }

        private static int varintSize(long v) {
            int size = 1;
            while ((v & ~0x7FL) != 0) {
                v >>>= 7;
                size++;
            }
            return size;
        }

        void signed(long v) {
            unsigned((v << 1) ^ (v >> 63));
        }

        void unsigned(long v) {
            room(10);
            while ((v & ~0x7FL) != 0) {
                buf[n++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[n++] = (byte) v;
        }

        void room(int more) {
            if (n + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
            }
        }
    }

    private static final class Reader {
        final byte[] buf;
        int pos;

        Reader(byte[] buf) {
            this.buf = buf;
        }

        long unsigned() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = buf[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("a number runs over 10 bytes");
        }

        long signed() {
            long v = unsigned();
            return (v >>> 1) ^ -(v & 1);
        }

        int count() {
            long c = unsigned();
            if (c > buf.length - pos) {
                throw new IllegalArgumentException("a count of " + c + " is more than the bytes left");
            }
            return (int) c;
        }

        String text() {
            int length = count();
            String s = new String(buf, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return s;
        }

        List<String> texts() {
            int count = count();
            List<String> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                out.add(text());
            }
            return out;
        }
    }
}
