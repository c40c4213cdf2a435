package io.caravan.world;

import io.caravan.risk.RiskCategory;

/**
 * A planted truth: the assessment {@code subject} (e.g. {@code order:O-000017}) carries a real risk of
 * {@code category}, of the kind {@code truth} (e.g. {@code prohibited_goods}); {@code note} says how it was planted.
 */
public record Label(String subject, RiskCategory category, String truth, String note) {
}
