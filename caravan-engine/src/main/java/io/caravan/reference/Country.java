package io.caravan.reference;

import io.caravan.domain.CountryCode;

/** A country or territory of ISO 3166-1 with its UN M49 region and sub-region. */
public record Country(CountryCode code, String alpha3, String name, String region, String subregion, String currency) {
}
