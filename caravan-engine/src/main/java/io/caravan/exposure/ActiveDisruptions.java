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

    /** How near a place is to the event, in [0, 1]. Allocation-free: it runs for every point of every route. */
    private double proximity(Disruption e, Location place, Ports ports) {
        List<Location> locations = e.area().locations();
        for (int i = 0; i < locations.size(); i++) {
            if (locations.get(i).code().equals(place.code())) {
                return 1;
            }
        }
        double best = 0;
        if (e.area().hasCircle() && place.isSpecific()) {
            GeoPoint p = ports.position(place).orElse(null);
            if (p != null) {
                double d = p.distanceKm(e.area().centre());
                if (d < e.area().radiusKm()) {
                    best = 1 - d / e.area().radiusKm();
                }
            }
        }
        if (best < countryWeight) {
            List<io.caravan.domain.CountryCode> countries = e.area().countries();
            String code = place.code();
            for (int i = 0; i < countries.size(); i++) {
                String c = countries.get(i).value();
                if (c.charAt(0) == code.charAt(0) && c.charAt(1) == code.charAt(1)) {
                    return countryWeight;
                }
            }
        }
        return best;
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
        for (E e : byId.values()) {
            double best = 0;
            double bestWeight = 0;
            RoutePoint where = null;
            List<Integer> legs = null;
            long start = e.at().getEpochSecond();
            long end = end(e).getEpochSecond();
            for (int i = 0; i < route.size(); i++) {
                RoutePoint p = route.get(i);
                double s = strength(start, end, p.when().getEpochSecond());
                if (s < NEGLIGIBLE) {
                    continue;
                }
                double weight = proximity(e, p.location(), ports);
                if (weight == 0) {
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
            if (where != null) {
                out.add(new Touch(e, best, where, how(e, where.location(), bestWeight), legs));
            }
        }
        out.sort((a, b) -> a.probability() != b.probability()
                ? Double.compare(b.probability(), a.probability()) : a.event().id().compareTo(b.event().id()));
        return out;
    }
}
