package io.caravan.domain;

import java.util.List;

/**
 * Where an event is felt: whole countries, specific places (UN/LOCODEs), and optionally a circle
 * around a centre ({@code radiusKm} 0 means no circle).
 */
public record Area(List<CountryCode> countries, List<Location> locations, GeoPoint centre, double radiusKm) implements java.io.Serializable {

    public static final GeoPoint NO_CENTRE = new GeoPoint(0, 0);

    public Area {
        countries = List.copyOf(countries);
        locations = List.copyOf(locations);
        if (radiusKm < 0) {
            throw new IllegalArgumentException("radius_km must not be negative, got " + radiusKm);
        }
    }

    public boolean hasCircle() {
        return radiusKm > 0;
    }
}
