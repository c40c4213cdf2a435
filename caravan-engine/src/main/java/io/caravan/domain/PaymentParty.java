package io.caravan.domain;

/** One side of a payment as the payment rails see it: a name, an account and the account's country. */
public record PaymentParty(String name, String account, CountryCode country) implements java.io.Serializable {
}
