package io.caravan.domain;

/** One line of an order. {@code hsCode} has 4 to 10 digits; {@code listingId} is empty when unknown. */
public record OrderItem(String sku, String listingId, String hsCode, String category, int quantity, Money unitValue) implements java.io.Serializable {

    public Money value() {
        return unitValue.times(quantity);
    }
}
