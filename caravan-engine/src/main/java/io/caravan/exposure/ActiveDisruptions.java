package io.caravan.exposure;

import io.caravan.domain.Disruption;
import io.caravan.domain.GeoPoint;
import io.caravan.domain.Location;
import io.caravan.reference.Ports;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keyed state: the disruptions (of one family, hazard or political) that may still matter, by id.
 * A newer record with the same id replaces the older one (an event's update).
 *
 * <p>Strength over time: 1 from the event's start to its end (an event without an end is taken to last
 * {@code openEndedDays}); after the end it halves every {@code halfLifeDays}; 0 before the start.
 * Proximity: 1 at a place the event names, falling linearly from 1 at the centre to 0 at the edge of its
 * circle, and {@code countryWeight} anywhere in a country it names. The probability that the event disrupts
 * a route is severity × the largest strength × proximity over the route's points: a single shock.
 */
public final class ActiveDisruptions<E extends Disruption> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Strength below which an event no longer touches anything (ten half-lives after its end). */
    static final double NEGLIGIBLE = 0.001;

    private final Map<String, E> byId = new LinkedHashMap<>();
    private final double halfLifeDays;
    private final double openEndedDays;
    private final double countryWeight;

    public ActiveDisruptions(double halfLifeDays, double openEndedDays, double countryWeight) {
        this.halfLifeDays = halfLifeDays;
        this.openEndedDays = openEndedDays;
        this.countryWeight = countryWeight;
    }

    public void observe(E event) {
        byId.remove(event.id());
        byId.put(event.id(), event);
        prune(event.at());
    }

    /** Forgets events whose strength has fallen below 0.1% by {@code now}. */
    public void prune(Instant now) {
        byId.values().removeIf(e -> now.isAfter(end(e).plus(Duration.ofHours((long) (halfLifeDays * 24 * 10)))));
    }

    public Collection<E> all() {
        return byId.values();
    }

    public int size() {
        return byId.size();
    }

    private Instant end(Disruption e) {
        Instant openEnd = e.at().plus(Duration.ofHours((long) (openEndedDays * 24)));
        return e.until().equals(Instant.MAX) ? openEnd : e.until();
    }

    /** The event's strength at a moment, in [0, 1]. */
    public double strength(Disruption e, Instant when) {
        return strength(e.at().getEpochSecond(), end(e).getEpochSecond(), when.getEpochSecond());
    }

    private double strength(long start, long end, long when) {
        if (when < start) {
            return 0;
        }
        if (when <= end) {
            return 1;
        }
        double daysAfter = (when - end) / 86_400.0;
        return Math.pow(0.5, daysAfter / halfLifeDays);
    }

    /**
     * The countries where the active event with this id can touch a route (an empty array when there is no such
     * event): those it names, those of the places it names, and those of the known ports inside its circle. A route
     * none of whose points lies in one of them is not touched: {@link #touches} would answer false.
     */
    public String[] reach(String eventId, Ports ports) {
        E e = byId.get(eventId);
        if (e == null) {
            return new String[0];
        }
        java.util.Set<String> countries = new java.util.TreeSet<>();
        e.area().countries().forEach(c -> countries.add(c.value()));
        e.area().locations().forEach(l -> countries.add(l.country().value()));
        if (e.area().hasCircle()) {
            for (io.caravan.reference.Port port : ports.all()) {
                if (mayBeInside(port.position(), e.area().centre(), e.area().radiusKm())
                        && port.position().distanceKm(e.area().centre()) < e.area().radiusKm()) {
                    countries.add(port.locode().substring(0, 2));
                }
            }
        }
        return countries.toArray(new String[0]);
    }

    /** True when the place lies in one of the countries, each a two-letter code. Allocation-free. */
    public static boolean within(Location place, String[] countries) {
        for (String c : countries) {
            if (inCountry(place, c)) {
                return true;
            }
        }
        return false;
    }

    /** True when the place (a UN/LOCODE or a country code) lies in the country of this two-letter code. */
    private static boolean inCountry(Location place, String country) {
        String code = place.code();
        return country.charAt(0) == code.charAt(0) && country.charAt(1) == code.charAt(1);
    }

    /** Marks a route point that has no port position. */
    private static final GeoPoint NOT_A_PORT = new GeoPoint(0, 0);

    /** How near the route's point {@code i} is to the event, in [0, 1]. Looks its position up only when a circle needs it. */
    private double proximity(Disruption e, Location place, GeoPoint[] positions, int i, Ports ports) {
        List<Location> locations = e.area().locations();
        for (int k = 0; k < locations.size(); k++) {
            if (locations.get(k).code().equals(place.code())) {
                return 1;
            }
        }
        double best = 0;
        if (e.area().hasCircle() && place.isSpecific()) {
            GeoPoint p = positions[i];
            if (p == null) {
                p = ports.position(place).orElse(NOT_A_PORT);
                positions[i] = p;
            }
            if (p != NOT_A_PORT && mayBeInside(p, e.area().centre(), e.area().radiusKm())) {
                double d = p.distanceKm(e.area().centre());
                if (d < e.area().radiusKm()) {
                    best = 1 - d / e.area().radiusKm();
                }
            }
        }
        if (best < countryWeight) {
            List<io.caravan.domain.CountryCode> countries = e.area().countries();
            for (int k = 0; k < countries.size(); k++) {
                if (inCountry(place, countries.get(k).value())) {
                    return countryWeight;
                }
            }
        }
        return best;
    }

    private static final double KM_A_DEGREE_OF_LATITUDE = 6371.0088 * Math.PI / 180;

    /**
     * False when a point is surely outside a circle: the great-circle distance is never less than the distance
     * along a meridian between the two latitudes. The margin (a metre) keeps every point that the haversine
     * formula, with its rounding, could still place inside.
     */
    private static boolean mayBeInside(GeoPoint p, GeoPoint centre, double radiusKm) {
        return Math.abs(p.lat() - centre.lat()) * KM_A_DEGREE_OF_LATITUDE < radiusKm + 0.001;
    }

    /** The words for a proximity, for the one point that is reported. */
    private String how(Disruption e, Location place, double weight) {
        if (weight == 1 && e.area().locations().contains(place)) {
            return "at " + place;
        }
        if (weight == countryWeight && !place.isSpecific()) {
            return "in " + place;
        }
        if (weight == countryWeight) {
            return "in " + place.country() + " (" + place + ")";
        }
        return "within " + Math.round(e.area().radiusKm()) + " km of its centre (" + place + ")";
    }

    /** The events that touch a route, each once, largest probability first (ties by id). */
    public List<Touch> touching(List<RoutePoint> route, Ports ports) {
        List<Touch> out = new ArrayList<>(2);
        if (byId.isEmpty()) {
            return out;
        }
        GeoPoint[] positions = new GeoPoint[route.size()];
        for (E e : byId.values()) {
            Touch t = touch(e, route, positions, ports);
            if (t != null) {
                out.add(t);
            }
        }
        out.sort((a, b) -> a.probability() != b.probability()
                ? Double.compare(b.probability(), a.probability()) : a.event().id().compareTo(b.event().id()));
        return out;
    }

    /**
     * True when the active event with this id touches the route: when {@link #touching} would list it. Costs one
     * event's work, where {@code touching} costs every active event's.
     */
    public boolean touches(String eventId, List<RoutePoint> route, Ports ports) {
        E e = byId.get(eventId);
        return e != null && touch(e, route, new GeoPoint[route.size()], ports) != null;
    }

    /**
     * How one event touches a route, or null when it does not. {@code positions} holds the route points' port
     * positions as far as they have been looked up, shared by the events of one route: null when not yet looked
     * up, {@link #NOT_A_PORT} for a country or a place that is not a known port.
     */
    private Touch touch(E e, List<RoutePoint> route, GeoPoint[] positions, Ports ports) {
        double best = 0;
        double bestWeight = 0;
        RoutePoint where = null;
        List<Integer> legs = null;
        long start = e.at().getEpochSecond();
        long end = end(e).getEpochSecond();
        for (int i = 0; i < route.size(); i++) {
            RoutePoint p = route.get(i);
            long when = p.when().getEpochSecond();
            if (when < start) {
                continue;
            }
            double weight = proximity(e, p.location(), positions, i, ports);
            if (weight == 0) {
                continue;
            }
            double s = strength(start, end, when);
            if (s < NEGLIGIBLE) {
                continue;
            }
            if (legs == null) {
                legs = new ArrayList<>(2);
            }
            if (!legs.contains(p.leg())) {
                legs.add(p.leg());
            }
            double q = e.severity() * s * weight;
            if (q > best) {
                best = q;
                bestWeight = weight;
                where = p;
            }
        }
        return where == null ? null : new Touch(e, best, where, how(e, where.location(), bestWeight), legs);
    }
}
