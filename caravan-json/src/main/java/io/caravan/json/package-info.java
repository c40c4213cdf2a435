/**
 * The JSON Lines edge of Caravan: one versioned schema per record type (docs/data-formats.md), read with an
 * error for every bad line that names the file, line and field, and written deterministically, so that the
 * same assessments give the same bytes. The engine's types carry no mapping annotations; all mapping is here,
 * including the binary form the server stores assessments in ({@link io.caravan.json.BinaryAssessment}), which reads
 * back as the same JSON.
 */
package io.caravan.json;
