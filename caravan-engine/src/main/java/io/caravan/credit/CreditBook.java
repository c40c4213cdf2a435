package io.caravan.credit;

import io.caravan.domain.OutcomeKind;
import io.caravan.reference.Settings;
import io.caravan.risk.BetaRate;
import io.caravan.risk.Estimate;
import io.caravan.risk.Interval;
import io.caravan.risk.Percent;
import io.caravan.risk.Reason;
import io.caravan.risk.RiskCategory;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Credit risk of participants: the probability of a bad outcome (dispute, chargeback, non-delivery, failed
 * inspection) on a participant's next order.
 *
 * <p>Model: Beta-Binomial. The segment prior has mean μ (the configured default, replaced by the segment's
 * own pooled rate once the segment has {@code credit.segment.min-orders} matured orders) and strength m.
 * Trials n are the exposure earned so far: matured orders count 1, younger ones the share of the maturity
 * period they have lived (see {@link CreditHistory#exposureAsOf}), and a bad order always counts.
 * With k bad orders in n trials the estimate is (k + mμ)/(n + m) — exactly
 * w·μ + (1 − w)·k/n with w = m/(n + m) — so the two reasons "segment prior" and "own history" carry
 * contributions w·μ and (1 − w)·k/n that add up to the estimate. The interval is the posterior's 90% interval.
 *
 * <p>A bad order counts once however many bad outcomes it has (a dispute that becomes a chargeback).
 */
public final class CreditBook implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String OUTCOME = "bad_outcome_next_order";

    private final Map<String, CreditHistory> participants = new HashMap<>();
    private final Map<String, CreditHistory> segments = new HashMap<>();
    private final Map<String, String> segmentOf = new HashMap<>();
    private final Map<String, Double> segmentDefault = new HashMap<>();
    private final Set<String> badOrders = new HashSet<>();
    /** Placement times of orders younger than the maturity age, oldest first. */
    private final java.util.LinkedHashMap<String, Long> recent = new java.util.LinkedHashMap<>();
    private final double priorMean;
    /** The default prior mean of each participant kind that overrides {@code credit.prior.mean}. */
    private final Map<String, Double> kindMeans = new HashMap<>();
    private final double priorStrength;
    private final long maturitySeconds;
    private final long segmentMinOrders;
    private final String horizon;

    public CreditBook(Settings settings) {
        this.priorMean = settings.probability("credit.prior.mean");
        for (io.caravan.domain.ParticipantKind kind : io.caravan.domain.ParticipantKind.values()) {
            String key = "credit.prior.mean." + kind.name();
            if (settings.has(key)) {
                kindMeans.put(kind.name(), settings.probability(key));
            }
        }
        this.priorStrength = settings.number("credit.prior.strength");
        this.maturitySeconds = (long) (settings.number("credit.maturity-days") * 86_400);
        this.segmentMinOrders = settings.whole("credit.segment.min-orders");
        this.horizon = settings.text("credit.horizon");
    }

    /**
     * Names the segment a participant belongs to (e.g. {@code MERCHANT/Asia}); {@code kind} picks the
     * segment's default prior mean ({@code credit.prior.mean.KIND}, else {@code credit.prior.mean}).
     */
    public void enrol(String participantId, String segment, String kind) {
        segmentOf.put(participantId, segment);
        segmentDefault.computeIfAbsent(segment, k -> kindMeans.getOrDefault(kind, priorMean));
    }

    /** A participant took part in an order placed at {@code at}: one more trial once it matures. */
    public void orderPlaced(String participantId, Instant at) {
        long t = at.getEpochSecond();
        CreditHistory h = participants.computeIfAbsent(participantId, k -> new CreditHistory());
        long before = h.matured();
        h.addOrder(t, maturitySeconds);
        long moved = h.matured() - before;
        if (moved > 0) {
            segment(participantId).addMatured(moved);
        }
    }

    /** Remembers when an order was placed, while it is younger than the maturity age. */
    public void orderBooked(String orderId, Instant at) {
        long t = at.getEpochSecond();
        recent.put(orderId, t);
        var it = recent.values().iterator();
        while (it.hasNext() && it.next() < t - maturitySeconds) {
            it.remove();
        }
    }

    /**
     * A bad outcome of an order, reported at {@code at} and charged to a participant; a second bad outcome of
     * the same order is not counted again.
     */
    public void badOutcome(String participantId, String orderId, OutcomeKind kind, Instant at) {
        if (!badOrders.add(participantId + '\u0000' + orderId)) {
            return;
        }
        Long placed = recent.get(orderId);
        boolean pending = placed != null && placed > at.getEpochSecond() - maturitySeconds;
        long early = participants.computeIfAbsent(participantId, k -> new CreditHistory()).addBad(kind, pending);
        CreditHistory segment = segment(participantId);
        segment.addBad(kind, false);
        segment.addMatured(early);
    }

    private CreditHistory segment(String participantId) {
        return segments.computeIfAbsent(segmentOf.getOrDefault(participantId, "unknown"), k -> new CreditHistory());
    }

    /** The segment prior for a participant. */
    BetaRate prior(String participantId) {
        String segment = segmentOf.getOrDefault(participantId, "unknown");
        CreditHistory s = segments.get(segment);
        double base = segmentDefault.getOrDefault(segment, priorMean);
        double mean = base;
        if (s != null && s.matured() >= segmentMinOrders) {
            // The segment's pooled rate, itself lightly shrunk toward the default so that it is never 0.
            mean = (s.bad() + priorStrength * base) / (s.matured() + priorStrength);
        }
        return BetaRate.prior(mean, priorStrength);
    }

    /** A participant's shrunk rate: the figures behind {@link #assess}, without the words. */
    public record Rate(double probability, Interval interval, long bad, double trials, double priorMean, String segment) {
    }

    /** The shrunk bad-outcome rate of a participant as of {@code asOf}. */
    public Rate rate(String participantId, Instant asOf) {
        String segment = segmentOf.getOrDefault(participantId, "unknown");
        BetaRate prior = prior(participantId);
        CreditHistory h = participants.get(participantId);
        long k = h == null ? 0 : h.bad();
        double exposure = h == null ? 0 : h.exposureAsOf(asOf.getEpochSecond(), maturitySeconds);
        // Every bad order is a trial, whatever its age.
        double trials = Math.max(exposure, k);
        BetaRate posterior = prior.observe(k, trials);
        return new Rate(posterior.mean(), posterior.interval90(), k, trials, prior.mean(), segment);
    }

    /** The probability of a bad outcome on the participant's next order, as of {@code asOf}. */
    public Estimate assess(String participantId, Instant asOf) {
        Rate rate = rate(participantId, asOf);
        String segment = rate.segment();
        CreditHistory h = participants.get(participantId);
        long k = rate.bad();
        double trials = rate.trials();
        double p = rate.probability();
        Interval interval = rate.interval();
        double w = priorStrength / (trials + priorStrength);
        double mu = rate.priorMean();
        List<Reason> reasons = new ArrayList<>(2);
        String trialsText = Percent.format1(trials);
        if (trials == 0) {
            reasons.add(new Reason("NO_HISTORY", "No orders yet: the estimate is the " + segment
                    + " segment rate of " + Percent.of(mu) + ".", p, List.of("segment " + segment)));
        } else {
            double own = (1 - w) * (k / trials);
            double fromPrior = w * mu;
            String breakdown = breakdown(h);
            Reason history = new Reason(k > 0 ? "BAD_OUTCOME_HISTORY" : "CLEAN_HISTORY",
                    k + " bad in " + trialsText + " orders' worth of exposure (" + Percent.of(k / trials) + ")"
                            + (breakdown.isEmpty() ? "" : ": " + breakdown) + "; shrunk toward the segment, "
                            + Percent.of(p) + ".",
                    own, List.of(k + " bad", trialsText + " order-equivalents"));
            Reason segmentPrior = new Reason("SEGMENT_PRIOR", "Segment " + segment + " rate of " + Percent.of(mu)
                    + " weighs " + Percent.of(w) + " of the estimate (worth " + Math.round(priorStrength)
                    + " orders against " + trialsText + " of its own).", fromPrior, List.of("segment " + segment));
            if (own >= fromPrior) {
                reasons.add(history);
                reasons.add(segmentPrior);
            } else {
                reasons.add(segmentPrior);
                reasons.add(history);
            }
        }
        return new Estimate(RiskCategory.CREDIT, OUTCOME, horizon, p, interval, Math.round(trials), reasons);
    }

    private static String breakdown(CreditHistory h) {
        StringBuilder sb = new StringBuilder();
        for (OutcomeKind kind : OutcomeKind.values()) {
            long c = h.bad(kind);
            if (c > 0) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(c).append(' ').append(kind.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
        }
        return sb.toString();
    }

    public int size() {
        return participants.size();
    }
}
