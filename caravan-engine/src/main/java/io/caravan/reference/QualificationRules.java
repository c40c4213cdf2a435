package io.caravan.reference;

import io.caravan.domain.ParticipantKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The qualifications each kind of participant must hold ({@code qualification-rules.csv}). */
public final class QualificationRules {

    /** A required qualification and how many days before its expiry to warn. */
    public record Requirement(ParticipantKind kind, String type, int warnDays, String description) {
    }

    private final String version;
    private final Map<ParticipantKind, List<Requirement>> byKind = new EnumMap<>(ParticipantKind.class);

    QualificationRules(CsvTable table) {
        this.version = table.version();
        for (CsvTable.Row r : table.rows()) {
            ParticipantKind kind;
            try {
                kind = ParticipantKind.valueOf(r.require("kind"));
            } catch (IllegalArgumentException e) {
                throw r.error("kind", "'" + r.get("kind") + "' is not a participant kind");
            }
            int warn = (int) r.requireDouble("warn_days");
            byKind.computeIfAbsent(kind, k -> new ArrayList<>())
                    .add(new Requirement(kind, r.require("qualification"), warn, r.require("description")));
        }
    }

    public String version() {
        return version;
    }

    public List<Requirement> forKind(ParticipantKind kind) {
        return byKind.getOrDefault(kind, List.of());
    }
}
