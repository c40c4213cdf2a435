package io.caravan.reference;

import io.caravan.domain.CountryCode;
import io.caravan.domain.GeoPoint;

/** A port by UN/LOCODE with its position; {@code harborSize} is L, M, S or V (very small). */
public record Port(String locode, String name, CountryCode country, GeoPoint position, String harborSize) {
}
