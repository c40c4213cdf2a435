package io.caravan.server.storage;

import io.caravan.json.AssessmentCodec;
import io.caravan.json.BinaryAssessment;
import io.caravan.risk.Action;
import io.caravan.risk.Assessment;
import io.caravan.risk.Decision;
import io.caravan.risk.Estimate;
import io.caravan.risk.Interval;
import io.caravan.risk.Reason;
import io.caravan.risk.RiskCategory;
import io.caravan.risk.SubjectType;
import io.caravan.risk.Versions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinaryAssessmentTest {

    private static String json(Assessment a, String versionsId) {
        return new String(AssessmentCodec.toJsonBytes(a, versionsId), StandardCharsets.UTF_8);
    }

    @Test
    void everyAssessmentOfAWorldReadsBackAsTheJsonItWouldHaveBeenStoredAs() {
        List<Assessment> world = BodyDictionaryTrainer.assessed(3, 400);
        assertThat(world).hasSizeGreaterThan(1000);
        assertThat(world.stream().map(Assessment::subject).distinct()).hasSizeGreaterThan(2);
        long jsonBytes = 0;
        long binaryBytes = 0;
        for (Assessment a : world) {
            String vid = AssessmentCodec.versionsId(a.versions());
            byte[] binary = BinaryAssessment.encode(a, vid);
            BinaryAssessment.Decoded d = BinaryAssessment.decode(binary);
            String expected = json(a, vid);
            assertThat(json(d.assessment(), d.versionsId())).isEqualTo(expected);
            jsonBytes += expected.getBytes(StandardCharsets.UTF_8).length;
            binaryBytes += binary.length;
        }
        // no property names and numbers as varints: measured 0.66 of the JSON's bytes for such a world
        assertThat((double) binaryBytes / jsonBytes).as("binary %d bytes against JSON %d", binaryBytes, jsonBytes).isLessThan(0.8);
    }

    /** An assessment with the values a generated world does not have: text beyond ASCII, long text, signs, extremes. */
    private static Assessment unusual() {
        String longText = "Rotterdam → Felixstowe, ".repeat(20) + "Ünal \"Kuzey\" \\ Ticaret 北京 🚢";
        Reason ascii = new Reason("LEG_DELAY_HISTORY", "plain words, and a quote \" and a backslash \\", 0.1234564999, List.of("S-1", "T-9"));
        Reason wide = new Reason("CODE_ÄÖ", longText, 0.0000005, List.of("Müller GmbH", longText));
        TreeMap<String, Double> measures = new TreeMap<>(Map.of("slack_days", -3.25, "expected_delay_days", 1234567.1234567,
                "tiny", 1e-9, "zero", 0.0));
        Estimate e = new Estimate(RiskCategory.LOGISTICS, "late_delivery", "more than 3 days late", 0.9999995,
                new Interval(0.5, 1.0), Long.MAX_VALUE, List.of(ascii, wide), measures);
        Estimate plain = new Estimate(RiskCategory.CREDIT, "chargeback", "90 days", 0.0, Interval.exactly(0.0), 0, List.of());
        return new Assessment("order:O-Ü1", SubjectType.ORDER, "O-Ü1", Instant.parse("1999-12-31T23:59:59.123456789Z"),
                List.of(e, plain), 12345678901.235, -1.236, new Decision(Action.HOLD, List.of("LEG_DELAY_HISTORY", "北京")),
                Versions.of(Map.of("engine", "1")));
    }

    @Test
    void textBeyondAsciiLongTextNegativeAndExtremeNumbersComeBackAsTheirJson() {
        Assessment a = unusual();
        byte[] binary = BinaryAssessment.encode(a, "v-0123456789ab");
        assertThat(binary[0]).isEqualTo(BinaryAssessment.FORMAT);
        assertThat(BinaryAssessment.isBinary(binary)).isTrue();
        BinaryAssessment.Decoded d = BinaryAssessment.decode(binary);
        assertThat(d.versionsId()).isEqualTo("v-0123456789ab");
        assertThat(json(d.assessment(), d.versionsId())).isEqualTo(json(a, "v-0123456789ab"));
        assertThat(d.assessment().asOf()).isEqualTo(a.asOf());
        assertThat(d.assessment().estimates().get(0).evidence()).isEqualTo(Long.MAX_VALUE);
        // worked by hand: 0.1234564999 to millionths is 123456, read back as 0.123456
        assertThat(d.assessment().estimates().get(0).reasons().get(0).contribution()).isEqualTo(0.123456);
        assertThat(d.assessment().expectedLossUsd()).isEqualTo(-1.24); // -123.6 cents round to -124
    }

    @Test
    void textIsUtf8AsJavaWritesItWhateverItsLength() {
        List<String> texts = List.of("", "a", "Ü", "北京", "🚢", "x".repeat(42), "é".repeat(43), "→".repeat(43), "y".repeat(127),
                "y".repeat(128), "北".repeat(6000), "lone \ud800 high", "lone \udc00 low", "end \ud83d");
        Reason r = new Reason("CODE", "text", 0.5, texts);
        Estimate e = new Estimate(RiskCategory.LEGAL, "o", "h", 0.5, Interval.exactly(0.5), 1, List.of(r));
        Assessment a = new Assessment("order:O-1", SubjectType.ORDER, "O-1", Instant.EPOCH, List.of(e), 1, 0.5,
                new Decision(Action.REVIEW, List.of()), Versions.of(Map.of("engine", "1")));
        List<String> back = BinaryAssessment.decode(BinaryAssessment.encode(a, "v-1")).assessment().estimates().get(0)
                .reasons().get(0).evidence();
        for (int i = 0; i < texts.size(); i++) {
            // what String.getBytes and new String make of it: a lone surrogate becomes '?'
            assertThat(back.get(i)).isEqualTo(new String(texts.get(i).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        }
        assertThat(back.get(11)).isEqualTo("lone ? high");
    }

    @Test
    void theThreadsBufferIsReusedAndAKeptEncodingIsACopy() {
        Assessment a = unusual();
        byte[] first = BinaryAssessment.encode(a, "v-1");
        byte[][] seen = new byte[1][];
        int length = BinaryAssessment.encode(a, "v-2", (bytes, n) -> {
            seen[0] = bytes;
            return n;
        });
        assertThat(length).isLessThan(seen[0].length);
        assertThat(BinaryAssessment.decode(first).versionsId()).isEqualTo("v-1");
    }

    @Test
    void aDamagedOrForeignBodyIsRefusedSayingWhere() {
        byte[] binary = BinaryAssessment.encode(unusual(), "v-1");
        byte[] cut = Arrays.copyOf(binary, binary.length / 2);
        assertThatThrownBy(() -> BinaryAssessment.decode(cut)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("damaged at byte").hasMessageContaining("of " + cut.length)
                .hasMessageContaining("restore the assessment table");
        byte[] longer = Arrays.copyOf(binary, binary.length + 3);
        assertThatThrownBy(() -> BinaryAssessment.decode(longer)).hasMessageContaining("3 bytes left after the versions id");
        assertThatThrownBy(() -> BinaryAssessment.decode("{\"id\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a binary assessment body");
        assertThat(BinaryAssessment.isBinary("{}".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void theCodecReadsBodiesStoredAsJsonBeforeAndInBinaryNow() {
        BodyCodec codec = new BodyCodec(BodyCodec.shippedDictionary(), Map.of());
        Assessment a = unusual();
        byte[] json = AssessmentCodec.toJsonBytes(a, "v-1");
        assertThat(codec.json(codec.compress(json))).isEqualTo(json);
        byte[] binary = BinaryAssessment.encode(a, "v-1");
        assertThat(codec.json(codec.compress(binary))).isEqualTo(json);
        byte[] padded = Arrays.copyOf(binary, binary.length + 100);
        assertThat(codec.json(codec.compress(padded, binary.length))).isEqualTo(json);
    }
}
