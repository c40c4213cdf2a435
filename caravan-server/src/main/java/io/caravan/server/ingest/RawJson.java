package io.caravan.server.ingest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;

/** Stored JSON passed through to a response as it is. */
public record RawJson(@JsonValue @JsonRawValue String json) {
}
