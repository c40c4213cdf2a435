package io.caravan.server.alerts;

import io.caravan.risk.Action;
import io.caravan.risk.Assessment;
import io.caravan.risk.Estimate;
import io.caravan.risk.Reason;
import io.caravan.risk.RiskCategory;
import io.caravan.risk.SubjectType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns an assessment into the alerts it warrants:
 * <ul>
 *   <li>{@code sanctions_hit} (CRITICAL) — a party matches a sanctions list entry;</li>
 *   <li>{@code qualification_expired} (HIGH) / {@code qualification_expiring} (MEDIUM) — a participant's licence
 *       or certificate has lapsed, is missing, or lapses within the warning window;</li>
 *   <li>{@code shipment_late} — a shipment predicted late with a probability that crosses its review threshold;</li>
 *   <li>{@code disruption} — a hazard or political event touches the route of an in-flight shipment or order;</li>
 *   <li>{@code risk_threshold} — any other assessment whose decision is not APPROVE (REVIEW → MEDIUM,
 *       HOLD → HIGH, BLOCK → CRITICAL).</li>
 * </ul>
 */
public final class AlertRules {

    /** Every kind of alert these rules raise (docs/api.md). */
    public static final List<String> KINDS = List.of("sanctions_hit", "qualification_expired", "qualification_expiring",
            "shipment_late", "disruption", "risk_threshold");

    private AlertRules() {
    }

    public static List<AlertDraft> of(Assessment a) {
        List<AlertDraft> out = new ArrayList<>(2);
        String type = a.subject().prefix();
        Action action = a.decision().action();
        boolean specific = false;
        for (Estimate e : a.estimates()) {
            for (Reason r : e.reasons()) {
                if (r.contribution() <= 0) {
                    continue;
                }
                if (r.code().startsWith("SANCTIONS_") && e.probability() >= 0.5) {
                    out.add(new AlertDraft("sanctions_hit", Severity.CRITICAL, type, a.subjectId(),
                            "Possible sanctions match for " + type + " " + a.subjectId(), r.text(), a.id(), a.asOf()));
                    specific = true;
                } else if (a.subject() == SubjectType.PARTICIPANT && (r.code().equals("QUALIFICATION_EXPIRED")
                        || r.code().equals("QUALIFICATION_MISSING"))) {
                    out.add(new AlertDraft("qualification_expired", Severity.HIGH, type, a.subjectId(),
                            "Qualification lapsed or missing for " + a.subjectId(), r.text(), a.id(), a.asOf()));
                    specific = true;
                } else if (a.subject() == SubjectType.PARTICIPANT && r.code().equals("QUALIFICATION_EXPIRING")) {
                    out.add(new AlertDraft("qualification_expiring", Severity.MEDIUM, type, a.subjectId(),
                            "Qualification expiring soon for " + a.subjectId(), r.text(), a.id(), a.asOf()));
                    specific = true;
                } else if ((r.code().equals("HAZARD_EVENT") || r.code().equals("POLITICAL_EVENT")
                        || r.code().equals("DISRUPTION_SHOCK")) && r.contribution() >= 0.02
                        && (a.subject() == SubjectType.SHIPMENT || a.subject() == SubjectType.ORDER)) {
                    out.add(new AlertDraft("disruption", action.compareTo(Action.HOLD) >= 0 ? Severity.HIGH : Severity.MEDIUM,
                            type, a.subjectId(), "A disruption touches the route of " + type + " " + a.subjectId(), r.text(),
                            a.id(), a.asOf()));
                    specific = true;
                }
            }
            if (a.subject() == SubjectType.SHIPMENT && e.category() == RiskCategory.LOGISTICS && action != Action.APPROVE) {
                out.add(new AlertDraft("shipment_late", severity(action), type, a.subjectId(),
                        String.format(Locale.ROOT, "Shipment %s predicted late (%.0f%%)", a.subjectId(), 100 * e.probability()),
                        e.reasons().isEmpty() ? e.outcome() : e.reasons().get(0).text(), a.id(), a.asOf()));
                specific = true;
            }
        }
        if (!specific && action != Action.APPROVE) {
            String drivers = String.join("; ", a.decision().drivers());
            out.add(new AlertDraft("risk_threshold", severity(action), type, a.subjectId(),
                    action + " " + type + " " + a.subjectId(), drivers.isEmpty() ? action.name() : drivers, a.id(), a.asOf()));
        }
        return dedupe(out);
    }

    private static Severity severity(Action action) {
        return switch (action) {
            case APPROVE -> Severity.LOW;
            case REVIEW -> Severity.MEDIUM;
            case HOLD -> Severity.HIGH;
            case BLOCK -> Severity.CRITICAL;
        };
    }

    /** One draft per key, the most severe. */
    private static List<AlertDraft> dedupe(List<AlertDraft> drafts) {
        if (drafts.size() < 2) {
            return drafts;
        }
        java.util.LinkedHashMap<String, AlertDraft> byKey = new java.util.LinkedHashMap<>();
        for (AlertDraft d : drafts) {
            byKey.merge(d.dedupKey(), d, (x, y) -> y.severity().compareTo(x.severity()) > 0 ? y : x);
        }
        return new ArrayList<>(byKey.values());
    }
}
