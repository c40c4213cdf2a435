package io.caravan.domain;

/** A natural person who ultimately owns or controls a participant; share is in [0, 1]. */
public record BeneficialOwner(String name, CountryCode country, double share) implements java.io.Serializable {
}
