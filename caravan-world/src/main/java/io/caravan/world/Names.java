package io.caravan.world;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Invented but plausible names of companies and people, by country. */
final class Names {

    private static final Map<String, List<String>> PLACES = Map.ofEntries(
            Map.entry("CN", List.of("Shenzhen", "Yiwu", "Ningbo", "Guangzhou", "Dongguan", "Hangzhou", "Xiamen", "Suzhou")),
            Map.entry("VN", List.of("Saigon", "Hanoi", "Haiphong", "Binh Duong", "Da Nang")),
            Map.entry("TR", List.of("Istanbul", "Bursa", "Izmir", "Denizli", "Gaziantep")),
            Map.entry("MX", List.of("Monterrey", "Guadalajara", "Tijuana", "Puebla")),
            Map.entry("IN", List.of("Tiruppur", "Surat", "Jaipur", "Moradabad", "Ludhiana")),
            Map.entry("KR", List.of("Busan", "Incheon", "Daegu", "Seoul")),
            Map.entry("DE", List.of("Hamburg", "Leipzig", "Nordlicht", "Rhein", "Bayern")),
            Map.entry("PL", List.of("Gdansk", "Lodz", "Poznan", "Wroclaw")),
            Map.entry("US", List.of("Lakeside", "Pacific", "Hudson", "Prairie", "Summit")),
            Map.entry("JP", List.of("Osaka", "Nagoya", "Kobe", "Sakura")),
            Map.entry("TH", List.of("Siam", "Chao Phraya", "Lanna")),
            Map.entry("MY", List.of("Penang", "Johor", "Selangor")),
            Map.entry("ID", List.of("Bandung", "Surabaya", "Nusantara")),
            Map.entry("BD", List.of("Dhaka", "Chittagong", "Gazipur")),
            Map.entry("PK", List.of("Sialkot", "Lahore", "Karachi")),
            Map.entry("IT", List.of("Prato", "Milano", "Veneto")),
            Map.entry("GB", List.of("Thames", "Pennine", "Mersey")));

    private static final List<String> TRADES = List.of("Trading", "Import & Export", "Commerce", "Supply", "Industrial",
            "Technology", "Textile", "Home Goods", "Electronics", "Crafts", "Manufacturing", "E-Commerce");
    private static final List<String> COINED = List.of("Xinda", "Hengli", "Jinfeng", "Ruifeng", "Baolong", "Tianrui",
            "Mingde", "Haoyun", "Kaida", "Lianfa", "Sunrise", "Evergreen", "Bluepeak", "Goldbridge", "Starline", "Anchor",
            "Nova", "Orbit", "Vertex", "Harbor", "Lotus", "Jade", "Cedar", "Falcon", "Meridian", "Atlas", "Zenith",
            "Coral", "Aurora", "Maple", "Tidal", "Silverleaf", "Redwood", "Sapphire", "Amber", "Granite");

    private static final Map<String, String> LEGAL_FORM = Map.ofEntries(
            Map.entry("CN", "Co., Ltd."), Map.entry("VN", "JSC"), Map.entry("TR", "A.S."), Map.entry("MX", "S.A. de C.V."),
            Map.entry("IN", "Pvt. Ltd."), Map.entry("KR", "Co., Ltd."), Map.entry("DE", "GmbH"), Map.entry("PL", "Sp. z o.o."),
            Map.entry("US", "LLC"), Map.entry("JP", "K.K."), Map.entry("TH", "Co., Ltd."), Map.entry("MY", "Sdn. Bhd."),
            Map.entry("ID", "PT"), Map.entry("BD", "Ltd."), Map.entry("PK", "(Pvt) Ltd."), Map.entry("IT", "S.r.l."),
            Map.entry("GB", "Ltd"));

    private static final Map<String, List<String>> GIVEN = Map.of(
            "CN", List.of("Wei", "Fang", "Jun", "Li", "Hui", "Ming", "Xiu", "Yan", "Tao", "Lei"),
            "default", List.of("Anna", "David", "Maria", "Omar", "Elena", "James", "Sofia", "Ahmet", "Priya", "Lucas",
                    "Nadia", "Kenji", "Fatima", "Carlos", "Emma", "Viktor", "Amara", "Liam", "Hana", "Mateo"));
    private static final Map<String, List<String>> FAMILY = Map.of(
            "CN", List.of("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou"),
            "default", List.of("Novak", "Garcia", "Kim", "Nguyen", "Yilmaz", "Schmidt", "Rossi", "Tanaka", "Khan",
                    "Silva", "Kowalski", "Smith", "Haddad", "Okafor", "Ivanova", "Martin", "Sato", "Lopez", "Weber", "Das"));

    private Names() {
    }

    static String company(SplittableRandom r, String country) {
        List<String> places = PLACES.getOrDefault(country, PLACES.get("US"));
        String place = places.get(r.nextInt(places.size()));
        String coined = COINED.get(r.nextInt(COINED.size()));
        String trade = TRADES.get(r.nextInt(TRADES.size()));
        String form = LEGAL_FORM.getOrDefault(country, "Ltd.");
        return country.equals("ID") ? form + " " + coined + " " + place + " " + trade : place + " " + coined + " " + trade + " " + form;
    }

    static String person(SplittableRandom r, String country) {
        String key = country.equals("CN") ? "CN" : "default";
        List<String> g = GIVEN.get(key);
        List<String> f = FAMILY.get(key);
        return g.get(r.nextInt(g.size())) + " " + f.get(r.nextInt(f.size()));
    }

    static String brand(SplittableRandom r) {
        return COINED.get(r.nextInt(COINED.size()));
    }
}
