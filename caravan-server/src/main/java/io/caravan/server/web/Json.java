package io.caravan.server.web;

/** Small JSON text helpers for hand-built bodies. */
public final class Json {

    private Json() {
    }

    /** A JSON string literal. */
    public static String quote(String s) {
        return Problems.quote(s);
    }
}
