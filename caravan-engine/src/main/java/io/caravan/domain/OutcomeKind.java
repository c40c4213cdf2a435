package io.caravan.domain;

/** What became of an order. The first four are the bad outcomes that credit risk predicts. */
public enum OutcomeKind {
    DISPUTE(true), CHARGEBACK(true), NON_DELIVERY(true), INSPECTION_FAILED(true),
    INSPECTION_PASSED(false), COMPLAINT(false), RETURN(false);

    private final boolean bad;

    OutcomeKind(boolean bad) {
        this.bad = bad;
    }

    /** True for the outcomes that count against a participant's credit. */
    public boolean isBad() {
        return bad;
    }
}
