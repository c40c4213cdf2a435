package io.caravan.server.query;

import io.caravan.json.RoundedNumber;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * An assessment's numbers in the API's lists, written as its {@code caravan.assessment.v1} body writes them:
 * probabilities to 6 decimals, money to cents. The columns they are read from keep the engine's full doubles,
 * and so do the records that carry them, for sorting, grading and the dashboard's own formatting; only the
 * JSON is rounded, so that a list shows 8.09 where the column holds 8.093887400392205, the same figure as
 * the body beside it.
 */
final class Rounded {

    private Rounded() {
    }

    /** A number rounded to a fixed count of decimals, in the characters the assessment format writes it with. */
    private abstract static class ToDecimals extends StdSerializer<Double> {
        private final int decimals;

        ToDecimals(int decimals) {
            super(Double.class);
            this.decimals = decimals;
        }

        @Override
        public void serialize(Double x, JsonGenerator g, SerializationContext context) {
            RoundedNumber.write(g, x, decimals);
        }
    }

    /** A probability to 6 decimals. */
    static final class Probability extends ToDecimals {
        Probability() {
            super(6);
        }
    }

    /** An amount of US dollars to the cent. */
    static final class Usd extends ToDecimals {
        Usd() {
            super(2);
        }
    }
}
