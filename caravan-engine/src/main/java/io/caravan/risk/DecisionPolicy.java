package io.caravan.risk;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns estimates into an action. Each category has probability thresholds for review, hold and block;
 * the expected loss has thresholds for review and hold. The most severe action any threshold asks for
 * wins, and every threshold crossed is named as a driver.
 *
 * <p>Expected loss: each category's estimate loses a share of the exposure (loss given event, LGE) if it
 * happens; the losses are treated as alternatives, so EL = exposure × (1 − Π(1 − pᵢ·LGEᵢ)), the expected
 * share of the exposure lost without counting the same money twice.
 */
public final class DecisionPolicy {

    /** Probability thresholds; a threshold above 1 is never crossed. */
    public record Thresholds(double review, double hold, double block) {
    }

    private final Map<RiskCategory, Thresholds> thresholds;
    private final Map<RiskCategory, Double> lossGivenEvent;
    private final double reviewLossUsd;
    private final double holdLossUsd;

    public DecisionPolicy(Map<RiskCategory, Thresholds> thresholds, Map<RiskCategory, Double> lossGivenEvent,
                          double reviewLossUsd, double holdLossUsd) {
        for (RiskCategory c : RiskCategory.values()) {
            if (!thresholds.containsKey(c) || !lossGivenEvent.containsKey(c)) {
                throw new IllegalArgumentException("the decision policy has no thresholds or loss given event for " + c);
            }
        }
        this.thresholds = new EnumMap<>(thresholds);
        this.lossGivenEvent = new EnumMap<>(lossGivenEvent);
        this.reviewLossUsd = reviewLossUsd;
        this.holdLossUsd = holdLossUsd;
    }

    public Thresholds thresholds(RiskCategory category) {
        return thresholds.get(category);
    }

    public double expectedLoss(List<Estimate> estimates, double exposureUsd) {
        double none = 1;
        for (Estimate e : estimates) {
            none *= 1 - e.probability() * lossGivenEvent.get(e.category());
        }
        return exposureUsd * (1 - none);
    }

    public Decision decide(List<Estimate> estimates, double expectedLossUsd) {
        Action action = Action.APPROVE;
        List<String> drivers = new ArrayList<>(2);
        for (Estimate e : estimates) {
            Thresholds t = thresholds.get(e.category());
            double p = e.probability();
            Action a;
            double limit;
            if (p >= t.block) {
                a = Action.BLOCK;
                limit = t.block;
            } else if (p >= t.hold) {
                a = Action.HOLD;
                limit = t.hold;
            } else if (p >= t.review) {
                a = Action.REVIEW;
                limit = t.review;
            } else {
                continue;
            }
            drivers.add(e.category() + " " + e.outcome() + " " + Percent.of(p) + " >= " + a.name().toLowerCase(Locale.ROOT)
                    + " threshold " + Percent.of(limit));
            if (a.compareTo(action) > 0) {
                action = a;
            }
        }
        if (expectedLossUsd >= holdLossUsd) {
            drivers.add("expected loss USD " + Percent.money(expectedLossUsd) + " >= hold threshold USD " + Percent.money(holdLossUsd));
            action = action.compareTo(Action.HOLD) < 0 ? Action.HOLD : action;
        } else if (expectedLossUsd >= reviewLossUsd) {
            drivers.add("expected loss USD " + Percent.money(expectedLossUsd) + " >= review threshold USD " + Percent.money(reviewLossUsd));
            action = action.compareTo(Action.REVIEW) < 0 ? Action.REVIEW : action;
        }
        return new Decision(action, drivers);
    }
}
