package io.caravan.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What listings of a category and participants of a kind must disclose ({@code disclosure-rules.csv}). */
public final class DisclosureRules {

    /** One requirement; {@code key} is a listing category or a participant kind. */
    public record Requirement(String subject, String key, String requirement, String description) {
    }

    private final String version;
    private final Map<String, List<Requirement>> listing = new HashMap<>();
    private final Map<String, List<Requirement>> participant = new HashMap<>();

    DisclosureRules(CsvTable table) {
        this.version = table.version();
        for (CsvTable.Row r : table.rows()) {
            String subject = r.require("subject");
            Requirement q = new Requirement(subject, r.require("key"), r.require("requirement"), r.require("description"));
            switch (subject) {
                case "LISTING" -> listing.computeIfAbsent(q.key(), k -> new ArrayList<>()).add(q);
                case "PARTICIPANT" -> {
                    if (!q.requirement().equals("registration") && !q.requirement().equals("beneficial_owner")) {
                        throw r.error("requirement", "a participant requirement is 'registration' or 'beneficial_owner', not '"
                                + q.requirement() + "'");
                    }
                    participant.computeIfAbsent(q.key(), k -> new ArrayList<>()).add(q);
                }
                default -> throw r.error("subject", "'" + subject + "' is neither LISTING nor PARTICIPANT");
            }
        }
    }

    public String version() {
        return version;
    }

    public List<Requirement> forListingCategory(String category) {
        return listing.getOrDefault(category, List.of());
    }

    public List<Requirement> forParticipantKind(String kind) {
        return participant.getOrDefault(kind, List.of());
    }
}
