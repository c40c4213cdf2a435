package io.caravan.logistics;

import io.caravan.domain.Leg;
import io.caravan.domain.Shipment;
import io.caravan.reference.Settings;
import io.caravan.risk.DelayDistribution;
import io.caravan.risk.Estimate;
import io.caravan.risk.Interval;
import io.caravan.risk.Percent;
import io.caravan.risk.Reason;
import io.caravan.risk.RiskCategory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The probability that a shipment arrives late, by composition along its route.
 *
 * <p>The route's delay D is the sum of its legs' delays, so its distribution is the convolution of the legs'
 * learned distributions; each shared shock then mixes in a shifted copy once: D' = (1 − q)·D + q·(D + d).
 * The shipment is late when D' exceeds the slack (whole days between the planned final arrival and the
 * promised date) plus the grace days: P(late) = P(D' > slack + grace).
 *
 * <p>Interval: the 90% Wilson interval of P(late) over the prior's weight plus the arrivals of the
 * least-observed lane, the lane that limits what is known about the route.
 *
 * <p>Attribution: P(late) is shared among legs and shocks in proportion to the delay each is expected to
 * add (a leg's mean delay; a shock's q·d). It is a readable ranking, not a causal decomposition.
 */
public final class RouteRisk {

    public static final String OUTCOME = "late_delivery";

    private final LaneBook lanes;
    private final int graceDays;
    private final String promisedHorizon;
    private final String plannedHorizon;

    public RouteRisk(LaneBook lanes, Settings settings) {
        this.lanes = lanes;
        this.graceDays = settings.whole("logistics.grace-days");
        this.promisedHorizon = "delivered more than " + graceDays + " days after the promised date";
        this.plannedHorizon = "final arrival more than " + graceDays + " days after the planned arrival";
    }

    /**
     * @param promisedBy the date promised to the buyer, or {@code null} to measure against the planned arrival
     * @param names      resolves participant ids to names for the reasons
     */
    public Estimate assess(Shipment shipment, Instant promisedBy, List<Shock> shocks, Function<String, String> names) {
        List<Leg> legs = shipment.legs();
        Composition c = compose(shipment, shocks);
        LaneBook.LaneView[] views = c.legs().toArray(new LaneBook.LaneView[0]);
        DelayDistribution route = c.route();
        double[] legMeans = new double[legs.size()];
        long evidence = 0;
        long leastArrivals = Long.MAX_VALUE;
        double allLegsOnTime = 1;
        for (int i = 0; i < legs.size(); i++) {
            DelayDistribution d = views[i].distribution();
            legMeans[i] = d.mean();
            allLegsOnTime *= d.probability(0);
            evidence += views[i].arrivals();
            leastArrivals = Math.min(leastArrivals, views[i].arrivals());
        }
        long slack = promisedBy == null ? 0
                : Math.floorDiv(Duration.between(shipment.plannedArrival(), promisedBy).toMinutes(), 1440);
        int threshold = (int) Math.max(-1, Math.min(DelayDistribution.MAX_DAYS, slack + graceDays));
        double pLate = route.probabilityOver(threshold);

        double totalExpected = 0;
        for (double m : legMeans) {
            totalExpected += m;
        }
        for (Shock s : shocks) {
            totalExpected += s.probability() * s.delayDays();
        }
        List<Reason> reasons = new ArrayList<>(legs.size() + shocks.size() + 1);
        for (int i = 0; i < legs.size(); i++) {
            Leg leg = legs.get(i);
            long n = views[i].arrivals();
            DelayDistribution d = views[i].distribution();
            // the carrier's name is looked up now: the sentence may be written on another thread, while the names change
            String carrier = names.apply(leg.carrierId());
            reasons.add(Reason.drafted(n == 0 ? "LEG_MODE_PRIOR" : "LEG_DELAY_HISTORY", () -> legText(leg, n, d, carrier),
                    totalExpected == 0 ? 0 : pLate * legMeans[i] / totalExpected, List.of(views[i].key())));
        }
        for (Shock s : shocks) {
            reasons.add(Reason.drafted("DISRUPTION_SHOCK", () -> s.description() + ": " + Percent.of(s.probability())
                    + " chance of about " + s.delayDays() + " days' delay, counted once for the route.",
                    totalExpected == 0 ? 0 : pLate * s.probability() * s.delayDays() / totalExpected, List.of(s.eventId())));
        }
        if (promisedBy != null) {
            long slackDays = slack;
            reasons.add(Reason.drafted("DELIVERY_SLACK", () -> slackDays >= 0
                    ? "The promise leaves " + slackDays + " days after the planned arrival, plus " + graceDays + " days' grace."
                    : "The promised date is " + (-slackDays) + " days before the planned arrival: late unless legs run early.",
                    0, List.of()));
        }
        reasons.sort((a, b) -> a.contribution() != b.contribution()
                ? Double.compare(b.contribution(), a.contribution()) : a.code().compareTo(b.code()));
        TreeMap<String, Double> measures = new TreeMap<>();
        measures.put("expected_delay_days", route.mean());
        measures.put("delay_p50_days", (double) route.quantile(0.5));
        measures.put("delay_p90_days", (double) route.quantile(0.9));
        measures.put("delay_p99_days", (double) route.quantile(0.99));
        measures.put("all_legs_on_time_probability", allLegsOnTime);
        measures.put("slack_days", (double) slack);
        return new Estimate(RiskCategory.LOGISTICS, OUTCOME, promisedBy == null ? plannedHorizon : promisedHorizon,
                pLate, Interval.wilson90(pLate, lanes.priorStrength() + leastArrivals), evidence, reasons, measures);
    }

    /**
     * A route laid out: each leg's lane as learned (its delay distribution and the arrivals behind it), the
     * shocks of the events touching the route, and the route's delay — the legs convolved, each shock mixed in once.
     */
    public record Composition(Shipment shipment, List<LaneBook.LaneView> legs, List<Shock> shocks, DelayDistribution route) {
    }

    public Composition compose(Shipment shipment, List<Shock> shocks) {
        List<Leg> legs = shipment.legs();
        List<LaneBook.LaneView> views = new ArrayList<>(legs.size());
        DelayDistribution route = DelayDistribution.onTime();
        for (int i = 0; i < legs.size(); i++) {
            LaneBook.LaneView v = lanes.lane(legs.get(i));
            views.add(v);
            route = i == 0 ? v.distribution() : route.convolve(v.distribution());
        }
        for (Shock s : shocks) {
            route = route.withShock(s.probability(), s.delayDays());
        }
        return new Composition(shipment, List.copyOf(views), List.copyOf(shocks), route);
    }

    private static String legText(Leg leg, long n, DelayDistribution d, String carrier) {
        String mode = leg.mode().name().toLowerCase(Locale.ROOT);
        String lane = "Leg " + leg.sequence() + " " + leg.from() + "→" + leg.to() + " by " + carrier + " (" + mode + ")";
        return n == 0
                ? lane + ": no arrivals on this lane yet; the " + mode + " prior gives "
                + Percent.of(d.probability(0)) + " on time, mean delay " + days(d.mean()) + "."
                : lane + ": on time " + Percent.of(d.probability(0)) + " from " + n + " arrivals on this lane, mean delay "
                + days(d.mean()) + ", 90% within " + d.quantile(0.9) + " days.";
    }

    private static String days(double d) {
        return Percent.format1(d) + " days";
    }
}
