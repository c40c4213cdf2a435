package io.caravan.server;

import io.caravan.reference.ReferenceData;
import io.caravan.server.ingest.RecordParser;
import io.caravan.server.web.ApiException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A body is read the same whatever length it declares: the right one, none, too short or too long. */
class RecordParserLengthTest {

    private static final String MERCHANT = IngestApiTest.MERCHANT;

    private final RecordParser parser = new RecordParser(ReferenceData.bundled(), 1000, 100, java.time.Duration.ofDays(1),
            java.time.Clock.systemUTC());

    private RecordParser.Parsed parse(String body, long declared) throws IOException {
        return parser.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), declared, null, "body");
    }

    @Test
    void twoRecordsAreReadWhateverLengthIsDeclared() throws IOException {
        String body = MERCHANT + "\n" + MERCHANT.replace("M-1", "M-2") + "\n";
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        for (long declared : new long[]{length, -1, length - 10, 5}) {
            RecordParser.Parsed p = parse(body, declared);
            assertThat(p.errors()).as("declared %d", declared).isEmpty();
            assertThat(p.records()).as("declared %d", declared).extracting(r -> r.event().id()).containsExactly("M-1", "M-2");
        }
    }

    @Test
    void aBodyThatBreaksOffBeforeItsDeclaredLengthKeepsItsWholeLines() throws IOException {
        String body = MERCHANT + "\n" + MERCHANT.replace("M-1", "M-2").substring(0, 40);
        RecordParser.Parsed p = parse(body, body.length() + 100);
        assertThat(p.records()).extracting(r -> r.event().id()).containsExactly("M-1");
        assertThat(p.errors()).hasSize(1);
        assertThat(p.errors().get(0).line()).isEqualTo(2);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherItsLengthIsDeclaredOrNot() {
        String body = (MERCHANT + "\n").repeat(8); // over 1 000 bytes
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        for (long declared : new long[]{length, -1, 100}) {
            assertThatThrownBy(() -> parse(body, declared)).as("declared %d", declared).isInstanceOf(ApiException.class)
                    .hasMessageContaining("larger than 1000 bytes");
        }
    }
}
