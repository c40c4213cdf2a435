package io.caravan.world;

import io.caravan.domain.Event;
import io.caravan.domain.RecordType;
import io.caravan.json.EventWriter;
import io.caravan.json.Json;
import io.caravan.json.JsonLines;
import io.caravan.json.Schemas;
import io.caravan.risk.RiskCategory;
import tools.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes a world as JSON Lines files plus {@code labels.jsonl} and {@code world.json}; reads labels back. */
public final class WorldFiles {

    public static final String LABELS = "labels.jsonl";
    public static final String SUMMARY = "world.json";

    private WorldFiles() {
    }

    /** Writes every file of the world into {@code dir}; returns the number of records per file. */
    public static Map<String, Long> write(WorldGenerator.World world, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Long> counts = new TreeMap<>();
        for (Map.Entry<RecordType, List<? extends Event>> e : world.byType().entrySet()) {
            String name = Schemas.fileName(e.getKey());
            try (EventWriter w = new EventWriter(Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8))) {
                for (Event ev : e.getValue()) {
                    w.write(ev);
                }
            }
            counts.put(name, (long) e.getValue().size());
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve(LABELS), StandardCharsets.UTF_8);
             JsonGenerator g = Json.mapper().createGenerator(out)) {
            for (Label l : world.labels()) {
                g.writeStartObject();
                g.writeStringProperty("schema", Schemas.LABEL);
                g.writeStringProperty("subject", l.subject());
                g.writeStringProperty("category", l.category().name());
                g.writeStringProperty("truth", l.truth());
                g.writeStringProperty("note", l.note());
                g.writeEndObject();
            }
            g.flush();
            out.write('\n');
        }
        counts.put(LABELS, (long) world.labels().size());
        try (Writer out = Files.newBufferedWriter(dir.resolve(SUMMARY), StandardCharsets.UTF_8);
             JsonGenerator g = Json.mapper().writerWithDefaultPrettyPrinter().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("generator", "caravan-world-1");
            g.writeNumberProperty("seed", world.seed());
            g.writeNumberProperty("orders", world.orders());
            g.writeStringProperty("start", WorldGenerator.START.toString());
            g.writeStringProperty("end", WorldGenerator.END.toString());
            g.writeObjectPropertyStart("records");
            for (Map.Entry<String, Long> c : counts.entrySet()) {
                g.writeNumberProperty(c.getKey(), c.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return counts;
    }

    /** Reads a labels file; a bad line is an error naming the file and line. */
    public static List<Label> readLabels(Path file) throws IOException {
        List<Label> out = new ArrayList<>();
        JsonLines.scan(file, "a label (subject, category, truth)", line -> true, (lineNo, j) -> {
            out.add(new Label(j.get("subject").stringValue(), RiskCategory.valueOf(j.get("category").stringValue()),
                    j.get("truth").stringValue(), j.has("note") ? j.get("note").stringValue() : ""));
            return false;
        });
        return out;
    }
}
