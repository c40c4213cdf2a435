package io.caravan.cli;

import io.caravan.risk.Assessment;
import io.caravan.risk.Estimate;
import io.caravan.risk.Percent;
import io.caravan.risk.Reason;

import java.util.Locale;
import java.util.Map;

/** One assessment in words, for an analyst to read or paste into a case. */
final class Explanation {

    private Explanation() {
    }

    static String render(Assessment a) {
        StringBuilder sb = new StringBuilder();
        sb.append(a.id()).append(": ").append(a.decision().action());
        if (a.exposureUsd() > 0) {
            sb.append(" — expected loss USD ").append(Percent.money(a.expectedLossUsd())).append(" of USD ")
                    .append(Percent.money(a.exposureUsd())).append(" at stake");
        }
        sb.append("\nAssessed as of ").append(a.asOf()).append('\n');
        if (a.decision().drivers().isEmpty()) {
            sb.append("No threshold was crossed.\n");
        } else {
            sb.append("Because:\n");
            for (String d : a.decision().drivers()) {
                sb.append("  • ").append(d).append('\n');
            }
        }
        for (Estimate e : a.estimates()) {
            sb.append('\n').append(e.category().title()).append(": ").append(Percent.of(e.probability()))
                    .append(" chance of ").append(e.outcome().replace('_', ' '))
                    .append(" (90% interval ").append(Percent.of(e.interval().low())).append("–")
                    .append(Percent.of(e.interval().high())).append(", ").append(e.evidence()).append(" observations)\n")
                    .append("  outcome: ").append(e.horizon()).append('\n');
            int i = 1;
            for (Reason r : e.reasons()) {
                sb.append(String.format(Locale.ROOT, "  %d. %-7s %s%n", i++, Percent.of(r.contribution()), r.text()));
                sb.append("     ").append(r.code());
                if (!r.evidence().isEmpty()) {
                    sb.append(" — evidence: ").append(String.join(", ", r.evidence()));
                }
                sb.append('\n');
            }
            if (!e.measures().isEmpty()) {
                sb.append("  figures:");
                for (Map.Entry<String, Double> m : e.measures().entrySet()) {
                    sb.append(' ').append(m.getKey()).append('=').append(Percent.format1(m.getValue()));
                }
                sb.append('\n');
            }
        }
        sb.append("\nVersions used:\n");
        for (Map.Entry<String, String> v : a.versions().components().entrySet()) {
            sb.append("  ").append(v.getKey()).append(": ").append(v.getValue()).append('\n');
        }
        return sb.toString();
    }
}
