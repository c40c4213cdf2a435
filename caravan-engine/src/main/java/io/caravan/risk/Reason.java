package io.caravan.risk;

import java.util.List;

/**
 * Why an estimate is what it is: a stable {@code code} (e.g. {@code SANCTIONS_NAME_MATCH}), a sentence an
 * analyst can paste into a case, the part of the estimate's probability it accounts for, and the evidence
 * behind it (record identifiers, list entries, counts).
 */
public record Reason(String code, String text, double contribution, List<String> evidence) {

    public Reason {
        evidence = List.copyOf(evidence);
    }
}
