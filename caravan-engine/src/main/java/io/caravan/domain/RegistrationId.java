package io.caravan.domain;

/** An identifier issued by a register, e.g. scheme {@code EORI} value {@code DE123456789012345}. */
public record RegistrationId(String scheme, String value) implements java.io.Serializable {
}
