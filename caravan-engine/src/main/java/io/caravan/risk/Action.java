package io.caravan.risk;

/** What to do with an assessed subject, from least to most severe. */
public enum Action {
    APPROVE, REVIEW, HOLD, BLOCK
}
