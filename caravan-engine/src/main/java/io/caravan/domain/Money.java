package io.caravan.domain;

import java.math.BigDecimal;

/** An amount in an ISO 4217 currency. */
public record Money(BigDecimal amount, String currency) implements java.io.Serializable {

    public Money {
        if (amount == null) {
            throw new IllegalArgumentException("amount is missing");
        }
        if (currency == null || currency.length() != 3 || !isUpper(currency)) {
            throw new IllegalArgumentException("'" + currency + "' is not an ISO 4217 currency code (e.g. USD)");
        }
    }

    private static boolean isUpper(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 'A' || s.charAt(i) > 'Z') {
                return false;
            }
        }
        return true;
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public Money times(int quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
