package io.caravan.json;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Reading a JSON Lines file written by Caravan (assessments, labels): blank lines are skipped, every other
 * line is one JSON object handed on with its line number, and a line that cannot be read is an error naming
 * the file and line. (Input records, whose every bad line must be reported, go through {@link EventReader}.)
 */
public final class JsonLines {

    /** What to do with one line; returns true to stop reading. */
    @FunctionalInterface
    public interface Visitor {
        boolean visit(long lineNo, JsonNode node);
    }

    private JsonLines() {
    }

    /**
     * Visits the lines of {@code file} that pass {@code filter} (a cheap test on the raw text, so that a search
     * need not parse every line), until the visitor asks to stop.
     *
     * @param what what each line should be, for errors, e.g. {@code "an assessment written by 'caravan assess'"}
     */
    public static void scan(Path file, String what, Predicate<String> filter, Visitor visitor) throws IOException {
        long lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || !filter.test(line)) {
                    continue;
                }
                boolean stop;
                try {
                    JsonNode node = Json.mapper().readTree(line);
                    if (node == null || !node.isObject()) {
                        throw new IllegalArgumentException("not a JSON object");
                    }
                    stop = visitor.visit(lineNo, node);
                } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                    throw new IllegalArgumentException(file.getFileName() + " line " + lineNo + ": not " + what + " ("
                            + e.getMessage() + ")", e);
                }
                if (stop) {
                    return;
                }
            }
        }
    }
}
