package io.caravan.server.storage;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodyCodecTest {

    private final byte[] shipped = BodyCodec.shippedDictionary();

    @Test
    void bodiesOfAWorldNotTrainedOnComeBackByteForByteAndAtLeastFiveTimesSmaller() {
        BodyCodec codec = new BodyCodec(shipped, Map.of());
        List<byte[]> bodies = BodyDictionaryTrainer.storedBodies(7, 500);
        long raw = 0;
        long stored = 0;
        for (byte[] b : bodies) {
            byte[] z = codec.compress(b);
            assertThat(codec.decompress(z)).isEqualTo(b);
            raw += b.length;
            stored += z.length;
        }
        // Measured 8-9x when the dictionary was trained; below 5x the engine's sentences have drifted from it:
        // run scripts/train-body-dictionary.
        assertThat((double) raw / stored).as("compression ratio, %d bytes to %d", raw, stored).isGreaterThan(5);
    }

    @Test
    void framesMadeWithAnEarlierDictionaryAreReadWithItFromTheKnownOnes() {
        byte[] earlierDict = trainTiny();
        BodyCodec old = new BodyCodec(earlierDict, Map.of());
        byte[] json = "{\"id\":\"order:O-1\",\"text\":\"the route via Rotterdam, on time\"}".getBytes(StandardCharsets.UTF_8);
        byte[] z = old.compress(json);

        BodyCodec now = new BodyCodec(shipped, Map.of(BodyCodec.dictionaryId(earlierDict), earlierDict));
        assertThat(now.currentId()).isNotEqualTo(old.currentId());
        assertThat(now.decompress(z)).isEqualTo(json);

        BodyCodec forgetful = new BodyCodec(shipped, Map.of());
        assertThatThrownBy(() -> forgetful.decompress(z))
                .hasMessageContaining("needs dictionary " + old.currentId())
                .hasMessageContaining("body_dictionary");
    }

    @Test
    void somethingThatIsNotAFrameIsRefusedWithAReason() {
        BodyCodec codec = new BodyCodec(shipped, Map.of());
        assertThatThrownBy(() -> codec.decompress("{\"plain\":\"json\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a complete Zstandard frame");
    }

    /** A small dictionary with its own id, trained on made-up bodies. */
    private static byte[] trainTiny() {
        var t = new com.github.luben.zstd.ZstdDictTrainer(1 << 20, 4096);
        for (int i = 0; i < 2000; i++) {
            t.addSample(("{\"id\":\"order:O-" + i + "\",\"text\":\"the route via Rotterdam, on time; leg " + (i % 7)
                    + " by carrier C-" + (i % 13) + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        return t.trainSamples();
    }
}
