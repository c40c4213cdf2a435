package io.caravan.credit;

import io.caravan.domain.Participant;
import io.caravan.domain.Qualification;
import io.caravan.reference.QualificationRules;
import io.caravan.reference.Settings;
import io.caravan.risk.Estimate;
import io.caravan.risk.FailureModes;
import io.caravan.risk.RiskCategory;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Examines a participant's qualifications against what its kind requires, on a given day: a required
 * qualification that is missing, expired (or not yet valid), or expiring within its warning period is a
 * failure mode; the modes compose into the probability that the participant operates without a valid
 * qualification.
 */
public final class QualificationExamination {

    public static final String OUTCOME = "qualification_lapse";
    private static final String HORIZON = "operating without a required, valid qualification on the assessment date"
            + " or within the warning period";

    private final QualificationRules rules;
    private final double missingP;
    private final double expiredP;
    private final double expiringP;

    public QualificationExamination(QualificationRules rules, Settings settings) {
        this.rules = rules;
        this.missingP = settings.probability("qualification.missing.p");
        this.expiredP = settings.probability("qualification.expired.p");
        this.expiringP = settings.probability("qualification.expiring.p");
    }

    public Estimate examine(Participant participant, LocalDate day) {
        FailureModes modes = new FailureModes(RiskCategory.CREDIT, OUTCOME, HORIZON);
        List<QualificationRules.Requirement> required = rules.forKind(participant.kind());
        int valid = 0;
        for (QualificationRules.Requirement req : required) {
            Qualification best = null;
            for (Qualification q : participant.qualifications()) {
                if (q.type().equals(req.type()) && (best == null || q.validUntil().isAfter(best.validUntil()))) {
                    best = q;
                }
            }
            modes.evidence(1);
            if (best == null) {
                modes.add("QUALIFICATION_MISSING", participant.legalName() + " holds no " + req.type() + " ("
                        + req.description() + "), which a " + kindName(participant) + " must hold.",
                        missingP, List.of("required: " + req.type()));
            } else if (day.isAfter(best.validUntil())) {
                modes.add("QUALIFICATION_EXPIRED", req.type() + " " + best.number() + " issued by " + best.issuer()
                        + " expired on " + best.validUntil() + ", " + ChronoUnit.DAYS.between(best.validUntil(), day)
                        + " days before " + day + ".", expiredP, List.of(req.type() + " " + best.number()));
            } else if (day.isBefore(best.validFrom())) {
                modes.add("QUALIFICATION_NOT_YET_VALID", req.type() + " " + best.number() + " is valid only from "
                        + best.validFrom() + ".", expiredP, List.of(req.type() + " " + best.number()));
            } else if (ChronoUnit.DAYS.between(day, best.validUntil()) <= req.warnDays()) {
                modes.add("QUALIFICATION_EXPIRING", req.type() + " " + best.number() + " expires on "
                        + best.validUntil() + ", in " + ChronoUnit.DAYS.between(day, best.validUntil())
                        + " days; ask for the renewal now.", expiringP, List.of(req.type() + " " + best.number()));
            } else {
                valid++;
            }
        }
        if (modes.isEmpty()) {
            modes.add("QUALIFICATIONS_VALID", required.isEmpty()
                    ? "No qualification is required of a " + kindName(participant) + "."
                    : "All " + valid + " required qualification(s) are valid on " + day + ".", 0, List.of());
        }
        return modes.combine();
    }

    private static String kindName(Participant p) {
        return p.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
