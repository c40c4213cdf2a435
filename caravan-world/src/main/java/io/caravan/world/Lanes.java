package io.caravan.world;

import java.util.List;
import java.util.Map;

/**
 * Real trade lanes of cross-border e-commerce: origin countries with their share of sellers, the
 * destinations each ships to with weights, and the ports used (UN/LOCODEs present in ports.csv).
 */
final class Lanes {

    record Destination(String country, double weight) {
    }

    record Origin(String country, double share, List<Destination> destinations) {
    }

    static final List<Origin> ORIGINS = List.of(
            new Origin("CN", 0.46, List.of(d("US", .30), d("DE", .12), d("GB", .10), d("FR", .06), d("NL", .04),
                    d("JP", .05), d("AU", .06), d("CA", .05), d("BR", .04), d("MX", .04), d("ES", .03), d("IT", .03),
                    d("SA", .02), d("AE", .02), d("KR", .02), d("ZA", .01), d("NG", .01), d("KE", .005), d("EG", .005),
                    d("CL", .01), d("CO", .01), d("PH", .01), d("TW", .005), d("HK", .01), d("AR", .005), d("PE", .005),
                    d("SE", .01), d("BE", .01), d("PL", .01))),
            new Origin("VN", 0.08, List.of(d("US", .5), d("DE", .2), d("JP", .15), d("AU", .15))),
            new Origin("TR", 0.06, List.of(d("DE", .5), d("GB", .25), d("NL", .1), d("FR", .15))),
            new Origin("MX", 0.05, List.of(d("US", .85), d("CA", .15))),
            new Origin("IN", 0.06, List.of(d("GB", .35), d("US", .35), d("AE", .15), d("DE", .15))),
            new Origin("KR", 0.04, List.of(d("US", .6), d("JP", .2), d("AU", .2))),
            new Origin("TH", 0.03, List.of(d("AU", .4), d("US", .3), d("JP", .3))),
            new Origin("MY", 0.02, List.of(d("AU", .5), d("GB", .5))),
            new Origin("ID", 0.02, List.of(d("AU", .6), d("US", .4))),
            new Origin("BD", 0.03, List.of(d("DE", .5), d("GB", .3), d("US", .2))),
            new Origin("PK", 0.02, List.of(d("GB", .6), d("US", .4))),
            new Origin("PL", 0.03, List.of(d("DE", .7), d("GB", .3))),
            new Origin("IT", 0.03, List.of(d("US", .5), d("GB", .3), d("JP", .2))),
            new Origin("US", 0.04, List.of(d("CA", .5), d("MX", .2), d("GB", .15), d("AU", .15))),
            new Origin("DE", 0.03, List.of(d("US", .4), d("GB", .3), d("PL", .3))));

    /** Ports by country; the first is the main one. */
    static final Map<String, List<String>> PORTS = Map.ofEntries(
            Map.entry("CN", List.of("CNSGH", "CNYTN", "CNQIN", "CNTXG")), Map.entry("VN", List.of("VNSGN", "VNHPH")),
            Map.entry("TR", List.of("TRIST", "TRMER")), Map.entry("MX", List.of("MXZLO", "MXVER")),
            Map.entry("IN", List.of("INNSA", "INMUN")), Map.entry("KR", List.of("KRPUS")),
            Map.entry("DE", List.of("DEHAM", "DEBRV")), Map.entry("PL", List.of("PLGDN")),
            Map.entry("US", List.of("USLAX", "USLGB", "USNYC", "USSAV", "USSEA")), Map.entry("GB", List.of("GBFXT", "GBSOU")),
            Map.entry("FR", List.of("FRLEH")), Map.entry("NL", List.of("NLRTM")), Map.entry("BE", List.of("BEANR")),
            Map.entry("IT", List.of("ITGOA")), Map.entry("ES", List.of("ESVLC", "ESALG")), Map.entry("SE", List.of("SEGOT")),
            Map.entry("JP", List.of("JPTYO", "JPYOK")), Map.entry("AU", List.of("AUSYD", "AUMEL")),
            Map.entry("CA", List.of("CAVAN", "CAMTR")), Map.entry("BR", List.of("BRSSZ")), Map.entry("TH", List.of("THLCH")),
            Map.entry("MY", List.of("MYPKG", "MYTPP")), Map.entry("ID", List.of("IDJKT")), Map.entry("BD", List.of("BDCGP")),
            Map.entry("PK", List.of("PKKHI")), Map.entry("AE", List.of("AEJEA")), Map.entry("SA", List.of("SAJED")),
            Map.entry("ZA", List.of("ZADUR")), Map.entry("NG", List.of("NGLOS")), Map.entry("KE", List.of("KEMBA")),
            Map.entry("EG", List.of("EGPSD")), Map.entry("CL", List.of("CLSAI")), Map.entry("CO", List.of("COCTG")),
            Map.entry("PH", List.of("PHMNL")), Map.entry("TW", List.of("TWKHH")), Map.entry("HK", List.of("HKHKG")),
            Map.entry("IR", List.of("IRBND")), Map.entry("AR", List.of("ARBUE")), Map.entry("PE", List.of("PECLL")));

    /** Lanes carried by road door to door. */
    static boolean byRoad(String from, String to) {
        String lane = from + to;
        return List.of("TRDE", "TRNL", "TRFR", "MXUS", "MXCA", "PLDE", "PLGB", "USCA", "USMX", "DEGB", "DEPL", "TRGB")
                .contains(lane);
    }

    private static Destination d(String country, double weight) {
        return new Destination(country, weight);
    }

    private Lanes() {
    }
}
