package io.caravan.server.ingest;

/**
 * What became of one submitted record: ACCEPTED (stored as {@code seq}, with the assessment it produced,
 * if any), DUPLICATE (the same record was stored before as {@code seq}; nothing changed) or CONFLICT (a
 * different record with the same identity is stored; this one was refused).
 */
public record RecordOutcome(long line, Status status, long seq, RecordStore.Produced assessment, String message) {

    public enum Status {
        ACCEPTED, DUPLICATE, CONFLICT
    }

    /** The assessment's JSON, or null when the record produced none or was not submitted for an answer that shows it. */
    public byte[] assessmentJson() {
        return assessment == null ? null : assessment.json();
    }

    /** Whether the record produced an assessment. */
    public boolean assessed() {
        return assessment != null;
    }
}
