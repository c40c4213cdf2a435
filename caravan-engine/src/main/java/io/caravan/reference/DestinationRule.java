package io.caravan.reference;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of the destination rule pack. {@code destination} is a country code or {@code *} for all;
 * {@code hsPrefix} is empty for de minimis rows; {@code validTo} is {@link LocalDate#MAX} when open-ended.
 */
public record DestinationRule(
        String destination,
        Kind kind,
        String hsPrefix,
        String certificate,
        BigDecimal threshold,
        String currency,
        LocalDate validFrom,
        LocalDate validTo,
        String description,
        String source) {

    public enum Kind {
        DE_MINIMIS, PROHIBITED, RESTRICTED
    }

    public boolean isInForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
