package io.caravan.political;

import io.caravan.domain.CountryCode;
import io.caravan.exposure.CountryBaseline;
import io.caravan.exposure.Touch;
import io.caravan.reference.Countries;
import io.caravan.reference.CountryIndicators;
import io.caravan.reference.Jurisdictions;
import io.caravan.reference.Settings;
import io.caravan.risk.Estimate;
import io.caravan.risk.FailureModes;
import io.caravan.risk.Percent;
import io.caravan.risk.RiskCategory;

import java.util.List;

/**
 * Political disruption of a route. A country's annual probability is
 * cap / (1 + exp(slope·(stability − midpoint))), stability being its WGI "Political Stability and Absence
 * of Violence" estimate (−2.5 … 2.5): about 0.4 for the least stable, 5% at 0, under 1% above 1. An
 * embargoed origin or destination is a failure mode of its own.
 */
public final class PoliticalExposure {

    public static final String OUTCOME = "political_disruption";
    private static final String HORIZON = "shipment disrupted by a political event, embargo or instability while in transit";

    private final CountryBaseline baseline;
    private final Jurisdictions jurisdictions;
    private final double embargoP;

    public PoliticalExposure(Countries countries, CountryIndicators indicators, Jurisdictions jurisdictions, Settings s) {
        double cap = s.probability("political.annual.cap");
        double slope = s.number("political.annual.slope");
        double midpoint = s.number("political.annual.midpoint");
        this.jurisdictions = jurisdictions;
        this.embargoP = s.probability("jurisdiction.embargo.p");
        this.baseline = new CountryBaseline(RiskCategory.POLITICAL, OUTCOME, HORIZON, "COUNTRY_INSTABILITY", "POLITICAL_EVENT",
                c -> annual(indicators.of(c).politicalStability(), cap, slope, midpoint),
                c -> countries.name(c) + " political stability " + Percent.format1(indicators.of(c).politicalStability())
                        + " (WGI 2023)");
    }

    static double annual(double stability, double cap, double slope, double midpoint) {
        return Double.isNaN(stability) ? Double.NaN : cap / (1 + Math.exp(slope * (stability - midpoint)));
    }

    /** @param origin the ship-from country and {@code destination} the ship-to country, checked for embargoes */
    public Estimate assess(CountryCode origin, CountryCode destination, List<CountryCode> countries, double transitDays,
                           List<Touch> touches) {
        FailureModes modes = baseline.modes(countries, transitDays, touches);
        for (CountryCode c : origin.equals(destination) ? List.of(origin) : List.of(origin, destination)) {
            for (Jurisdictions.Listing l : jurisdictions.of(c)) {
                if (l.level() == Jurisdictions.Level.EMBARGO) {
                    modes.add("EMBARGOED_LANE", (c.equals(origin) ? "Origin " : "Destination ") + c + " is under the "
                            + l.list() + " (as of " + l.asOf() + "): trade needs a licence.", embargoP, List.of(l.list()));
                }
            }
        }
        return modes.combine();
    }
}
