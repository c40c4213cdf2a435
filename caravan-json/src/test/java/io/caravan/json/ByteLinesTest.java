package io.caravan.json;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Lines read in place from an array are the lines a stream of the same bytes gives. */
class ByteLinesTest {

    @Test
    void linesOfAnArrayAreTheLinesOfItsStream() throws IOException {
        String longLine = "x".repeat(ByteLines.MAX_LINE + 10);
        for (String text : List.of("", "\n", "a", "a\n", "a\nb", "a\r\nb\r\n", "\n\na\n\n", "{\"id\":\"O-1\"}\n{\"id\":\"O-2\"}",
                "a\n" + longLine + "\nb\n", "é\n€\n")) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            List<String> expected = read(new ByteLines(new ByteArrayInputStream(bytes)));
            assertThat(read(ByteLines.of(bytes))).as(text.length() > 40 ? "with a long line" : text).isEqualTo(expected);
        }
        assertThat(read(ByteLines.of("a\r\n\nb".getBytes(StandardCharsets.UTF_8)))).containsExactly("1:a", "2:", "3:b");
        assertThat(read(ByteLines.of(new byte[0]))).isEmpty();
    }

    private static List<String> read(ByteLines lines) throws IOException {
        List<String> out = new ArrayList<>();
        while (lines.next()) {
            out.add(lines.number() + ":" + (lines.tooLong() ? "<too long>"
                    : new String(lines.line(), 0, lines.length(), StandardCharsets.UTF_8)));
        }
        return out;
    }
}
