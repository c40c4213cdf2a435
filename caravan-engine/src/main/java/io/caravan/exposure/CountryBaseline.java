package io.caravan.exposure;

import io.caravan.domain.CountryCode;
import io.caravan.exposure.Touch;
import io.caravan.risk.Estimate;
import io.caravan.risk.FailureModes;
import io.caravan.risk.Percent;
import io.caravan.risk.RiskCategory;

import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Composes a route's exposure in one category: a baseline for each country the route passes (an annual
 * disruption probability spread over the days spent there, 1 − (1 − p_year)^(days/365)) and each active
 * event that touches the route, once. All are failure modes of the same outcome.
 */
public final class CountryBaseline {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final RiskCategory category;
    private final String outcome;
    private final String horizon;
    private final String baselineCode;
    private final String eventCode;
    private final ToDoubleFunction<CountryCode> annual;
    private final java.util.function.Function<CountryCode, String> describe;

    /**
     * @param annual   the annual disruption probability of a country (NaN when unknown: no baseline then)
     * @param describe the indicator behind it, in words, for the reason
     */
    public CountryBaseline(RiskCategory category, String outcome, String horizon, String baselineCode, String eventCode,
                           ToDoubleFunction<CountryCode> annual, java.util.function.Function<CountryCode, String> describe) {
        this.category = category;
        this.outcome = outcome;
        this.horizon = horizon;
        this.baselineCode = baselineCode;
        this.eventCode = eventCode;
        this.annual = annual;
        this.describe = describe;
    }

    /** A builder of failure modes for a route through {@code countries} over {@code transitDays}, with events. */
    public FailureModes modes(List<CountryCode> countries, double transitDays, List<Touch> touches) {
        FailureModes modes = new FailureModes(category, outcome, horizon);
        double days = Math.max(1, transitDays) / Math.max(1, countries.size());
        for (CountryCode c : countries) {
            Baseline b = baselines.computeIfAbsent(c, this::baseline);
            if (Double.isNaN(b.annual)) {
                continue;
            }
            double p = 1 - Math.pow(1 - b.annual, days / 365.0);
            modes.add(baselineCode, () -> b.prefix + Percent.of(p) + " over about " + Math.round(days) + " days there.", p,
                    b.evidence);
        }
        for (Touch t : touches) {
            modes.add(eventCode, () -> t.event().name() + " (" + t.event().id() + ", severity " + Percent.of(t.event().severity())
                    + ") touches leg" + (t.legs().size() > 1 ? "s " : " ") + join(t.legs()) + ", " + t.how() + " on "
                    + DAY.format(t.where().when()) + ".", t.probability(), List.of(t.event().id()));
        }
        modes.evidence(countries.size() + touches.size());
        return modes;
    }

    /** A country's annual probability and the words for it, computed once per country. */
    private record Baseline(double annual, String prefix, List<String> evidence) {
    }

    private final java.util.concurrent.ConcurrentHashMap<CountryCode, Baseline> baselines = new java.util.concurrent.ConcurrentHashMap<>();

    private Baseline baseline(CountryCode c) {
        double pYear = annual.applyAsDouble(c);
        return new Baseline(pYear, Double.isNaN(pYear) ? "" : describe.apply(c) + ": " + Percent.of(pYear) + " a year, ",
                List.of(c.value()));
    }

    public Estimate assess(List<CountryCode> countries, double transitDays, List<Touch> touches) {
        return modes(countries, transitDays, touches).combine();
    }

    private static String join(List<Integer> legs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < legs.size(); i++) {
            if (i > 0) {
                sb.append(i == legs.size() - 1 ? " and " : ", ");
            }
            sb.append(legs.get(i));
        }
        return sb.toString();
    }
}
