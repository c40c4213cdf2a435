package io.caravan.server;

import io.caravan.domain.Event;
import io.caravan.json.EventWriter;
import io.caravan.reference.ReferenceData;
import io.caravan.world.WorldGenerator;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Generated demo worlds as NDJSON lines in time order, cached per size. */
public final class Worlds {

    private static final ConcurrentHashMap<Integer, List<String>> CACHE = new ConcurrentHashMap<>();

    private Worlds() {
    }

    public static List<String> lines(int orders) {
        return CACHE.computeIfAbsent(orders, n -> {
            List<Event> events = new WorldGenerator(ReferenceData.bundled()).generate(7, n).timeline();
            return events.stream().map(EventWriter::toJson).toList();
        });
    }

    public static String ndjson(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}
