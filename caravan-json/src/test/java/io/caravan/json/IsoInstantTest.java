package io.caravan.json;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoInstantTest {

    @Test
    void readsTheCommonFormAsTheJdkDoes() {
        assertThat(IsoInstant.parse("2025-03-01T09:30:00Z")).isEqualTo(Instant.ofEpochSecond(1_740_821_400L));
        assertThat(IsoInstant.parse("1970-01-01T00:00:00Z")).isEqualTo(Instant.EPOCH);
        assertThat(IsoInstant.parse("2024-02-29T23:59:59Z")).isEqualTo(Instant.ofEpochSecond(1_709_251_199L));
        assertThat(IsoInstant.parse("1969-12-31T23:59:59Z")).isEqualTo(Instant.ofEpochSecond(-1));
        Random r = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            Instant t = Instant.ofEpochSecond(r.nextLong(-2_000_000_000L, 8_000_000_000L));
            assertThat(IsoInstant.parse(t.toString())).isEqualTo(t);
        }
    }

    @Test
    void handsEveryOtherFormToTheJdkWithItsResultOrError() {
        for (String s : List.of("2025-03-01T09:30:00.250Z", "2025-03-01T24:00:00Z", "2016-12-31T23:59:60Z", "+12025-03-01T09:30:00Z")) {
            assertThat(IsoInstant.parse(s)).as(s).isEqualTo(Instant.parse(s));
        }
        for (String s : List.of("2025-02-29T09:30:00Z", "2025-13-01T09:30:00Z", "2025-00-10T09:30:00Z", "2025-03-01T25:00:00Z",
                "2025-03-01T09:60:00Z", "2025-03-01T09:30:61Z", "2025-03-01 09:30:00Z", "2025-03-01T09:30:00", "2025-3-01T09:30:00Z",
                "2025-03-01T09:30:0xZ", "20a5-03-01T09:30:00Z", "")) {
            assertThatThrownBy(() -> IsoInstant.parse(s)).as(s).isInstanceOf(DateTimeException.class);
            assertThatThrownBy(() -> Instant.parse(s)).as(s).isInstanceOf(DateTimeException.class);
        }
    }
}
