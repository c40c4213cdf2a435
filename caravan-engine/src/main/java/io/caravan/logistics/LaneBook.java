package io.caravan.logistics;

import io.caravan.domain.Leg;
import io.caravan.domain.Shipment;
import io.caravan.domain.TrackingEvent;
import io.caravan.domain.TrackingStatus;
import io.caravan.domain.TransportMode;
import io.caravan.reference.ReferenceDataException;
import io.caravan.reference.Settings;
import io.caravan.risk.DelayDistribution;

import java.io.Serializable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Keyed state: per carrier lane (carrier, from, to, mode), the count of arrivals by whole days of delay;
 * and the shipments in flight, so that an arrival scan can be compared with its leg's plan.
 *
 * <p>A leg's delay is its own excess transit time: (arrival − departure) − (planned arrival − planned
 * departure), from its DEPARTED and ARRIVED (or DELIVERED) scans, rounded to the nearest whole day and
 * floored at 0 (early counts as on time). Delay inherited from an earlier leg is thus not charged to this
 * one, and a route's delay is the sum of its legs'. Without a departure scan the arrival is compared with
 * the planned arrival. Each leg is counted once, at its first arrival scan. A lane's distribution is shrunk toward its mode's prior (Dirichlet–multinomial, weight
 * {@code logistics.prior.strength} arrivals) and cached until the lane's next arrival.
 */
public final class LaneBook implements Serializable {

    private static final long serialVersionUID = 1L;

    static final class Lane implements Serializable {
        private static final long serialVersionUID = 1L;
        final long[] counts = new long[DelayDistribution.MAX_DAYS + 1];
        long arrivals;
        long totalDelayDays;
        transient DelayDistribution cached;
    }

    private final Map<String, Lane> lanes = new HashMap<>();
    private final Map<String, Shipment> inFlight = new HashMap<>();
    private final Map<String, Long> legsSeen = new HashMap<>();
    private final Map<String, long[]> departures = new HashMap<>();
    private final EnumMap<TransportMode, DelayDistribution> priors = new EnumMap<>(TransportMode.class);
    private final double priorStrength;

    public LaneBook(Settings settings) {
        this.priorStrength = settings.number("logistics.prior.strength");
        for (TransportMode mode : TransportMode.values()) {
            String key = "logistics.prior." + mode.name();
            String[] parts = settings.text(key).split(",");
            double[] p = new double[parts.length];
            try {
                for (int i = 0; i < parts.length; i++) {
                    p[i] = Double.parseDouble(parts[i].trim());
                }
                priors.put(mode, DelayDistribution.of(p));
            } catch (IllegalArgumentException e) {
                throw new ReferenceDataException("caravan.properties", 0, key,
                        "needs comma-separated probabilities of 0, 1, 2 … days of delay adding up to 1: " + e.getMessage());
            }
        }
    }

    public static String laneKey(Leg leg) {
        return leg.carrierId() + '|' + leg.from().code() + '|' + leg.to().code() + '|' + leg.mode().name();
    }

    public void shipmentBooked(Shipment shipment) {
        inFlight.put(shipment.id(), shipment);
    }

    /** Learns from an arrival scan; other scans, and scans of unknown shipments, teach nothing. */
    public void scanned(TrackingEvent scan) {
        Shipment s = inFlight.get(scan.shipmentId());
        if (s == null || scan.leg() < 1 || scan.leg() > s.legs().size()) {
            return;
        }
        if (scan.status() == TrackingStatus.DEPARTED) {
            long[] d = departures.computeIfAbsent(s.id(), k -> new long[s.legs().size()]);
            if (d[scan.leg() - 1] == 0) {
                d[scan.leg() - 1] = scan.at().getEpochSecond();
            }
            return;
        }
        if (scan.status() != TrackingStatus.ARRIVED && scan.status() != TrackingStatus.DELIVERED) {
            return;
        }
        long seen = legsSeen.getOrDefault(s.id(), 0L);
        long bit = 1L << Math.min(scan.leg(), 63);
        if ((seen & bit) != 0) {
            return;
        }
        legsSeen.put(s.id(), seen | bit);
        Leg leg = s.legs().get(scan.leg() - 1);
        long[] dep = departures.get(s.id());
        long minutes;
        if (dep != null && dep[scan.leg() - 1] != 0) {
            long planned = Duration.between(leg.plannedDeparture(), leg.plannedArrival()).toMinutes();
            minutes = (scan.at().getEpochSecond() - dep[scan.leg() - 1]) / 60 - planned;
        } else {
            minutes = Duration.between(leg.plannedArrival(), scan.at()).toMinutes();
        }
        long days = Math.floorDiv(minutes + 720, 1440);
        Lane lane = lanes.computeIfAbsent(laneKey(leg), k -> new Lane());
        int bin = DelayDistribution.bin(days);
        lane.counts[bin]++;
        lane.arrivals++;
        lane.totalDelayDays += bin;
        lane.cached = null;
        if (scan.leg() == s.legs().size()) {
            inFlight.remove(s.id());
            legsSeen.remove(s.id());
            departures.remove(s.id());
        }
    }

    /** What is known of a lane: its key, its shrunk delay distribution and the arrivals behind it. */
    public record LaneView(String key, DelayDistribution distribution, long arrivals) {
    }

    /** The lane of a leg, with one map lookup. */
    public LaneView lane(Leg leg) {
        String key = laneKey(leg);
        Lane lane = lanes.get(key);
        if (lane == null) {
            return new LaneView(key, priors.get(leg.mode()), 0);
        }
        if (lane.cached == null) {
            lane.cached = DelayDistribution.fromCounts(lane.counts, priors.get(leg.mode()), priorStrength);
        }
        return new LaneView(key, lane.cached, lane.arrivals);
    }

    /** The shrunk delay distribution of a leg's lane. */
    public DelayDistribution distribution(Leg leg) {
        return lane(leg).distribution();
    }

    /** Arrivals observed on a leg's lane. */
    public long arrivals(Leg leg) {
        return lane(leg).arrivals();
    }

    public Shipment shipment(String id) {
        return inFlight.get(id);
    }

    public double priorStrength() {
        return priorStrength;
    }

    public int lanes() {
        return lanes.size();
    }

    /** The shipments booked and not yet delivered, in no particular order. */
    public java.util.Collection<Shipment> inFlightShipments() {
        return java.util.Collections.unmodifiableCollection(inFlight.values());
    }

    public int inFlight() {
        return inFlight.size();
    }
}
