package io.caravan.risk;

/** Formats probabilities for people: 0.1234 reads "12.3%", 0.0004 reads "0.04%". */
public final class Percent {

    private Percent() {
    }

    public static String of(double p) {
        double pct = p * 100;
        if (pct != 0 && Math.abs(pct) < 0.1) {
            return format(pct, 100) + "%";
        }
        return format(pct, 10) + "%";
    }

    /** A number with one decimal (scale 10) or two (scale 100), without locale effects. */
    static String format(double x, int scale) {
        long r = Math.round(x * scale);
        long whole = r / scale;
        long frac = Math.abs(r % scale);
        String sign = r < 0 && whole == 0 ? "-" : "";
        String fracText = scale == 100 && frac < 10 ? "0" + frac : Long.toString(frac);
        return sign + whole + "." + fracText;
    }

    /** A number with one decimal, e.g. "2.4". */
    public static String format1(double x) {
        return format(x, 10);
    }

    /** An amount of money with two decimals, e.g. "1234.50". */
    public static String money(double amount) {
        return format(amount, 100);
    }
}
