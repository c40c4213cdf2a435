package io.caravan.domain;

import java.time.Instant;
import java.util.List;

/**
 * A buyer's order with a merchant on a marketplace. {@code shipmentId} names the shipment that carries
 * it (empty until booked); {@code promisedBy} is the delivery date promised to the buyer.
 */
public record Order(
        String id,
        Instant at,
        String merchantId,
        String marketplaceId,
        String buyerId,
        CountryCode buyerCountry,
        CountryCode shipFrom,
        CountryCode shipTo,
        List<OrderItem> items,
        Instant promisedBy,
        String shipmentId) implements Event {

    public Order {
        items = List.copyOf(items);
    }

    @Override
    public RecordType type() {
        return RecordType.ORDER;
    }
}
