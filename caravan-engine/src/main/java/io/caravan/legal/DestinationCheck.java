package io.caravan.legal;

import io.caravan.domain.Order;
import io.caravan.domain.OrderItem;
import io.caravan.domain.Qualification;
import io.caravan.reference.DestinationRule;
import io.caravan.reference.DestinationRules;
import io.caravan.reference.FxRates;
import io.caravan.reference.HsNomenclature;
import io.caravan.reference.Settings;
import io.caravan.risk.Estimate;
import io.caravan.risk.FailureModes;
import io.caravan.risk.Percent;
import io.caravan.risk.RiskCategory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Checks an order against its destination's rules in force on the order's date (UTC). Each finding is a
 * failure mode of the outcome "customs refusal"; they compose as alternatives. A restricted heading is
 * satisfied when the seller holds the named certificate, valid on the day, among its qualifications.
 */
public final class DestinationCheck {

    public static final String OUTCOME = "customs_refusal";
    private static final String HORIZON = "goods refused, seized or returned at the destination's border";

    private final DestinationRules rules;
    private final HsNomenclature hs;
    private final FxRates fx;
    private final double prohibitedP;
    private final double restrictedP;
    private final double unknownHeadingP;
    private final double deMinimisP;

    public DestinationCheck(DestinationRules rules, HsNomenclature hs, FxRates fx, Settings s) {
        this.rules = rules;
        this.hs = hs;
        this.fx = fx;
        this.prohibitedP = s.probability("legal.prohibited.p");
        this.restrictedP = s.probability("legal.restricted.p");
        this.unknownHeadingP = s.probability("legal.unknown-heading.p");
        this.deMinimisP = s.probability("legal.de-minimis.p");
    }

    /** @param certificates the seller's qualifications (certificates are qualifications of the seller) */
    public Estimate check(Order order, List<Qualification> certificates) {
        LocalDate day = LocalDate.ofInstant(order.at(), ZoneOffset.UTC);
        List<DestinationRule> inForce = rules.forDestination(order.shipTo());
        FailureModes modes = new FailureModes(RiskCategory.LEGAL, OUTCOME, HORIZON);
        modes.evidence(order.items().size());
        double totalUsd = 0;
        for (OrderItem item : order.items()) {
            totalUsd += fx.toUsd(item.unitValue().amount().doubleValue() * item.quantity(), item.unitValue().currency());
            if (!hs.isValid(item.hsCode())) {
                modes.add("UNKNOWN_HS_HEADING", "Item " + item.sku() + " declares HS " + item.hsCode()
                        + ", which is no HS 2022 heading: expect a misdeclaration query.", unknownHeadingP,
                        List.of(item.sku(), "HS " + item.hsCode()));
                continue;
            }
            for (DestinationRule r : inForce) {
                if (r.kind() == DestinationRule.Kind.DE_MINIMIS || !item.hsCode().startsWith(r.hsPrefix()) || !r.isInForceOn(day)) {
                    continue;
                }
                if (r.kind() == DestinationRule.Kind.PROHIBITED) {
                    modes.add("PROHIBITED_GOODS", "Item " + item.sku() + " (HS " + item.hsCode() + ", "
                            + hs.heading(item.hsCode()).orElse("") + ") is prohibited in " + order.shipTo() + ": "
                            + r.description() + ".", prohibitedP, List.of(item.sku(), r.source()));
                } else if (!holds(certificates, r.certificate(), day)) {
                    modes.add("MISSING_CERTIFICATE", "Item " + item.sku() + " (HS " + item.hsCode() + ") needs "
                            + r.certificate() + " in " + order.shipTo() + " (" + r.description()
                            + "); the seller holds none valid on " + day + ".", restrictedP, List.of(item.sku(), r.source()));
                }
            }
        }
        for (DestinationRule r : inForce) {
            if (r.kind() != DestinationRule.Kind.DE_MINIMIS || !r.isInForceOn(day)) {
                continue;
            }
            double thresholdUsd = fx.toUsd(r.threshold().doubleValue(), r.currency());
            if (totalUsd > thresholdUsd) {
                String limit = r.threshold().compareTo(BigDecimal.ZERO) == 0 ? "no de minimis"
                        : "the de minimis of " + r.threshold().toPlainString() + " " + r.currency();
                modes.add("ABOVE_DE_MINIMIS", "Order value USD " + Percent.money(totalUsd) + " is above " + limit
                        + " in force on " + day + " in " + order.shipTo() + " (" + r.description()
                        + "): duty and a formal entry apply; check the landed-cost quote.", deMinimisP, List.of(r.source()));
            }
            break;
        }
        if (modes.isEmpty()) {
            modes.add("NO_FINDING", "No item is prohibited, restricted without certificate, or above the de minimis in the"
                    + " destination on the order's date.", 0, List.of());
        }
        return modes.combine();
    }

    private static boolean holds(List<Qualification> certificates, String type, LocalDate day) {
        for (Qualification q : certificates) {
            if (q.type().equals(type) && q.isValidOn(day)) {
                return true;
            }
        }
        return false;
    }
}
