package io.caravan.domain;

import java.time.LocalDate;

/**
 * A licence, certificate or registration a participant holds, e.g. type {@code BUSINESS_LICENCE} or
 * {@code CPSC_CHILDRENS_PRODUCT_CERTIFICATE}. Valid from {@code validFrom} to {@code validUntil}, both inclusive.
 */
public record Qualification(String type, String number, String issuer, LocalDate validFrom, LocalDate validUntil) implements java.io.Serializable {

    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
