package io.caravan.json;

import io.caravan.domain.Area;
import io.caravan.domain.BeneficialOwner;
import io.caravan.domain.Event;
import io.caravan.domain.GeoPoint;
import io.caravan.domain.HazardEvent;
import io.caravan.domain.HazardKind;
import io.caravan.domain.Leg;
import io.caravan.domain.Listing;
import io.caravan.domain.Order;
import io.caravan.domain.OrderItem;
import io.caravan.domain.Outcome;
import io.caravan.domain.OutcomeKind;
import io.caravan.domain.Participant;
import io.caravan.domain.ParticipantKind;
import io.caravan.domain.Payment;
import io.caravan.domain.PaymentMethod;
import io.caravan.domain.PaymentParty;
import io.caravan.domain.PaymentStatus;
import io.caravan.domain.PoliticalEvent;
import io.caravan.domain.PoliticalEventKind;
import io.caravan.domain.Qualification;
import io.caravan.domain.RecordType;
import io.caravan.domain.RegistrationId;
import io.caravan.domain.Shipment;
import io.caravan.domain.TrackingEvent;
import io.caravan.domain.TrackingStatus;
import io.caravan.domain.TransportMode;
import io.caravan.domain.Location;
import io.caravan.domain.CountryCode;

import java.time.Instant;
import java.util.List;

/** Maps checked JSON fields to domain records, one method per record type (docs/data-formats.md). */
final class EventDecoder {

    private EventDecoder() {
    }

    static Event decode(RecordType type, Fields f) {
        return switch (type) {
            case PARTICIPANT -> participant(f);
            case ORDER -> order(f);
            case PAYMENT -> payment(f);
            case SHIPMENT -> shipment(f);
            case TRACKING -> tracking(f);
            case LISTING -> listing(f);
            case OUTCOME -> outcome(f);
            case HAZARD -> hazard(f);
            case POLITICAL -> political(f);
        };
    }

    static Participant participant(Fields f) {
        return new Participant(f.text("id"), f.instant("at"), f.enumValue("kind", ParticipantKind.class),
                f.text("legal_name"), f.texts("aliases"), f.country("country"),
                f.objects("registrations", false, r -> new RegistrationId(r.text("scheme"), r.text("value"))),
                f.objects("beneficial_owners", false, o -> {
                    double share = o.number("share");
                    if (!(share > 0 && share <= 1)) {
                        throw o.invalid("share", "must be a fraction in (0, 1], got " + share);
                    }
                    return new BeneficialOwner(o.text("name"), o.country("country"), share);
                }),
                f.objects("qualifications", false, q -> {
                    var from = q.date("valid_from");
                    var until = q.date("valid_until");
                    if (until.isBefore(from)) {
                        throw q.invalid("valid_until", until + " is before valid_from " + from);
                    }
                    return new Qualification(q.text("type"), q.text("number"), q.text("issuer"), from, until);
                }));
    }

    static Order order(Fields f) {
        Instant at = f.instant("at");
        Instant promised = f.instant("promised_by");
        if (promised.isBefore(at)) {
            throw f.invalid("promised_by", promised + " is before the order was placed (" + at + ")");
        }
        return new Order(f.text("id"), at, f.text("merchant_id"), f.optText("marketplace_id"), f.optText("buyer_id"),
                f.country("buyer_country"), f.country("ship_from"), f.country("ship_to"),
                f.objects("items", true, i -> {
                    int qty = i.integer("quantity");
                    if (qty <= 0) {
                        throw i.invalid("quantity", "must be at least 1, got " + qty);
                    }
                    String hs = i.text("hs_code");
                    if (hs.length() < 4 || hs.length() > 10 || !hs.chars().allMatch(Character::isDigit)) {
                        throw i.invalid("hs_code", "'" + hs + "' is not an HS code of 4 to 10 digits such as \"950300\"");
                    }
                    return new OrderItem(i.text("sku"), i.optText("listing_id"), hs, i.optText("category"), qty,
                            i.money("unit_value"));
                }),
                promised, f.optText("shipment_id"));
    }

    static Payment payment(Fields f) {
        return new Payment(f.text("id"), f.instant("at"), f.optText("order_id"), party(f.object("payer")),
                party(f.object("payee")), f.money("amount"), f.enumValue("method", PaymentMethod.class),
                f.optText("provider_id"), f.enumValue("status", PaymentStatus.class));
    }

    private static PaymentParty party(Fields f) {
        return new PaymentParty(f.text("name"), f.text("account"), f.country("country"));
    }

    static Shipment shipment(Fields f) {
        List<Leg> legs = f.objects("legs", true, l -> {
            Instant dep = l.instant("planned_departure");
            Instant arr = l.instant("planned_arrival");
            if (arr.isBefore(dep)) {
                throw l.invalid("planned_arrival", arr + " is before planned_departure " + dep);
            }
            return new Leg(l.integer("sequence"), l.enumValue("mode", TransportMode.class), l.text("carrier_id"),
                    l.location("from"), l.location("to"), dep, arr);
        });
        for (int i = 0; i < legs.size(); i++) {
            if (legs.get(i).sequence() != i + 1) {
                throw f.invalid("legs[" + i + "].sequence", "legs must be numbered 1, 2, 3 … in route order; expected "
                        + (i + 1) + ", got " + legs.get(i).sequence());
            }
        }
        return new Shipment(f.text("id"), f.instant("at"), f.optText("order_id"), f.optText("forwarder_id"), legs);
    }

    static TrackingEvent tracking(Fields f) {
        int leg = f.integer("leg");
        if (leg < 1) {
            throw f.invalid("leg", "legs are numbered from 1, got " + leg);
        }
        return new TrackingEvent(f.text("id"), f.instant("at"), f.text("shipment_id"), leg,
                f.enumValue("status", TrackingStatus.class), f.location("location"));
    }

    static Listing listing(Fields f) {
        return new Listing(f.text("id"), f.instant("at"), f.text("seller_id"), f.optText("marketplace_id"),
                f.text("title"), f.optText("description"), f.text("category"), f.optText("hs_code"), f.texts("claims"),
                f.money("price"));
    }

    static Outcome outcome(Fields f) {
        return new Outcome(f.text("id"), f.instant("at"), f.enumValue("kind", OutcomeKind.class), f.text("participant_id"),
                f.optText("order_id"), f.has("amount") ? f.money("amount") : io.caravan.domain.Money.of("0", "USD"));
    }

    private static Area area(Fields f) {
        Fields a = f.object("area");
        List<CountryCode> countries = a.mapTexts("countries", CountryCode::of);
        List<Location> locations = a.mapTexts("locations", Location::of);
        GeoPoint centre = Area.NO_CENTRE;
        double radius = 0;
        if (a.has("centre")) {
            Fields c = a.object("centre");
            try {
                centre = new GeoPoint(c.number("lat"), c.number("lon"));
            } catch (IllegalArgumentException e) {
                throw a.invalid("centre", e.getMessage());
            }
            radius = a.number("radius_km");
            if (!(radius > 0)) {
                throw a.invalid("radius_km", "must be positive when a centre is given, got " + radius);
            }
        }
        if (countries.isEmpty() && locations.isEmpty() && radius == 0) {
            throw f.invalid("area", "names no country, location or circle; an event must touch somewhere");
        }
        return new Area(countries, locations, centre, radius);
    }

    private static double severity(Fields f) {
        double s = f.number("severity");
        if (!(s > 0 && s <= 1)) {
            throw f.invalid("severity", "must be a probability in (0, 1], got " + s);
        }
        return s;
    }

    private static int delayDays(Fields f) {
        int d = f.integer("delay_days");
        if (d < 0) {
            throw f.invalid("delay_days", "must not be negative, got " + d);
        }
        return d;
    }

    static HazardEvent hazard(Fields f) {
        return new HazardEvent(f.text("id"), f.instant("at"), f.enumValue("kind", HazardKind.class), f.text("name"),
                severity(f), f.optInstant("until"), area(f), delayDays(f));
    }

    static PoliticalEvent political(Fields f) {
        return new PoliticalEvent(f.text("id"), f.instant("at"), f.enumValue("kind", PoliticalEventKind.class),
                f.text("name"), severity(f), f.optInstant("until"), area(f), delayDays(f));
    }
}
