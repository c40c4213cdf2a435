package io.caravan.engine;

import io.caravan.reference.ReferenceDataException;
import io.caravan.reference.Settings;
import io.caravan.risk.DecisionPolicy;
import io.caravan.risk.RiskCategory;

import java.util.EnumMap;
import java.util.Map;

/** Reads the decision policy from the settings ({@code policy.*} keys of caravan.properties). */
public final class Policies {

    private Policies() {
    }

    public static DecisionPolicy from(Settings s) {
        Map<RiskCategory, DecisionPolicy.Thresholds> thresholds = new EnumMap<>(RiskCategory.class);
        Map<RiskCategory, Double> lge = new EnumMap<>(RiskCategory.class);
        for (RiskCategory c : RiskCategory.values()) {
            String key = "policy." + c.name();
            String[] parts = s.text(key).split(",");
            if (parts.length != 3) {
                throw new ReferenceDataException("caravan.properties", 0, key,
                        "needs three probabilities 'review, hold, block', got '" + s.text(key) + "'");
            }
            double[] t = new double[3];
            for (int i = 0; i < 3; i++) {
                try {
                    t[i] = Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw new ReferenceDataException("caravan.properties", 0, key, "'" + parts[i].trim() + "' is not a number");
                }
            }
            if (!(t[0] <= t[1] && t[1] <= t[2])) {
                throw new ReferenceDataException("caravan.properties", 0, key,
                        "thresholds must not decrease: review <= hold <= block, got " + s.text(key));
            }
            thresholds.put(c, new DecisionPolicy.Thresholds(t[0], t[1], t[2]));
            lge.put(c, s.probability("policy.loss-given-event." + c.name()));
        }
        return new DecisionPolicy(thresholds, lge, s.number("policy.expected-loss.review-usd"),
                s.number("policy.expected-loss.hold-usd"));
    }
}
