package io.caravan.json;

import io.caravan.risk.Assessment;
import io.caravan.risk.Versions;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Writing and reading an assessments file and its {@code versions.json}. Writing goes to a temporary file
 * that replaces the target only when complete, so an interrupted run never leaves a partial file that
 * looks finished.
 */
public final class AssessmentFiles {

    private AssessmentFiles() {
    }

    /** An open assessments file; {@link #commit} publishes it, {@link #abort} removes it. */
    public static final class Sink implements AutoCloseable {
        private final Path target;
        private final Path temp;
        private final Writer writer;
        private final JsonGenerator g;
        private final Map<String, Versions> versions = new TreeMap<>();
        private final Map<Versions, String> ids = new LinkedHashMap<>();
        private long count;
        private boolean done;

        Sink(Path target) throws IOException {
            this.target = target.toAbsolutePath();
            Path dir = this.target.getParent();
            Files.createDirectories(dir);
            this.temp = dir.resolve("." + target.getFileName() + ".partial");
            this.writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
            this.g = Json.mapper().createGenerator(writer);
        }

        public void write(Assessment a) {
            String id = ids.computeIfAbsent(a.versions(), AssessmentCodec::versionsId);
            versions.putIfAbsent(id, a.versions());
            AssessmentCodec.write(g, a, id);
            count++;
        }

        public long count() {
            return count;
        }

        /** Finishes the file and moves it into place, with versions.json beside it. */
        public void commit() throws IOException {
            g.flush();
            if (count > 0) {
                writer.write('\n');
            }
            g.close();
            writer.close();
            Path versionsFile = versionsFile(target);
            Path vTemp = target.getParent().resolve(".versions.json.partial");
            try (Writer w = Files.newBufferedWriter(vTemp, StandardCharsets.UTF_8);
                 JsonGenerator vg = Json.mapper().writerWithDefaultPrettyPrinter().createGenerator(w)) {
                vg.writeStartObject();
                for (Map.Entry<String, Versions> e : versions.entrySet()) {
                    vg.writeObjectPropertyStart(e.getKey());
                    for (Map.Entry<String, String> c : e.getValue().components().entrySet()) {
                        vg.writeStringProperty(c.getKey(), c.getValue());
                    }
                    vg.writeEndObject();
                }
                vg.writeEndObject();
            }
            Files.move(vTemp, versionsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
        }

        /** Removes the unfinished file; the target, if it existed, is left as it was. */
        public void abort() {
            try {
                g.close();
                writer.close();
            } catch (IOException | JacksonException ignored) {
                // Closing a file we are about to delete: nothing to save.
            }
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Best effort: a leftover ".partial" file is clearly marked as unfinished.
            }
            done = true;
        }

        @Override
        public void close() {
            if (!done) {
                abort();
            }
        }
    }

    public static Sink create(Path target) throws IOException {
        return new Sink(target);
    }

    public static Path versionsFile(Path assessments) {
        return assessments.toAbsolutePath().getParent().resolve("versions.json");
    }

    /** The version maps of {@code versions.json} beside an assessments file (empty if it is missing). */
    public static Map<String, Versions> readVersions(Path assessments) throws IOException {
        Path f = versionsFile(assessments);
        Map<String, Versions> out = new TreeMap<>();
        if (!Files.exists(f)) {
            return out;
        }
        JsonNode root = Json.mapper().readTree(f.toFile());
        for (String id : root.propertyNames()) {
            Map<String, String> m = new TreeMap<>();
            JsonNode v = root.get(id);
            for (String k : v.propertyNames()) {
                m.put(k, v.get(k).stringValue());
            }
            out.put(id, Versions.of(m));
        }
        return out;
    }

    private static final String WHAT = "an assessment written by 'caravan assess'";

    /** Streams the assessments of a file; a malformed line is an error naming the file and line. */
    public static void forEach(Path file, Consumer<Assessment> each) throws IOException {
        Map<String, Versions> versions = readVersions(file);
        JsonLines.scan(file, WHAT, line -> true, (lineNo, node) -> {
            each.accept(parse(node, versions));
            return false;
        });
    }

    /** Finds one assessment by id, parsing only the lines that mention it. */
    public static Optional<Assessment> find(Path file, String id) throws IOException {
        Map<String, Versions> versions = readVersions(file);
        String needle = "\"id\":\"" + id + "\"";
        Assessment[] found = new Assessment[1];
        JsonLines.scan(file, WHAT, line -> line.contains(needle), (lineNo, node) -> {
            found[0] = parse(node, versions);
            return true;
        });
        return Optional.ofNullable(found[0]);
    }

    private static Assessment parse(JsonNode n, Map<String, Versions> versions) {
        if (n.get("schema") == null || !Schemas.ASSESSMENT.equals(n.get("schema").stringValue())) {
            throw new IllegalArgumentException("not a " + Schemas.ASSESSMENT + " record");
        }
        return AssessmentCodec.read(n, versions);
    }
}
