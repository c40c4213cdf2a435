package io.caravan.json;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper configuration of Caravan. */
public final class Json {

    /**
     * Root values are separated by a newline, so a generator writes JSON Lines. Doubles are written with
     * Schubfach, the shortest decimal that reads back to the same double, several times faster than the JDK's.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
            .rootValueSeparator("\n").enable(tools.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build()).build();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
