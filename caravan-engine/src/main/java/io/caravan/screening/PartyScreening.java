package io.caravan.screening;

import io.caravan.domain.BeneficialOwner;
import io.caravan.domain.Participant;
import io.caravan.domain.Payment;
import io.caravan.domain.PaymentParty;
import io.caravan.reference.FxRates;
import io.caravan.reference.Jurisdictions;
import io.caravan.reference.Settings;
import io.caravan.risk.Estimate;
import io.caravan.risk.FailureModes;
import io.caravan.risk.Odds;
import io.caravan.risk.Interval;
import io.caravan.risk.Percent;
import io.caravan.risk.Reason;
import io.caravan.risk.RiskCategory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Screens payments and participants. For a payment: the payer's and payee's names against the sanctions
 * list; the payer's and payee's countries against embargo and FATF lists; and the payer account's velocity
 * (count and amount within the window) as evidence of fraud, combined with the base rate by Bayes' rule in
 * odds form with the configured likelihood ratios. For a participant: its legal name, aliases and
 * beneficial owners against the sanctions list.
 */
public final class PartyScreening {

    public static final String SANCTIONED = "sanctioned_party";
    public static final String FRAUD = "payment_fraud";
    public static final String JURISDICTION = "high_risk_jurisdiction";

    private static final String SANCTIONS_HORIZON = "a party to the payment or the participant is a listed sanctioned party";
    private static final String JURISDICTION_HORIZON = "the payment touches an embargoed or FATF-listed jurisdiction";

    private final SanctionsIndex index;
    private final Jurisdictions jurisdictions;
    private final FxRates fx;
    private final PaymentVelocity velocity;
    private final double exactP;
    private final double normalisedP;
    private final double reorderedP;
    private final double fraudPrior;
    private final String fraudHorizon;
    private final int maxCount;
    private final double countLr;
    private final double maxAmountUsd;
    private final double amountLr;
    private final double embargoP;
    private final double callForActionP;
    private final double monitoringP;

    public PartyScreening(SanctionsIndex index, Jurisdictions jurisdictions, FxRates fx, Settings s, PaymentVelocity velocity) {
        this.index = index;
        this.jurisdictions = jurisdictions;
        this.fx = fx;
        this.velocity = velocity;
        this.exactP = s.probability("screening.exact.p");
        this.normalisedP = s.probability("screening.normalised.p");
        this.reorderedP = s.probability("screening.reordered.p");
        this.fraudPrior = s.probability("payment.fraud.prior");
        this.fraudHorizon = s.text("payment.fraud.horizon");
        this.maxCount = s.whole("payment.velocity.max-count");
        this.countLr = s.number("payment.velocity.count-lr");
        this.maxAmountUsd = s.number("payment.velocity.max-amount-usd");
        this.amountLr = s.number("payment.velocity.amount-lr");
        this.embargoP = s.probability("jurisdiction.embargo.p");
        this.callForActionP = s.probability("jurisdiction.call-for-action.p");
        this.monitoringP = s.probability("jurisdiction.increased-monitoring.p");
    }

    /** Records a payment in the payer account's velocity window. */
    public void observe(Payment payment) {
        velocity.observe(payment.payer().account(), payment.at().getEpochSecond(), fx.toUsd(payment.amount()));
    }

    /** The estimates for a payment, before it is observed. */
    public List<Estimate> assess(Payment payment) {
        List<Estimate> out = new ArrayList<>(3);
        FailureModes sanctions = new FailureModes(RiskCategory.CREDIT, SANCTIONED, SANCTIONS_HORIZON);
        screenName(sanctions, "Payer", payment.payer().name());
        screenName(sanctions, "Payee", payment.payee().name());
        if (!sanctions.isEmpty()) {
            out.add(sanctions.evidence(index.list().size()).combine());
        }
        out.add(fraud(payment));
        FailureModes places = new FailureModes(RiskCategory.POLITICAL, JURISDICTION, JURISDICTION_HORIZON);
        jurisdiction(places, "Payer", payment.payer());
        if (!payment.payee().country().equals(payment.payer().country())) {
            jurisdiction(places, "Payee", payment.payee());
        }
        if (!places.isEmpty()) {
            out.add(places.combine());
        }
        return out;
    }

    private Estimate fraud(Payment payment) {
        long now = payment.at().getEpochSecond();
        PaymentVelocity.Window w = velocity.window(payment.payer().account(), now);
        int count = w.count() + 1;
        double amount = w.amountUsd() + fx.toUsd(payment.amount());
        double hours = velocity.windowSeconds() / 3600.0;
        List<Double> lrs = new ArrayList<>(2);
        List<String> texts = new ArrayList<>(2);
        List<String> codes = new ArrayList<>(2);
        if (count > maxCount) {
            lrs.add(countLr);
            codes.add("VELOCITY_COUNT");
            texts.add("Payer account " + payment.payer().account() + " made " + count + " payments in "
                    + Math.round(hours) + " h (limit " + maxCount + "); such bursts are " + Math.round(countLr)
                    + " times likelier from fraudulent accounts.");
        }
        if (amount > maxAmountUsd) {
            lrs.add(amountLr);
            codes.add("VELOCITY_AMOUNT");
            texts.add("Payer account " + payment.payer().account() + " paid USD " + Percent.money(amount) + " in "
                    + Math.round(hours) + " h (limit USD " + Percent.money(maxAmountUsd) + "); "
                    + Math.round(amountLr) + " times likelier from fraudulent accounts.");
        }
        double[] ratios = lrs.stream().mapToDouble(Double::doubleValue).toArray();
        double p = Odds.update(fraudPrior, ratios);
        List<Reason> reasons = new ArrayList<>(3);
        if (codes.isEmpty()) {
            reasons.add(new Reason("BASE_RATE", "No velocity rule fired for payer account " + payment.payer().account()
                    + " (" + count + " payments, USD " + Percent.money(amount) + " in " + Math.round(hours)
                    + " h); the base rate applies.", p, List.of(payment.payer().account())));
        } else {
            // Likelihood ratios multiply the odds: each rule is credited its share of the log-odds gained.
            double total = 0;
            for (double r : ratios) {
                total += Math.log(r);
            }
            for (int i = 0; i < codes.size(); i++) {
                reasons.add(new Reason(codes.get(i), texts.get(i), (p - fraudPrior) * Math.log(ratios[i]) / total,
                        List.of(payment.payer().account())));
            }
            reasons.add(new Reason("BASE_RATE", "Base rate of fraud among payments: " + Percent.of(fraudPrior) + ".",
                    fraudPrior, List.of()));
        }
        return new Estimate(RiskCategory.CREDIT, FRAUD, fraudHorizon, p, Interval.exactly(p), count, reasons);
    }

    private void jurisdiction(FailureModes modes, String role, PaymentParty party) {
        for (Jurisdictions.Listing l : jurisdictions.of(party.country())) {
            double p = switch (l.level()) {
                case EMBARGO -> embargoP;
                case CALL_FOR_ACTION -> callForActionP;
                case INCREASED_MONITORING -> monitoringP;
            };
            modes.add("JURISDICTION_" + l.level().name(), role + " account is in " + party.country() + ", listed by "
                    + l.list() + " (as of " + l.asOf() + ").", p, List.of(party.country() + ": " + l.list()));
        }
    }

    private void screenName(FailureModes modes, String role, String name) {
        Optional<SanctionsIndex.Match> m = index.screen(name);
        if (m.isEmpty()) {
            return;
        }
        SanctionsIndex.Match match = m.get();
        double p = switch (match.kind()) {
            case EXACT -> exactP;
            case NORMALISED -> normalisedP;
            case REORDERED -> reorderedP;
        };
        String how = switch (match.kind()) {
            case EXACT -> "exactly matches";
            case NORMALISED -> "matches, once case, accents, punctuation and legal forms are set aside,";
            case REORDERED -> "matches, with its words in another order,";
        };
        modes.add("SANCTIONS_" + match.kind().name() + "_MATCH", role + " name '" + name + "' " + how + " '"
                        + match.listedName() + "' (" + match.party().entryId() + ", " + match.party().kind() + ", programmes "
                        + String.join(", ", match.party().programs()) + ") on " + index.list().name() + " " + index.list().version() + ".",
                p, List.of(match.party().entryId()));
    }

    /** Screens a participant's legal name, aliases and beneficial owners; empty when nothing matches. */
    public Optional<Estimate> screen(Participant participant) {
        FailureModes modes = new FailureModes(RiskCategory.CREDIT, SANCTIONED, SANCTIONS_HORIZON);
        screenName(modes, "Legal", participant.legalName());
        for (String alias : participant.aliases()) {
            screenName(modes, "Alias", alias);
        }
        for (BeneficialOwner o : participant.owners()) {
            screenName(modes, "Beneficial owner", o.name());
        }
        if (modes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(modes.evidence(index.list().size()).combine());
    }
}
