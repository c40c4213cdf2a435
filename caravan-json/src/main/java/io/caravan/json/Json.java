package io.caravan.json;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper configuration of Caravan. */
public final class Json {

    /** Root values are separated by a newline, so a generator writes JSON Lines. */
    private static final ObjectMapper MAPPER = JsonMapper.builder(
            tools.jackson.core.json.JsonFactory.builder().rootValueSeparator("\n").build()).build();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
