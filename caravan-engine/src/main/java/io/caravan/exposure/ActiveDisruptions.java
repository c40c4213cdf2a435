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
        if (when.isBefore(e.at())) {
            return 0;
        }
        Instant end = end(e);
        if (!when.isAfter(end)) {
            return 1;
        }
        double daysAfter = Duration.between(end, when).toMinutes() / 1440.0;
        return Math.pow(0.5, daysAfter / halfLifeDays);
    }

    /** How near a place is to the event, in [0, 1], and in words. */
    private Proximity proximity(Disruption e, Location place, Ports ports) {
        for (Location l : e.area().locations()) {
            if (l.equals(place)) {
                return new Proximity(1, "at " + place);
            }
        }
        double best = 0;
        String how = "";
        if (e.area().hasCircle() && place.isSpecific()) {
            GeoPoint p = ports.position(place).orElse(null);
            if (p != null) {
                double d = p.distanceKm(e.area().centre());
                if (d < e.area().radiusKm()) {
                    best = 1 - d / e.area().radiusKm();
                    how = Math.round(d) + " km from its centre (" + place + ")";
                }
            }
        }
        if (best < countryWeight) {
            for (var c : e.area().countries()) {
                if (c.value().equals(place.code().substring(0, 2))) {
                    best = countryWeight;
                    how = "in " + c + " (" + place + ")";
                    break;
                }
            }
        }
        return new Proximity(best, how);
    }

    private record Proximity(double weight, String how) {
    }

    /** The events that touch a route, each once, largest probability first (ties by id). */
    public List<Touch> touching(List<RoutePoint> route, Ports ports) {
        List<Touch> out = new ArrayList<>(2);
        if (byId.isEmpty()) {
            return out;
        }
        for (E e : byId.values()) {
            double best = 0;
            RoutePoint where = null;
            String how = "";
            List<Integer> legs = new ArrayList<>(2);
            for (RoutePoint p : route) {
                double s = strength(e, p.when());
                if (s == 0) {
                    continue;
                }
                Proximity prox = proximity(e, p.location(), ports);
                if (prox.weight == 0) {
                    continue;
                }
                if (!legs.contains(p.leg())) {
                    legs.add(p.leg());
                }
                double q = e.severity() * s * prox.weight;
                if (q > best) {
                    best = q;
                    where = p;
                    how = prox.how;
                }
            }
            if (where != null) {
                out.add(new Touch(e, best, where, how, legs));
            }
        }
        out.sort((a, b) -> a.probability() != b.probability()
                ? Double.compare(b.probability(), a.probability()) : a.event().id().compareTo(b.event().id()));
        return out;
    }
}
