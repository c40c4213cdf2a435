package io.caravan.domain;

import java.time.Instant;
import java.util.List;

/**
 * A product offered by a seller on a marketplace. {@code claims} are structured statements the seller
 * makes, written {@code key:value} (e.g. {@code age:3+}, {@code material:cotton}, {@code certified:CE}).
 */
public record Listing(
        String id,
        Instant at,
        String sellerId,
        String marketplaceId,
        String title,
        String description,
        String category,
        String hsCode,
        List<String> claims,
        Money price) implements Event {

    public Listing {
        claims = List.copyOf(claims);
    }

    @Override
    public RecordType type() {
        return RecordType.LISTING;
    }
}
