package io.caravan.json;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Rounded numbers are written character for character as the generator writes the rounded double. */
class RoundedNumberTest {

    @Test
    void examplesWorkedOutByHand() {
        assertThat(text(0.045, 6)).isEqualTo("0.045");
        assertThat(text(197.1349, 2)).isEqualTo("197.13");
        assertThat(text(0.0, 6)).isEqualTo("0.0");
        assertThat(text(-0.0000004, 6)).isEqualTo("0.0");
        assertThat(text(1, 6)).isEqualTo("1.0");
        assertThat(text(1200, 2)).isEqualTo("1200.0");
        assertThat(text(0.00006, 6)).isEqualTo("6.0E-5");
        assertThat(text(0.000057, 6)).isEqualTo("5.7E-5");
        assertThat(text(0.001, 6)).isEqualTo("0.001");
        assertThat(text(0.000999, 6)).isEqualTo("9.99E-4");
        assertThat(text(12_500_000, 2)).isEqualTo("1.25E7");
        assertThat(text(9_999_999.99, 2)).isEqualTo("9999999.99");
        assertThat(text(-0.25, 6)).isEqualTo("-0.25");
    }

    @Test
    void everyValueIsWrittenAsTheGeneratorWritesTheRoundedDouble() {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1e-7, 5e-7, 4.9e-7, 0.001, 0.0009995, 0.01, 0.1, 1.0,
                9_999_999.994, 9_999_999.995, 10_000_000.0, 1e8, 123_456_789.123, 999_999_999.9999, 1e9, 1e15, 1e18,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, Double.MIN_VALUE));
        Random r = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            double magnitude = Math.pow(10, r.nextInt(-9, 12));
            values.add((r.nextBoolean() ? 1 : -1) * r.nextDouble() * magnitude);
            values.add(r.nextInt(0, 1_000_001) / 1e6);
            values.add(r.nextInt(0, 100_000_000) / 100.0);
        }
        for (int decimals : new int[] {2, 6}) {
            double scale = Math.pow(10, decimals);
            String mine = written(values, (g, x) -> RoundedNumber.write(g, x, decimals));
            String generators = written(values, (g, x) -> g.writeNumber(Math.round(x * scale) / scale));
            assertThat(mine).isEqualTo(generators);
        }
    }

    private static String text(double x, int decimals) {
        return written(List.of(x), (g, v) -> RoundedNumber.write(g, v, decimals));
    }

    private static String written(List<Double> values, BiConsumer<JsonGenerator, Double> write) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.mapper().tokenStreamFactory().createGenerator(out)) {
            g.writeStartArray();
            for (double v : values) {
                write.accept(g, v);
            }
            g.writeEndArray();
        }
        String s = out.toString(StandardCharsets.UTF_8);
        return values.size() == 1 ? s.substring(1, s.length() - 1) : s;
    }
}
