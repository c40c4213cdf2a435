package io.caravan.json;

import io.caravan.domain.Area;
import io.caravan.domain.BeneficialOwner;
import io.caravan.domain.Disruption;
import io.caravan.domain.Event;
import io.caravan.domain.HazardEvent;
import io.caravan.domain.Leg;
import io.caravan.domain.Listing;
import io.caravan.domain.Location;
import io.caravan.domain.Money;
import io.caravan.domain.Order;
import io.caravan.domain.OrderItem;
import io.caravan.domain.Outcome;
import io.caravan.domain.Participant;
import io.caravan.domain.Payment;
import io.caravan.domain.PaymentParty;
import io.caravan.domain.PoliticalEvent;
import io.caravan.domain.Qualification;
import io.caravan.domain.RegistrationId;
import io.caravan.domain.Shipment;
import io.caravan.domain.TrackingEvent;
import io.caravan.domain.CountryCode;
import tools.jackson.core.JsonGenerator;

import java.io.Closeable;
import java.io.Writer;
import java.time.Instant;

/** Writes domain records as JSON Lines in their schema (docs/data-formats.md), one record per line. */
public final class EventWriter implements Closeable {

    private final Writer out;
    private final JsonGenerator g;
    private long written;

    public EventWriter(Writer out) {
        this.out = out;
        this.g = Json.mapper().createGenerator(out);
    }

    /** A writer of single records straight to UTF-8 bytes: {@link #toJsonBytes}. */
    private EventWriter(JsonGenerator g) {
        this.out = null;
        this.g = g;
    }

    /**
     * One record as one line of JSON in UTF-8, without the line end: the canonical form whose digest tells a
     * replayed record from a changed one. Written by the plain token stream into the thread's reused buffer, so
     * a record costs one array of its own length.
     */
    public static byte[] toJsonBytes(Event e) {
        Utf8Buffer buffer = Utf8Buffer.get();
        try (JsonGenerator g = Json.mapper().tokenStreamFactory().createGenerator(buffer)) {
            new EventWriter(g).write(e);
        }
        return buffer.take();
    }

    /** One record as one line of JSON, without the line end. */
    public static String toJson(Event e) {
        return new String(toJsonBytes(e), java.nio.charset.StandardCharsets.UTF_8);
    }

    public void write(Event e) {
        g.writeStartObject();
        g.writeStringProperty("schema", Schemas.of(e.type()));
        g.writeStringProperty("id", e.id());
        g.writeStringProperty("at", e.at().toString());
        if (e instanceof Participant p) {
            participant(p);
        } else if (e instanceof Order o) {
            order(o);
        } else if (e instanceof Payment p) {
            payment(p);
        } else if (e instanceof Shipment s) {
            shipment(s);
        } else if (e instanceof TrackingEvent t) {
            g.writeStringProperty("shipment_id", t.shipmentId());
            g.writeNumberProperty("leg", t.leg());
            g.writeStringProperty("status", t.status().name());
            g.writeStringProperty("location", t.location().code());
        } else if (e instanceof Listing l) {
            listing(l);
        } else if (e instanceof Outcome o) {
            g.writeStringProperty("kind", o.kind().name());
            g.writeStringProperty("participant_id", o.participantId());
            optional("order_id", o.orderId());
            money("amount", o.amount());
        } else if (e instanceof HazardEvent h) {
            g.writeStringProperty("kind", h.kind().name());
            disruption(h);
        } else if (e instanceof PoliticalEvent p) {
            g.writeStringProperty("kind", p.kind().name());
            disruption(p);
        }
        g.writeEndObject();
        written++;
    }

    private void participant(Participant p) {
        g.writeStringProperty("kind", p.kind().name());
        g.writeStringProperty("legal_name", p.legalName());
        strings("aliases", p.aliases());
        g.writeStringProperty("country", p.country().value());
        g.writeArrayPropertyStart("registrations");
        for (RegistrationId r : p.registrations()) {
            g.writeStartObject();
            g.writeStringProperty("scheme", r.scheme());
            g.writeStringProperty("value", r.value());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("beneficial_owners");
        for (BeneficialOwner o : p.owners()) {
            g.writeStartObject();
            g.writeStringProperty("name", o.name());
            g.writeStringProperty("country", o.country().value());
            g.writeNumberProperty("share", o.share());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("qualifications");
        for (Qualification q : p.qualifications()) {
            g.writeStartObject();
            g.writeStringProperty("type", q.type());
            g.writeStringProperty("number", q.number());
            g.writeStringProperty("issuer", q.issuer());
            g.writeStringProperty("valid_from", q.validFrom().toString());
            g.writeStringProperty("valid_until", q.validUntil().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void order(Order o) {
        g.writeStringProperty("merchant_id", o.merchantId());
        optional("marketplace_id", o.marketplaceId());
        optional("buyer_id", o.buyerId());
        g.writeStringProperty("buyer_country", o.buyerCountry().value());
        g.writeStringProperty("ship_from", o.shipFrom().value());
        g.writeStringProperty("ship_to", o.shipTo().value());
        g.writeArrayPropertyStart("items");
        for (OrderItem i : o.items()) {
            g.writeStartObject();
            g.writeStringProperty("sku", i.sku());
            optional("listing_id", i.listingId());
            g.writeStringProperty("hs_code", i.hsCode());
            optional("category", i.category());
            g.writeNumberProperty("quantity", i.quantity());
            money("unit_value", i.unitValue());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringProperty("promised_by", o.promisedBy().toString());
        optional("shipment_id", o.shipmentId());
    }

    private void payment(Payment p) {
        optional("order_id", p.orderId());
        party("payer", p.payer());
        party("payee", p.payee());
        money("amount", p.amount());
        g.writeStringProperty("method", p.method().name());
        optional("provider_id", p.providerId());
        g.writeStringProperty("status", p.status().name());
    }

    private void party(String name, PaymentParty p) {
        g.writeObjectPropertyStart(name);
        g.writeStringProperty("name", p.name());
        g.writeStringProperty("account", p.account());
        g.writeStringProperty("country", p.country().value());
        g.writeEndObject();
    }

    private void shipment(Shipment s) {
        optional("order_id", s.orderId());
        optional("forwarder_id", s.forwarderId());
        g.writeArrayPropertyStart("legs");
        for (Leg l : s.legs()) {
            g.writeStartObject();
            g.writeNumberProperty("sequence", l.sequence());
            g.writeStringProperty("mode", l.mode().name());
            g.writeStringProperty("carrier_id", l.carrierId());
            g.writeStringProperty("from", l.from().code());
            g.writeStringProperty("to", l.to().code());
            g.writeStringProperty("planned_departure", l.plannedDeparture().toString());
            g.writeStringProperty("planned_arrival", l.plannedArrival().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void listing(Listing l) {
        g.writeStringProperty("seller_id", l.sellerId());
        optional("marketplace_id", l.marketplaceId());
        g.writeStringProperty("title", l.title());
        optional("description", l.description());
        g.writeStringProperty("category", l.category());
        optional("hs_code", l.hsCode());
        strings("claims", l.claims());
        money("price", l.price());
    }

    private void disruption(Disruption d) {
        g.writeStringProperty("name", d.name());
        g.writeNumberProperty("severity", d.severity());
        if (!d.until().equals(Instant.MAX)) {
            g.writeStringProperty("until", d.until().toString());
        }
        g.writeNumberProperty("delay_days", d.delayDays());
        Area a = d.area();
        g.writeObjectPropertyStart("area");
        g.writeArrayPropertyStart("countries");
        for (CountryCode c : a.countries()) {
            g.writeString(c.value());
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("locations");
        for (Location l : a.locations()) {
            g.writeString(l.code());
        }
        g.writeEndArray();
        if (a.hasCircle()) {
            g.writeObjectPropertyStart("centre");
            g.writeNumberProperty("lat", a.centre().lat());
            g.writeNumberProperty("lon", a.centre().lon());
            g.writeEndObject();
            g.writeNumberProperty("radius_km", a.radiusKm());
        }
        g.writeEndObject();
    }

    private void money(String name, Money m) {
        g.writeObjectPropertyStart(name);
        g.writeStringProperty("amount", m.amount().toPlainString());
        g.writeStringProperty("currency", m.currency());
        g.writeEndObject();
    }

    private void optional(String name, String value) {
        if (!value.isEmpty()) {
            g.writeStringProperty(name, value);
        }
    }

    private void strings(String name, java.util.List<String> values) {
        g.writeArrayPropertyStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** Ends the last line and closes the file. */
    @Override
    public void close() throws java.io.IOException {
        g.flush();
        if (written > 0) {
            out.write('\n');
        }
        g.close();
        out.close();
    }
}
