package io.caravan.domain;

/** A point on the Earth in decimal degrees (WGS 84). */
public record GeoPoint(double lat, double lon) implements java.io.Serializable {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoPoint {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("(" + lat + ", " + lon + ") is not a latitude in [-90, 90] and a longitude in [-180, 180]");
        }
    }

    /** Great-circle distance by the haversine formula, in kilometres. */
    public double distanceKm(GeoPoint other) {
        double p1 = Math.toRadians(lat);
        double p2 = Math.toRadians(other.lat);
        double dp = p2 - p1;
        double dl = Math.toRadians(other.lon - lon);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
