package io.caravan.engine;

import io.caravan.credit.CreditBook;
import io.caravan.domain.HazardEvent;
import io.caravan.domain.Participant;
import io.caravan.domain.PoliticalEvent;
import io.caravan.exposure.ActiveDisruptions;
import io.caravan.information.ListingIndex;
import io.caravan.logistics.LaneBook;
import io.caravan.reference.Settings;
import io.caravan.screening.PaymentVelocity;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything the engine has learned from events, by key: participants by id, credit histories by
 * participant and segment, payment velocity by payer account, delay counts by carrier lane and shipments in
 * flight by id, listing fingerprints by LSH band, listing verdicts by listing id, and active disruptions by
 * id. Serialisable as a whole, so that a snapshot can be taken and restored, and each part by its key, so
 * that a stream job can own it.
 */
final class EngineState implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What an order needs to know of a listing it sells under. */
    record ListingVerdict(double probability, String code, String text) implements Serializable {
    }

    final Map<String, Participant> participants = new HashMap<>();
    final Map<String, ListingVerdict> listingVerdicts = new HashMap<>();
    /** "Legal name (id)" of each participant, as reasons name them. */
    final Map<String, String> displayNames = new HashMap<>();
    /** The disclosure gaps of participants that have any, reviewed when the participant is observed. */
    final Map<String, io.caravan.risk.Estimate> disclosureGaps = new HashMap<>();
    final CreditBook credit;
    final PaymentVelocity velocity;
    final LaneBook lanes;
    final ListingIndex listings = new ListingIndex();
    final ActiveDisruptions<HazardEvent> hazards;
    final ActiveDisruptions<PoliticalEvent> political;
    long observed;

    EngineState(Settings s) {
        this.credit = new CreditBook(s);
        this.velocity = new PaymentVelocity((long) (s.number("payment.velocity.window-hours") * 3600));
        this.lanes = new LaneBook(s);
        double halfLife = s.number("disruption.half-life-days");
        double openEnded = s.number("disruption.open-ended-days");
        double countryWeight = s.probability("disruption.country-weight");
        this.hazards = new ActiveDisruptions<>(halfLife, openEnded, countryWeight);
        this.political = new ActiveDisruptions<>(halfLife, openEnded, countryWeight);
    }
}
