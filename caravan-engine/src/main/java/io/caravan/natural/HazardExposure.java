package io.caravan.natural;

import io.caravan.domain.CountryCode;
import io.caravan.exposure.CountryBaseline;
import io.caravan.exposure.Touch;
import io.caravan.reference.Countries;
import io.caravan.reference.CountryIndicators;
import io.caravan.reference.Settings;
import io.caravan.risk.Estimate;
import io.caravan.risk.Percent;
import io.caravan.risk.RiskCategory;

import java.util.List;

/**
 * Natural disruption of a route. A country's annual probability is linear in its INFORM natural hazard
 * score (0 … 10): score/10 × {@code natural.annual.at-score-10}.
 */
public final class HazardExposure {

    public static final String OUTCOME = "natural_disruption";
    private static final String HORIZON = "shipment disrupted by a natural hazard while in transit";

    private final CountryBaseline baseline;

    public HazardExposure(Countries countries, CountryIndicators indicators, Settings s) {
        double atTen = s.probability("natural.annual.at-score-10");
        this.baseline = new CountryBaseline(RiskCategory.NATURAL, OUTCOME, HORIZON, "COUNTRY_HAZARD", "HAZARD_EVENT",
                c -> indicators.of(c).naturalHazard() / 10 * atTen,
                c -> countries.name(c) + " natural hazard " + Percent.format1(indicators.of(c).naturalHazard())
                        + "/10 (INFORM 2025)");
    }

    public Estimate assess(List<CountryCode> countries, double transitDays, List<Touch> touches) {
        return baseline.assess(countries, transitDays, touches);
    }
}
