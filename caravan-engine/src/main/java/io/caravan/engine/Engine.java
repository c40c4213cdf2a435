package io.caravan.engine;

import io.caravan.credit.CreditBook;
import io.caravan.credit.QualificationExamination;
import io.caravan.domain.CountryCode;
import io.caravan.domain.Event;
import io.caravan.domain.HazardEvent;
import io.caravan.domain.Leg;
import io.caravan.domain.Listing;
import io.caravan.domain.Order;
import io.caravan.domain.OrderItem;
import io.caravan.domain.Outcome;
import io.caravan.domain.Participant;
import io.caravan.domain.Payment;
import io.caravan.domain.PoliticalEvent;
import io.caravan.domain.Shipment;
import io.caravan.domain.TrackingEvent;
import io.caravan.exposure.ActiveDisruptions;
import io.caravan.exposure.RoutePoint;
import io.caravan.exposure.Touch;
import io.caravan.information.InformationReview;
import io.caravan.legal.DestinationCheck;
import io.caravan.logistics.RouteRisk;
import io.caravan.logistics.Shock;
import io.caravan.natural.HazardExposure;
import io.caravan.political.PoliticalExposure;
import io.caravan.reference.ReferenceData;
import io.caravan.risk.Assessment;
import io.caravan.risk.Decision;
import io.caravan.risk.DecisionPolicy;
import io.caravan.risk.Estimate;
import io.caravan.risk.FailureModes;
import io.caravan.risk.Percent;
import io.caravan.risk.Reason;
import io.caravan.risk.RiskCategory;
import io.caravan.risk.SubjectType;
import io.caravan.risk.Versions;
import io.caravan.screening.PartyScreening;
import io.caravan.screening.SanctionsIndex;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Caravan's risk engine. {@link #observe} folds an event into keyed state; the {@code assess} methods read
 * that state and never change it. Deterministic: the same reference data and the same events in the same
 * order give equal assessments. Not thread-safe: one engine per thread or per key partition.
 *
 * <p>How an order becomes an assessment: its shipment's route gives the places and times it passes; the
 * active hazard and political events touching them become shocks; each capability gives its estimate —
 * credit of the parties, the route's lateness, listing and disclosure findings, the destination's rules,
 * political and natural exposure — and the decision policy turns the estimates and the order's value into
 * an action.
 */
public final class Engine {

    /** The versions of the models, recorded in every assessment beside the reference data's. */
    public static final Map<String, String> MODELS = Map.of(
            "engine", "caravan-engine-0.1",
            "model.credit", "beta-binomial-segment-shrinkage-v1",
            "model.logistics", "lane-dirichlet-convolution-v1",
            "model.information", "minhash64-lsh16x4-v1",
            "model.screening", "exact-normalised-reordered-v1",
            "model.exposure", "country-baseline-event-decay-v1");

    private final ReferenceData reference;
    private final EngineState state;
    private final Versions versions;
    private final DecisionPolicy policy;
    private final QualificationExamination qualifications;
    private final PartyScreening screening;
    private final RouteRisk routes;
    private final InformationReview information;
    private final DestinationCheck legal;
    private final PoliticalExposure politicalExposure;
    private final HazardExposure naturalExposure;
    private final Function<String, String> names;
    private final double disclosureP;

    public Engine(ReferenceData reference) {
        this(reference, new EngineState(reference.settings()));
    }

    private Engine(ReferenceData reference, EngineState state) {
        this.reference = reference;
        this.state = state;
        var s = reference.settings();
        Map<String, String> v = new TreeMap<>(reference.versions());
        v.putAll(MODELS);
        this.versions = Versions.of(v);
        this.policy = Policies.from(s);
        this.qualifications = new QualificationExamination(reference.qualificationRules(), s);
        this.screening = new PartyScreening(new SanctionsIndex(reference.sanctions()), reference.jurisdictions(),
                reference.fx(), s, state.velocity);
        this.routes = new RouteRisk(state.lanes, s);
        this.information = new InformationReview(reference.disclosureRules(), s, state.listings);
        this.legal = new DestinationCheck(reference.destinationRules(), reference.hs(), reference.fx(), s);
        this.politicalExposure = new PoliticalExposure(reference.countries(), reference.indicators(), reference.jurisdictions(), s);
        this.naturalExposure = new HazardExposure(reference.countries(), reference.indicators(), s);
        this.disclosureP = s.probability("information.disclosure.p");
        this.names = id -> {
            String name = state.displayNames.get(id);
            return name == null ? id : name;
        };
    }

    // ---------------------------------------------------------------- observing

    /** Folds an event into the state. */
    public void observe(Event event) {
        state.observed++;
        if (event instanceof Order o) {
            state.credit.orderBooked(o.id(), o.at());
            state.credit.orderPlaced(o.merchantId(), o.at());
        } else if (event instanceof TrackingEvent t) {
            state.lanes.scanned(t);
        } else if (event instanceof Payment p) {
            screening.observe(p);
        } else if (event instanceof Shipment s) {
            state.lanes.shipmentBooked(s);
            Set<String> parties = new LinkedHashSet<>();
            if (!s.forwarderId().isEmpty()) {
                parties.add(s.forwarderId());
            }
            for (Leg leg : s.legs()) {
                parties.add(leg.carrierId());
            }
            for (String id : parties) {
                state.credit.orderPlaced(id, s.at());
            }
        } else if (event instanceof Outcome o) {
            if (o.kind().isBad()) {
                state.credit.badOutcome(o.participantId(), o.orderId(), o.kind(), o.at());
            }
        } else if (event instanceof Listing l) {
            Estimate verdict = information.observe(l, names);
            Reason top = verdict.reasons().get(0);
            state.listingVerdicts.put(l.id(), new EngineState.ListingVerdict(verdict.probability(), top.code(), top.text()));
        } else if (event instanceof Participant p) {
            state.participants.put(p.id(), p);
            state.displayNames.put(p.id(), p.legalName() + " (" + p.id() + ")");
            Optional<Estimate> gaps = information.review(p);
            if (gaps.isPresent()) {
                state.disclosureGaps.put(p.id(), gaps.get());
            } else {
                state.disclosureGaps.remove(p.id());
            }
            String region = reference.countries().find(p.country().value()).map(c -> c.region()).orElse("unknown");
            state.credit.enrol(p.id(), p.kind().name() + "/" + (region.isEmpty() ? "unknown" : region), p.kind().name());
        } else if (event instanceof HazardEvent h) {
            state.hazards.observe(h);
        } else if (event instanceof PoliticalEvent pe) {
            state.political.observe(pe);
        }
    }

    /**
     * Takes one event as a live system does: assesses it with the state before it, folds it in, and for a
     * participant's record or an outcome answers the participant's assessment after it.
     */
    public Optional<Assessment> step(Event event) {
        Optional<Assessment> a = assess(event);
        observe(event);
        if (event instanceof Participant p) {
            return assessParticipant(p.id(), p.at());
        } else if (event instanceof Outcome o) {
            return assessParticipant(o.participantId(), o.at());
        }
        return a;
    }

    /**
     * Assesses an event that is a subject (order, payment, shipment, listing) with the state before it;
     * other events have no assessment. Call before {@link #observe} to replay a history as it happened.
     */
    public Optional<Assessment> assess(Event event) {
        if (event instanceof Order o) {
            return Optional.of(assess(o));
        } else if (event instanceof Payment p) {
            return Optional.of(assess(p));
        } else if (event instanceof Shipment s) {
            return Optional.of(assess(s));
        } else if (event instanceof Listing l) {
            return Optional.of(assess(l));
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- assessing

    public Assessment assess(Order order) {
        Shipment shipment = order.shipmentId().isEmpty() ? null : state.lanes.shipment(order.shipmentId());
        Route route = new Route(shipment != null ? RoutePoint.of(shipment)
                : List.of(new RoutePoint(io.caravan.domain.Location.of(order.shipFrom().value()), order.at(), 1),
                        new RoutePoint(io.caravan.domain.Location.of(order.shipTo().value()), order.promisedBy(), 1)));
        List<Estimate> estimates = new ArrayList<>(6);
        estimates.add(orderCredit(order, shipment));
        if (shipment != null) {
            estimates.add(routes.assess(shipment, order.promisedBy(), shocks(route), names));
        }
        estimates.add(orderInformation(order));
        Participant merchant = state.participants.get(order.merchantId());
        estimates.add(legal.check(order, merchant == null ? List.of() : merchant.qualifications()));
        estimates.add(politicalExposure.assess(order.shipFrom(), order.shipTo(), route.countries, route.transitDays,
                route.political));
        estimates.add(naturalExposure.assess(route.countries, route.transitDays, route.hazards));
        double exposure = 0;
        for (OrderItem item : order.items()) {
            exposure += reference.fx().toUsd(item.unitValue().amount().doubleValue() * item.quantity(),
                    item.unitValue().currency());
        }
        return decide(SubjectType.ORDER, order.id(), order.at(), estimates, exposure);
    }

    public Assessment assess(Shipment shipment) {
        Route route = new Route(RoutePoint.of(shipment));
        List<Estimate> estimates = new ArrayList<>(3);
        estimates.add(routes.assess(shipment, null, shocks(route), names));
        List<Leg> legs = shipment.legs();
        estimates.add(politicalExposure.assess(legs.get(0).from().country(), legs.get(legs.size() - 1).to().country(),
                route.countries, route.transitDays, route.political));
        estimates.add(naturalExposure.assess(route.countries, route.transitDays, route.hazards));
        return decide(SubjectType.SHIPMENT, shipment.id(), shipment.at(), estimates, 0);
    }

    public Assessment assess(Payment payment) {
        return decide(SubjectType.PAYMENT, payment.id(), payment.at(), screening.assess(payment),
                reference.fx().toUsd(payment.amount()));
    }

    public Assessment assess(Listing listing) {
        return decide(SubjectType.LISTING, listing.id(), listing.at(), List.of(information.review(listing, names)), 0);
    }

    /**
     * The in-flight shipments whose route a hazard or political event touches, each assessed anew as of the
     * event, sorted by shipment id. Call after observing the event: this is how an event reaches the
     * shipments already on their way, not only those booked after it.
     */
    public List<Assessment> inFlightTouchedBy(io.caravan.domain.Disruption event) {
        ActiveDisruptions<?> family = event instanceof HazardEvent ? state.hazards : state.political;
        String[] reach = family.reach(event.id(), reference.ports());
        List<Shipment> touched = new ArrayList<>();
        for (Shipment s : state.lanes.inFlightShipments()) {
            if (passesThrough(s, reach) && family.touches(event.id(), RoutePoint.of(s), reference.ports())) {
                touched.add(s);
            }
        }
        touched.sort(java.util.Comparator.comparing(Shipment::id));
        List<Assessment> out = new ArrayList<>(touched.size());
        for (Shipment s : touched) {
            Assessment a = assess(s);
            out.add(new Assessment(a.id(), a.subject(), a.subjectId(), event.at(), a.estimates(), a.exposureUsd(),
                    a.expectedLossUsd(), a.decision(), a.versions()));
        }
        return out;
    }

    private static boolean passesThrough(Shipment s, String[] countries) {
        for (Leg leg : s.legs()) {
            if (ActiveDisruptions.within(leg.from(), countries) || ActiveDisruptions.within(leg.to(), countries)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A shipment's route as the engine sees it now: each leg's lane as learned so far, the events touching the
     * route, and the composed delay. Any shipment, in flight or delivered.
     */
    public RouteRisk.Composition route(Shipment shipment) {
        return routes.compose(shipment, shocks(new Route(RoutePoint.of(shipment))));
    }

    /** A participant as of a moment: credit, qualifications, sanctions screening and disclosures. */
    public Optional<Assessment> assessParticipant(String participantId, Instant asOf) {
        Participant p = state.participants.get(participantId);
        if (p == null) {
            return Optional.empty();
        }
        List<Estimate> estimates = new ArrayList<>(4);
        estimates.add(state.credit.assess(p.id(), asOf));
        estimates.add(qualifications.examine(p, LocalDate.ofInstant(asOf, ZoneOffset.UTC)));
        screening.screen(p).ifPresent(estimates::add);
        information.review(p).ifPresent(estimates::add);
        return Optional.of(decide(SubjectType.PARTICIPANT, p.id(), asOf, estimates, 0));
    }

    /** The ids of all known participants, sorted. */
    public List<String> participantIds() {
        List<String> ids = new ArrayList<>(state.participants.keySet());
        ids.sort(null);
        return ids;
    }

    private Assessment decide(SubjectType type, String id, Instant asOf, List<Estimate> estimates, double exposureUsd) {
        double el = policy.expectedLoss(estimates, exposureUsd);
        Decision decision = policy.decide(estimates, el);
        return new Assessment(type.assessmentId(id), type, id, asOf, estimates, exposureUsd, el, decision, versions);
    }

    private Estimate orderCredit(Order order, Shipment shipment) {
        FailureModes modes = new FailureModes(RiskCategory.CREDIT, "bad_outcome_on_order",
                "bad outcome on this order caused by any party of its chain (merchant, forwarder, carriers)");
        addParty(modes, "Merchant", "MERCHANT_CREDIT", order.merchantId(), order.at());
        if (shipment != null) {
            List<String> seen = new ArrayList<>(5);
            seen.add(order.merchantId());
            if (!shipment.forwarderId().isEmpty() && !seen.contains(shipment.forwarderId())) {
                seen.add(shipment.forwarderId());
                addParty(modes, "Forwarder", "FORWARDER_CREDIT", shipment.forwarderId(), order.at());
            }
            for (Leg leg : shipment.legs()) {
                if (!seen.contains(leg.carrierId())) {
                    seen.add(leg.carrierId());
                    addParty(modes, "Carrier", "CARRIER_CREDIT", leg.carrierId(), order.at());
                }
            }
        }
        return modes.combine();
    }

    private void addParty(FailureModes modes, String role, String code, String id, Instant asOf) {
        CreditBook.Rate r = state.credit.rate(id, asOf);
        long trials = Math.round(r.trials());
        modes.evidence(trials);
        // the name is looked up now: the sentence is written later, on the encoder's thread, while this engine goes on
        String name = names.apply(id);
        modes.add(code, () -> trials == 0
                ? role + " " + name + ": no history yet, " + r.segment() + " segment rate " + Percent.of(r.probability()) + "."
                : role + " " + name + ": " + r.bad() + " bad in " + trials + " orders' worth of exposure, "
                + Percent.of(r.probability()) + " after shrinkage toward " + r.segment() + ".",
                r.probability(), r.interval(), List.of(id));
    }

    private Estimate orderInformation(Order order) {
        FailureModes modes = new FailureModes(RiskCategory.INFORMATION, InformationReview.LISTING_OUTCOME,
                "goods sold under a copied or non-compliant listing, or by a participant that hides what it must disclose");
        List<String> seen = new ArrayList<>(order.items().size());
        for (OrderItem item : order.items()) {
            if (item.listingId().isEmpty() || seen.contains(item.listingId())) {
                continue;
            }
            seen.add(item.listingId());
            EngineState.ListingVerdict v = state.listingVerdicts.get(item.listingId());
            modes.evidence(1);
            if (v != null && v.probability() > 0) {
                modes.add("LISTING_" + v.code(), () -> "Item " + item.sku() + " is sold under listing " + item.listingId() + ": "
                        + v.text(), v.probability(), List.of(item.listingId()));
            }
        }
        Estimate disclosure = state.disclosureGaps.get(order.merchantId());
        if (disclosure != null) {
            for (Reason r : disclosure.reasons()) {
                modes.add(r.code(), r.text(), disclosureP, r.evidence());
            }
        }
        if (modes.isEmpty()) {
            modes.add("NO_FINDING", "The listings of this order and its merchant's disclosures raise nothing.", 0, List.of());
        }
        return modes.combine();
    }

    private List<Shock> shocks(Route route) {
        List<Shock> out = new ArrayList<>(route.hazards.size() + route.political.size());
        for (Touch t : route.hazards) {
            out.add(new Shock(t.event().id(), t.event().name() + " " + t.how(), t.probability(), t.event().delayDays()));
        }
        for (Touch t : route.political) {
            out.add(new Shock(t.event().id(), t.event().name() + " " + t.how(), t.probability(), t.event().delayDays()));
        }
        return out;
    }

    /** The places and times a route passes, its countries, transit time, and the events touching it. */
    private final class Route {
        final List<RoutePoint> points;
        final List<CountryCode> countries;
        final double transitDays;
        final List<Touch> hazards;
        final List<Touch> political;

        Route(List<RoutePoint> points) {
            this.points = points;
            List<CountryCode> cs = new ArrayList<>(4);
            for (RoutePoint p : points) {
                CountryCode c = p.location().country();
                if (!cs.contains(c)) {
                    cs.add(c);
                }
            }
            this.countries = cs;
            Instant first = points.get(0).when();
            Instant last = points.get(points.size() - 1).when();
            // Whole minutes, as Duration.between(first, last).toMinutes() counts them, without making a Duration for each route.
            long seconds = last.getEpochSecond() - first.getEpochSecond() - (last.getNano() < first.getNano() ? 1 : 0);
            this.transitDays = Math.max(1, (seconds / 60) / 1440.0);
            this.hazards = state.hazards.touching(points, reference.ports());
            this.political = state.political.touching(points, reference.ports());
        }
    }

    // ---------------------------------------------------------------- state

    /** Writes the engine's state; {@link #restore} with the same reference data continues where it stopped. */
    public void snapshot(OutputStream out) throws IOException {
        snapshot(new ObjectOutputStream(out));
    }

    /** Writes the state to an object stream the caller made (one that records the classes it writes, say). */
    public void snapshot(ObjectOutputStream out) throws IOException {
        out.writeObject(state);
        out.flush();
    }

    public static Engine restore(ReferenceData reference, InputStream in) throws IOException {
        try {
            return new Engine(reference, (EngineState) new ObjectInputStream(in).readObject());
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("not a Caravan engine snapshot: " + e.getMessage(), e);
        }
    }

    public Versions versions() {
        return versions;
    }

    public DecisionPolicy policy() {
        return policy;
    }

    /** Sizes of the state, for progress and diagnostics. */
    public Map<String, Long> stateSizes() {
        Map<String, Long> m = new TreeMap<>();
        m.put("events_observed", state.observed);
        m.put("participants", (long) state.participants.size());
        m.put("credit_histories", (long) state.credit.size());
        m.put("carrier_lanes", (long) state.lanes.lanes());
        m.put("shipments_in_flight", (long) state.lanes.inFlight());
        m.put("listings_indexed", (long) state.listings.size());
        m.put("payer_accounts", (long) state.velocity.accounts());
        m.put("active_hazards", (long) state.hazards.size());
        m.put("active_political_events", (long) state.political.size());
        return m;
    }
}
