package io.caravan.world;

import io.caravan.domain.Area;
import io.caravan.domain.BeneficialOwner;
import io.caravan.domain.CountryCode;
import io.caravan.domain.Event;
import io.caravan.domain.GeoPoint;
import io.caravan.domain.HazardEvent;
import io.caravan.domain.HazardKind;
import io.caravan.domain.Leg;
import io.caravan.domain.Listing;
import io.caravan.domain.Location;
import io.caravan.domain.Money;
import io.caravan.domain.Order;
import io.caravan.domain.OrderItem;
import io.caravan.domain.Outcome;
import io.caravan.domain.OutcomeKind;
import io.caravan.domain.Participant;
import io.caravan.domain.ParticipantKind;
import io.caravan.domain.Payment;
import io.caravan.domain.PaymentMethod;
import io.caravan.domain.PaymentParty;
import io.caravan.domain.PaymentStatus;
import io.caravan.domain.PoliticalEvent;
import io.caravan.domain.PoliticalEventKind;
import io.caravan.domain.Qualification;
import io.caravan.domain.RegistrationId;
import io.caravan.domain.Shipment;
import io.caravan.domain.TrackingEvent;
import io.caravan.domain.TrackingStatus;
import io.caravan.domain.TransportMode;
import io.caravan.reference.DestinationRule;
import io.caravan.reference.ReferenceData;
import io.caravan.reference.SanctionedParty;
import io.caravan.risk.RiskCategory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Generates a demo world: participants of every kind on real lanes, listings, orders with multi-leg
 * shipments, payments, tracking scans and outcomes over 120 days from 2025-03-01, and the hazard and
 * political events around them. The same seed and order count give the same world, byte for byte.
 *
 * <p>What is planted, and labelled in {@link World#labels()}: unreliable carriers on some lanes (slow
 * legs), bad merchants (frequent disputes and chargebacks), a fraud ring (payer accounts paying in bursts),
 * sanctioned parties under name variants (payers, beneficial owners), copied listings and listings missing
 * disclosures, merchants hiding ownership, expired, missing and expiring qualifications, missing product
 * certificates, prohibited goods, shipments to an embargoed country, a typhoon over Shanghai and a dock
 * strike in Hamburg. Nothing about the plants reaches the engine except through the records themselves.
 */
public final class WorldGenerator {

    public static final Instant START = Instant.parse("2025-03-01T00:00:00Z");
    public static final int DAYS = 120;
    public static final Instant END = START.plus(Duration.ofDays(DAYS));

    private static final Instant TYPHOON_START = START.plus(Duration.ofDays(52));
    private static final Instant TYPHOON_END = START.plus(Duration.ofDays(56));
    private static final Instant STRIKE_START = START.plus(Duration.ofDays(80));
    private static final Instant STRIKE_END = START.plus(Duration.ofDays(86));
    private static final double TYPHOON_SEVERITY = 0.7;
    private static final double STRIKE_SEVERITY = 0.8;
    private static final double BACKLOG_HALF_LIFE_DAYS = 4;
    /** An exposure at least this likely is a planted risk (the engine's review threshold for disruptions). */
    private static final double MATERIAL = 0.15;

    private final ReferenceData reference;

    public WorldGenerator(ReferenceData reference) {
        this.reference = reference;
    }

    /** A participant as the generator knows it, with what is planted in it. */
    private static final class Actor {
        final Participant participant;
        final List<String> categories = new ArrayList<>();
        final List<Listing> listings = new ArrayList<>();
        String homePort = "";
        double weight = 1;
        boolean bad;
        boolean lacksCertificates;
        String currency = "USD";

        Actor(Participant participant) {
            this.participant = participant;
        }

        String id() {
            return participant.id();
        }
    }

    /** A buyer who pays: a person with an account in a country. */
    private record Buyer(String id, PaymentParty party) {
    }

    private static final class Builder {
        final SplittableRandom r;
        final int orders;
        final List<Participant> participants = new ArrayList<>();
        final List<Listing> listings = new ArrayList<>();
        final List<Shipment> shipments = new ArrayList<>();
        final List<Order> orderList = new ArrayList<>();
        final List<Payment> payments = new ArrayList<>();
        final List<TrackingEvent> tracking = new ArrayList<>();
        final List<Outcome> outcomes = new ArrayList<>();
        final List<HazardEvent> hazards = new ArrayList<>();
        final List<PoliticalEvent> political = new ArrayList<>();
        final List<Label> labels = new ArrayList<>();
        final Map<String, Set<String>> labelled = new HashMap<>();
        final List<Actor> merchants = new ArrayList<>();
        final Map<TransportMode, List<Actor>> carriers = new LinkedHashMap<>();
        final List<Actor> forwarders = new ArrayList<>();
        final List<Actor> providers = new ArrayList<>();
        final List<Actor> marketplaces = new ArrayList<>();
        final Map<String, List<Buyer>> buyers = new HashMap<>();
        /** Planted slow lanes: "carrierId|from|to|mode". */
        final Set<String> slowLanes = new TreeSet<>();
        final Map<String, Listing> copied = new HashMap<>();
        final Set<String> undisclosedListings = new java.util.HashSet<>();
        double[] merchantCumulative;
        int seq;

        Builder(long seed, int orders) {
            this.r = new SplittableRandom(seed);
            this.orders = orders;
        }

        void label(String subject, RiskCategory category, String truth, String note) {
            if (labelled.computeIfAbsent(subject, k -> new java.util.HashSet<>()).add(category + "/" + truth)) {
                labels.add(new Label(subject, category, truth, note));
            }
        }
    }

    /** The fewest orders a world is generated with: fewer would leave some planted risks without a case. */
    public static final int MIN_ORDERS = 200;

    /** Generates the world for a seed and a number of orders (at least {@link #MIN_ORDERS}). */
    public World generate(long seed, int orders) {
        if (orders < MIN_ORDERS) {
            throw new IllegalArgumentException("a demo world needs at least " + MIN_ORDERS + " orders, got " + orders);
        }
        Builder b = new Builder(seed, orders);
        participants(b);
        listings(b);
        events(b);
        orders(b);
        fraudRing(b);
        return new World(seed, orders, b.participants, b.hazards, b.political, b.listings, b.shipments, b.orderList,
                b.payments, b.tracking, b.outcomes, b.labels);
    }

    // ------------------------------------------------------------------ participants

    private void participants(Builder b) {
        SplittableRandom r = b.r;
        Instant registered = START.minus(Duration.ofDays(90));
        List<SanctionedParty> individuals = new ArrayList<>();
        for (SanctionedParty p : reference.sanctions().parties()) {
            if (p.kind().equals("individual")) {
                individuals.add(p);
            }
        }
        String[] marketplaceCountries = {"US", "DE", "GB", "SG"};
        String[] marketplaceNames = {"Meridian Marketplace", "Nordwind Markt", "Tidewater Bazaar", "Lionbridge Mall"};
        for (int i = 0; i < marketplaceCountries.length; i++) {
            Actor a = new Actor(participant(b, "MP-" + two(i + 1), registered, ParticipantKind.MARKETPLACE,
                    marketplaceNames[i] + " Ltd", marketplaceCountries[i], false, "", List.of()));
            b.marketplaces.add(a);
        }
        int merchantCount = Math.max(40, Math.min(600, b.orders / 100));
        double[] shares = new double[Lanes.ORIGINS.size()];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = Lanes.ORIGINS.get(i).share();
        }
        Set<Integer> ownerSlots = new TreeSet<>();
        if (!individuals.isEmpty()) {
            for (int k = 0; k < 4; k++) {
                ownerSlots.add(7 + k * merchantCount / 4);
            }
        }
        for (int i = 0; i < merchantCount; i++) {
            String country = Lanes.ORIGINS.get(pick(r, shares)).country();
            String id = "M-" + four(i + 1);
            String qualificationPlan = plan(r, 0.05, 0.03, 0.04);
            boolean hides = r.nextDouble() < 0.05;
            List<BeneficialOwner> owners = new ArrayList<>();
            String ownerNote = "";
            if (!hides) {
                owners.add(new BeneficialOwner(Names.person(r, country), CountryCode.of(country), 0.6));
                if (ownerSlots.contains(i)) {
                    SanctionedParty p = individuals.get(r.nextInt(individuals.size()));
                    String variant = NameVariants.variant(r, p.name(), true);
                    owners.add(new BeneficialOwner(variant, CountryCode.of(country), 0.4));
                    ownerNote = "beneficial owner '" + variant + "' is a variant of " + p.entryId() + " '" + p.name() + "'";
                }
            }
            Participant p = participant(b, id, registered.plus(Duration.ofHours(r.nextInt(24 * 60))), ParticipantKind.MERCHANT,
                    Names.company(r, country), country, hides, qualificationPlan, owners);
            Actor a = new Actor(p);
            a.weight = Math.exp(r.nextGaussian() * 0.8);
            a.bad = r.nextDouble() < 0.08;
            a.lacksCertificates = r.nextDouble() < 0.12;
            a.currency = switch (country) {
                case "DE", "IT", "PL" -> "EUR";
                case "GB" -> "GBP";
                default -> "USD";
            };
            List<String> ports = Lanes.PORTS.get(country);
            a.homePort = r.nextDouble() < 0.6 ? ports.get(0) : ports.get(r.nextInt(ports.size()));
            int nCat = 1 + (r.nextDouble() < 0.4 ? 1 : 0);
            while (a.categories.size() < nCat) {
                String c = Catalogue.CATEGORIES.get(r.nextInt(Catalogue.CATEGORIES.size())).name();
                if (!a.categories.contains(c)) {
                    a.categories.add(c);
                }
            }
            b.merchants.add(a);
            String subject = "participant:" + id;
            if (a.bad) {
                b.label(subject, RiskCategory.CREDIT, "high_risk_merchant", "bad outcomes on 30% of orders (3% normal)");
            }
            if (hides) {
                b.label(subject, RiskCategory.INFORMATION, "undisclosed_merchant", "no registration and no beneficial owner given");
            }
            if (!ownerNote.isEmpty()) {
                b.label(subject, RiskCategory.CREDIT, "sanctioned_party", ownerNote);
            }
            labelQualification(b, subject, qualificationPlan);
        }
        // Certificates are qualifications of the seller; replace merchants' records with the certificates they hold.
        for (int i = 0; i < b.merchants.size(); i++) {
            Actor a = b.merchants.get(i);
            if (a.lacksCertificates) {
                continue;
            }
            List<Qualification> qs = new ArrayList<>(a.participant.qualifications());
            for (String c : a.categories) {
                for (String type : switch (c) {
                    case "toys" -> List.of("CPSC_CHILDRENS_PRODUCT_CERTIFICATE", "EU_TOY_DECLARATION_OF_CONFORMITY",
                            "UKCA_TOY_DECLARATION_OF_CONFORMITY");
                    case "electronics" -> List.of("UN38_3_TEST_SUMMARY");
                    case "cosmetics" -> List.of("EU_CPNP_NOTIFICATION");
                    default -> List.<String>of();
                }) {
                    qs.add(new Qualification(type, "C-" + four(r.nextInt(10000)), "Accredited test house",
                            LocalDate.of(2024, 1, 1).plusDays(r.nextInt(300)), LocalDate.of(2027, 6, 30)));
                }
            }
            Participant old = a.participant;
            Participant updated = new Participant(old.id(), old.at(), old.kind(), old.legalName(), old.aliases(), old.country(),
                    old.registrations(), old.owners(), qs);
            Actor replacement = new Actor(updated);
            replacement.categories.addAll(a.categories);
            replacement.homePort = a.homePort;
            replacement.weight = a.weight;
            replacement.bad = a.bad;
            replacement.lacksCertificates = a.lacksCertificates;
            replacement.currency = a.currency;
            b.merchants.set(i, replacement);
            b.participants.set(b.participants.indexOf(old), updated);
        }
        b.merchantCumulative = new double[b.merchants.size()];
        double sum = 0;
        for (int i = 0; i < b.merchants.size(); i++) {
            sum += b.merchants.get(i).weight;
            b.merchantCumulative[i] = sum;
        }
        String[][] carrierPlan = {
            {"SEA", "6", "Lines"}, {"AIR", "5", "Air Cargo"}, {"ROAD", "6", "Freight"}, {"RAIL", "2", "Rail Express"},
            {"COURIER", "6", "Parcel"}};
        String[] carrierCountries = {"CN", "DE", "US", "KR", "JP", "TR", "GB", "NL", "SG", "AE", "PL", "MX"};
        int c = 1;
        for (String[] plan : carrierPlan) {
            TransportMode mode = TransportMode.valueOf(plan[0]);
            List<Actor> list = new ArrayList<>();
            for (int i = 0; i < Integer.parseInt(plan[1]); i++) {
                String country = carrierCountries[r.nextInt(carrierCountries.length)];
                String id = "C-" + two(c++);
                String name = Names.brand(r) + " " + plan[2] + (country.equals("CN") ? " Co., Ltd." : " Ltd");
                String qp = plan(r, 0.05, 0.03, 0.04);
                list.add(new Actor(participant(b, id, registered, ParticipantKind.CARRIER, name, country, false, qp,
                        List.of(new BeneficialOwner(Names.person(r, country), CountryCode.of(country), 1.0)))));
                labelQualification(b, "participant:" + id, qp);
            }
            b.carriers.put(mode, list);
        }
        others(b, registered, ParticipantKind.FREIGHT_FORWARDER, "FF-", 10, "Forwarding", b.forwarders);
        others(b, registered, ParticipantKind.CUSTOMS_BROKER, "CB-", 8, "Customs Brokerage", new ArrayList<>());
        others(b, registered, ParticipantKind.OVERSEAS_WAREHOUSE, "WH-", 12, "Fulfilment Centre", new ArrayList<>());
        others(b, registered, ParticipantKind.PAYMENT_PROVIDER, "PP-", 8, "Payments", b.providers);
        others(b, registered, ParticipantKind.SUPPLIER, "SP-", Math.max(10, merchantCount / 5), "Manufacturing", new ArrayList<>());
        // Planted slow lanes: a carrier of each long-haul mode on busy port pairs.
        String[][] pairs = {{"CNSGH", "USLAX", "SEA"}, {"CNYTN", "DEHAM", "SEA"}, {"VNSGN", "USLAX", "SEA"},
            {"CNSGH", "GBFXT", "AIR"}, {"CNSGH", "USLAX", "AIR"}, {"TR", "DE", "ROAD"}};
        for (String[] p : pairs) {
            List<Actor> list = b.carriers.get(TransportMode.valueOf(p[2]));
            Actor slow = list.get(r.nextInt(list.size()));
            b.slowLanes.add(slow.id() + "|" + p[0] + "|" + p[1] + "|" + p[2]);
        }
    }

    private void others(Builder b, Instant registered, ParticipantKind kind, String prefix, int n, String trade, List<Actor> into) {
        String[] countries = {"CN", "US", "DE", "GB", "NL", "SG", "HK", "AE", "JP", "KR"};
        for (int i = 0; i < n; i++) {
            String country = countries[b.r.nextInt(countries.length)];
            String id = prefix + two(i + 1);
            String qp = plan(b.r, 0.05, 0.03, 0.04);
            Participant p = participant(b, id, registered, kind, Names.brand(b.r) + " " + trade + " " + (country.equals("DE") ? "GmbH" : "Ltd"),
                    country, false, qp, List.of(new BeneficialOwner(Names.person(b.r, country), CountryCode.of(country), 1.0)));
            into.add(new Actor(p));
            labelQualification(b, "participant:" + id, qp);
        }
    }

    /** "expired", "missing", "expiring" or "valid", with the given probabilities. */
    private static String plan(SplittableRandom r, double expired, double missing, double expiring) {
        double u = r.nextDouble();
        if (u < expired) {
            return "expired";
        }
        if (u < expired + missing) {
            return "missing";
        }
        if (u < expired + missing + expiring) {
            return "expiring";
        }
        return "valid";
    }

    private static void labelQualification(Builder b, String subject, String plan) {
        switch (plan) {
            case "expired" -> b.label(subject, RiskCategory.CREDIT, "qualification_expired", "required licence expired before the period ends");
            case "missing" -> b.label(subject, RiskCategory.CREDIT, "qualification_missing", "required licence never provided");
            case "expiring" -> b.label(subject, RiskCategory.CREDIT, "qualification_expiring", "required licence expires within 50 days of the period's end");
            default -> {
            }
        }
    }

    private Participant participant(Builder b, String id, Instant at, ParticipantKind kind, String name, String country,
                                    boolean hides, String qualificationPlan, List<BeneficialOwner> owners) {
        SplittableRandom r = b.r;
        List<Qualification> qs = new ArrayList<>();
        LocalDate end = LocalDate.ofInstant(END, ZoneOffset.UTC);
        for (var req : reference.qualificationRules().forKind(kind)) {
            LocalDate until = switch (qualificationPlan) {
                case "expired" -> end.minusDays(10 + r.nextInt(150));
                case "expiring" -> end.plusDays(5 + r.nextInt(40));
                case "missing" -> null;
                default -> end.plusDays(200 + r.nextInt(700));
            };
            if (until != null) {
                qs.add(new Qualification(req.type(), country + "-" + (100000 + r.nextInt(900000)),
                        reference.countries().name(CountryCode.of(country)) + " licensing authority", until.minusYears(3), until));
            }
        }
        List<RegistrationId> regs = hides ? List.of()
                : List.of(new RegistrationId(country.equals("CN") ? "USCC" : "TRADE_REGISTER", country + (10000000 + r.nextInt(89999999))));
        Participant p = new Participant(id, at, kind, name, List.of(), CountryCode.of(country), regs, hides ? List.of() : owners, qs);
        b.participants.add(p);
        return p;
    }

    // ------------------------------------------------------------------ listings

    private void listings(Builder b) {
        SplittableRandom r = b.r;
        int l = 1;
        List<Listing> originals = new ArrayList<>();
        for (Actor m : b.merchants) {
            int n = 4 + r.nextInt(11);
            String brand = Names.brand(r);
            for (int i = 0; i < n; i++) {
                Catalogue.Category c = Catalogue.category(m.categories.get(r.nextInt(m.categories.size())));
                Catalogue.Product p = c.products().get(r.nextInt(c.products().size()));
                String[] text = Catalogue.listingText(r, c, p, brand);
                List<String> claims = c.claims();
                String id = "L-" + five(l++);
                if (!claims.isEmpty() && r.nextDouble() < 0.05) {
                    claims = List.of();
                    b.undisclosedListings.add(id);
                    b.label("listing:" + id, RiskCategory.INFORMATION, "missing_disclosure", "required claims of " + c.name() + " left out");
                }
                Instant at = START.minus(Duration.ofMinutes(60L * 24 * 5 + r.nextInt(60 * 24 * 55)));
                Listing listing = new Listing(id, at, m.id(), b.marketplaces.get(r.nextInt(b.marketplaces.size())).id(),
                        text[0], text[1], c.name(), p.hs(), claims, new Money(price(r, p, m.currency), m.currency));
                m.listings.add(listing);
                originals.add(listing);
            }
        }
        // Copies: another seller takes an earlier listing's text, changing a word or two.
        int copies = Math.max(3, originals.size() * 3 / 100);
        for (int i = 0; i < copies; i++) {
            Listing o = originals.get(r.nextInt(originals.size()));
            Actor thief = b.merchants.get(r.nextInt(b.merchants.size()));
            if (thief.id().equals(o.sellerId())) {
                continue;
            }
            String id = "L-" + five(l++);
            Instant at = START.plus(Duration.ofMinutes(r.nextInt(60 * 24 * 60)));
            Listing copy = new Listing(id, at, thief.id(), o.marketplaceId(), NameVariants.editWords(r, o.title(), 1),
                    NameVariants.editWords(r, o.description(), r.nextInt(3)), o.category(), o.hsCode(), o.claims(),
                    new Money(o.price().amount().multiply(BigDecimal.valueOf(0.9)).setScale(2, RoundingMode.HALF_UP),
                            o.price().currency()));
            thief.listings.add(copy);
            b.copied.put(id, o);
            b.label("listing:" + id, RiskCategory.INFORMATION, "copied_listing", "text of " + o.id() + " by " + o.sellerId());
        }
        for (Actor m : b.merchants) {
            b.listings.addAll(m.listings);
        }
    }

    private static BigDecimal price(SplittableRandom r, Catalogue.Product p, String currency) {
        double usd = p.minPrice() + r.nextDouble() * (p.maxPrice() - p.minPrice());
        double rate = switch (currency) {
            case "EUR" -> 0.853;
            case "GBP" -> 0.729;
            default -> 1;
        };
        return BigDecimal.valueOf(usd * rate).setScale(2, RoundingMode.HALF_UP);
    }

    // ------------------------------------------------------------------ hazard and political events

    private void events(Builder b) {
        b.hazards.add(new HazardEvent("H-0001", TYPHOON_START, HazardKind.TROPICAL_CYCLONE, "Typhoon Lanhua",
                TYPHOON_SEVERITY, TYPHOON_END, new Area(List.of(), List.of(Location.of("CNSGH")), new GeoPoint(31.2, 121.5), 450), 6));
        b.hazards.add(new HazardEvent("H-0002", START.plus(Duration.ofDays(30)), HazardKind.EARTHQUAKE,
                "M5.6 earthquake near Izmir", 0.2, START.plus(Duration.ofDays(31)),
                new Area(List.of(), List.of(Location.of("TRIZM")), new GeoPoint(38.4, 27.1), 120), 2));
        b.hazards.add(new HazardEvent("H-0003", START.plus(Duration.ofDays(70)), HazardKind.FLOOD, "Monsoon flooding in Bangladesh",
                0.3, START.plus(Duration.ofDays(80)), new Area(List.of(CountryCode.of("BD")), List.of(), Area.NO_CENTRE, 0), 4));
        b.political.add(new PoliticalEvent("PE-0001", STRIKE_START, PoliticalEventKind.STRIKE, "Dock workers' strike at Hamburg",
                STRIKE_SEVERITY, STRIKE_END, new Area(List.of(), List.of(Location.of("DEHAM")), Area.NO_CENTRE, 0), 5));
        b.political.add(new PoliticalEvent("PE-0002", START.plus(Duration.ofDays(20)), PoliticalEventKind.ELECTION,
                "General election in Mexico", 0.05, START.plus(Duration.ofDays(22)),
                new Area(List.of(CountryCode.of("MX")), List.of(), Area.NO_CENTRE, 0), 1));
    }

    // ------------------------------------------------------------------ orders, shipments, payments, tracking, outcomes

    private void orders(Builder b) {
        SplittableRandom r = b.r;
        int ringOrders = ringOrderCount(b.orders);
        int n = b.orders - ringOrders;
        int sanctionedEvery = n / Math.max(5, b.orders / 1250);
        int embargoedEvery = n / Math.max(2, b.orders / 5000);
        // Payers are people and companies; listed vessels and aircraft do not pay for parcels.
        List<SanctionedParty> names = reference.sanctions().parties().stream()
                .filter(p -> p.kind().equals("individual") || p.kind().equals("entity")).toList();
        for (int i = 0; i < n; i++) {
            Instant at = START.plus(Duration.ofSeconds((long) ((i + r.nextDouble()) / n * DAYS * 86400)));
            Actor m = b.merchants.get(pickCumulative(r, b.merchantCumulative));
            boolean toEmbargo = i % embargoedEvery == embargoedEvery / 2;
            String dest = toEmbargo ? "IR" : destination(r, m.participant.country().value());
            boolean prohibited = !toEmbargo && r.nextDouble() < 0.003;
            Buyer buyer = buyer(b, dest);
            PaymentParty payer = buyer.party();
            String payerNote = "";
            if (!names.isEmpty() && i % sanctionedEvery == sanctionedEvery / 3) {
                SanctionedParty p = names.get(r.nextInt(names.size()));
                String variant = NameVariants.variant(r, p.name(), p.kind().equals("individual"));
                payer = new PaymentParty(variant, "ACC-S" + five(r.nextInt(100000)), payer.country());
                payerNote = "payer '" + variant + "' is a variant of " + p.entryId() + " '" + p.name() + "'";
            }
            placeOrder(b, m, at, dest, buyer.id(), payer, prohibited, payerNote);
        }
    }

    private static int ringOrderCount(int orders) {
        int accounts = Math.max(3, orders / 4000);
        return accounts * 9;
    }

    private String destination(SplittableRandom r, String origin) {
        for (Lanes.Origin o : Lanes.ORIGINS) {
            if (o.country().equals(origin)) {
                double[] w = new double[o.destinations().size()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = o.destinations().get(i).weight();
                }
                return o.destinations().get(pick(r, w)).country();
            }
        }
        throw new IllegalStateException("no lanes from " + origin);
    }

    private Buyer buyer(Builder b, String country) {
        List<Buyer> list = b.buyers.computeIfAbsent(country, k -> new ArrayList<>());
        if (!list.isEmpty() && b.r.nextDouble() < 0.65) {
            return list.get(b.r.nextInt(list.size()));
        }
        String id = "B-" + country + "-" + five(list.size() + 1);
        Buyer buyer = new Buyer(id, new PaymentParty(Names.person(b.r, country), "ACC-" + country + five(b.r.nextInt(100000)),
                CountryCode.of(country)));
        list.add(buyer);
        return buyer;
    }

    private void placeOrder(Builder b, Actor m, Instant at, String dest, String buyerId, PaymentParty payer,
                            boolean prohibited, String payerNote) {
        SplittableRandom r = b.r;
        int number = ++b.seq;
        String orderId = "O-" + six(number);
        String shipmentId = "S-" + six(number);
        String paymentId = "P-" + six(number);
        String origin = m.participant.country().value();
        // Items from listings already online.
        List<Listing> live = new ArrayList<>();
        for (Listing l : m.listings) {
            if (!l.at().isAfter(at)) {
                live.add(l);
            }
        }
        if (live.isEmpty()) {
            live.add(m.listings.get(0));
        }
        List<OrderItem> items = new ArrayList<>();
        int nItems = 1 + (r.nextDouble() < 0.3 ? 1 : 0) + (r.nextDouble() < 0.1 ? 1 : 0);
        for (int i = 0; i < nItems; i++) {
            Listing l = live.get(r.nextInt(live.size()));
            items.add(new OrderItem("SKU-" + l.id().substring(2), l.id(), l.hsCode(), l.category(), 1 + r.nextInt(3), l.price()));
        }
        String subject = "order:" + orderId;
        if (prohibited) {
            List<Catalogue.Product> choices = new ArrayList<>(Catalogue.PROHIBITED.subList(0, 2));
            if (dest.equals("US")) {
                choices.add(Catalogue.PROHIBITED.get(2));
            }
            Catalogue.Product p = choices.get(r.nextInt(choices.size()));
            items.add(new OrderItem("SKU-X" + six(number), "", p.hs(), "other", 1, new Money(price(r, p, m.currency), m.currency)));
            b.label(subject, RiskCategory.LEGAL, "prohibited_goods", p.name() + " (HS " + p.hs() + ") to " + dest);
        }
        // Route, planned and actual.
        List<Leg> legs = route(b, m, dest, at);
        Shipment shipment = new Shipment(shipmentId, at, orderId, b.forwarders.get(r.nextInt(b.forwarders.size())).id(), legs);
        Instant planned = shipment.plannedArrival();
        Instant promised = planned.plus(Duration.ofDays(1 + r.nextInt(4)));
        Order order = new Order(orderId, at, m.id(), b.marketplaces.get(r.nextInt(b.marketplaces.size())).id(), buyerId,
                CountryCode.of(dest), CountryCode.of(origin), CountryCode.of(dest), items, promised, shipmentId);
        b.shipments.add(shipment);
        b.orderList.add(order);
        Money total = total(items, m.currency);
        PaymentMethod method = PaymentMethod.values()[r.nextInt(4)];
        b.payments.add(new Payment(paymentId, at.plus(Duration.ofMinutes(1 + r.nextInt(30))), orderId, payer,
                new PaymentParty(m.participant.legalName(), "IBAN-" + m.id(), m.participant.country()), total, method,
                b.providers.get(r.nextInt(b.providers.size())).id(), PaymentStatus.CAPTURED));
        if (!payerNote.isEmpty()) {
            b.label("payment:" + paymentId, RiskCategory.CREDIT, "sanctioned_party", payerNote);
        }
        if (dest.equals("IR")) {
            b.label(subject, RiskCategory.POLITICAL, "embargoed_lane", origin + "→IR");
            b.label("shipment:" + shipmentId, RiskCategory.POLITICAL, "embargoed_lane", origin + "→IR");
            b.label("payment:" + paymentId, RiskCategory.POLITICAL, "embargoed_jurisdiction", "payer in IR");
        }
        labelOrder(b, m, order, shipment);
        simulate(b, m, order, shipment);
    }

    private static Money total(List<OrderItem> items, String currency) {
        BigDecimal sum = BigDecimal.ZERO;
        for (OrderItem i : items) {
            sum = sum.add(i.value().amount());
        }
        return new Money(sum, currency);
    }

    /** The legs of a route from the merchant's home port to the destination, planned from {@code at}. */
    private List<Leg> route(Builder b, Actor m, String dest, Instant at) {
        SplittableRandom r = b.r;
        String origin = m.participant.country().value();
        List<String> destPorts = Lanes.PORTS.get(dest);
        String destPort = r.nextDouble() < 0.6 ? destPorts.get(0) : destPorts.get(r.nextInt(destPorts.size()));
        List<Leg> legs = new ArrayList<>(3);
        Instant t = at.plus(Duration.ofHours(12 + r.nextInt(36)));
        if (Lanes.byRoad(origin, dest)) {
            boolean slowPair = origin.equals("TR") && dest.equals("DE");
            Location from = slowPair ? Location.of("TR") : Location.of(m.homePort);
            Location to = slowPair ? Location.of("DE") : Location.of(destPort);
            t = leg(b, legs, TransportMode.ROAD, from, to, t, distanceDays(from, to, 550, 1) + 1);
            leg(b, legs, TransportMode.COURIER, to, Location.of(dest), t, 2 + r.nextInt(2));
            return legs;
        }
        double u = r.nextDouble();
        if ((dest.equals("DE") || dest.equals("PL")) && origin.equals("CN") && u < 0.1) {
            t = leg(b, legs, TransportMode.ROAD, Location.of(origin), Location.of("CNTXG"), t, 2);
            t = leg(b, legs, TransportMode.RAIL, Location.of("CNTXG"), Location.of("PLGDN"), t, 16 + r.nextInt(3));
            leg(b, legs, TransportMode.COURIER, Location.of("PLGDN"), Location.of(dest), t, 3);
            return legs;
        }
        boolean air = u < 0.35;
        t = leg(b, legs, TransportMode.ROAD, Location.of(origin), Location.of(m.homePort), t, 1 + r.nextInt(2));
        if (air) {
            t = leg(b, legs, TransportMode.AIR, Location.of(m.homePort), Location.of(destPort), t, 2 + r.nextInt(2));
        } else {
            t = leg(b, legs, TransportMode.SEA, Location.of(m.homePort), Location.of(destPort), t,
                    distanceDays(Location.of(m.homePort), Location.of(destPort), 650, 3));
        }
        leg(b, legs, TransportMode.COURIER, Location.of(destPort), Location.of(dest), t, 2 + r.nextInt(3));
        return legs;
    }

    private int distanceDays(Location a, Location c, double kmPerDay, int handling) {
        var pa = reference.ports().position(a);
        var pc = reference.ports().position(c);
        if (pa.isEmpty() || pc.isEmpty()) {
            return 3;
        }
        return handling + (int) Math.ceil(pa.get().distanceKm(pc.get()) * 1.3 / kmPerDay);
    }

    private Instant leg(Builder b, List<Leg> legs, TransportMode mode, Location from, Location to, Instant departure, int days) {
        List<Actor> carriers = b.carriers.get(mode);
        Actor carrier = carriers.get(b.r.nextInt(carriers.size()));
        Instant arrival = departure.plus(Duration.ofDays(days));
        legs.add(new Leg(legs.size() + 1, mode, carrier.id(), from, to, departure, arrival));
        return arrival;
    }

    /** Labels an order and its shipment with what its plan already tells (risks known at booking). */
    private void labelOrder(Builder b, Actor m, Order order, Shipment shipment) {
        String subject = "order:" + order.id();
        String ship = "shipment:" + shipment.id();
        if (m.bad) {
            b.label(subject, RiskCategory.CREDIT, "high_risk_merchant", m.id() + " has 30% bad outcomes");
        }
        if (m.participant.owners().isEmpty()) {
            b.label(subject, RiskCategory.INFORMATION, "undisclosed_merchant", m.id() + " hides its owners");
        }
        for (OrderItem item : order.items()) {
            if (b.copied.containsKey(item.listingId())) {
                b.label(subject, RiskCategory.INFORMATION, "copied_listing", item.listingId() + " copies " + b.copied.get(item.listingId()).id());
            }
            if (b.undisclosedListings.contains(item.listingId())) {
                b.label(subject, RiskCategory.INFORMATION, "missing_disclosure", item.listingId() + " lacks required claims");
            }
        }
        LocalDate day = LocalDate.ofInstant(order.at(), ZoneOffset.UTC);
        for (DestinationRule rule : reference.destinationRules().forDestination(order.shipTo())) {
            if (rule.kind() != DestinationRule.Kind.RESTRICTED || !rule.isInForceOn(day)) {
                continue;
            }
            for (OrderItem item : order.items()) {
                if (item.hsCode().startsWith(rule.hsPrefix()) && m.participant.qualifications().stream()
                        .noneMatch(q -> q.type().equals(rule.certificate()) && q.isValidOn(day))) {
                    b.label(subject, RiskCategory.LEGAL, "missing_certificate", item.sku() + " needs " + rule.certificate());
                }
            }
        }
        for (Leg leg : shipment.legs()) {
            String lane = leg.carrierId() + "|" + leg.from() + "|" + leg.to() + "|" + leg.mode();
            if (b.slowLanes.contains(lane)) {
                b.label(ship, RiskCategory.LOGISTICS, "unreliable_carrier_lane", lane);
                b.label(subject, RiskCategory.LOGISTICS, "unreliable_carrier_lane", lane);
            }
        }
        // Disruptions known when the shipment was booked and materially exposing it.
        if (exposure(shipment, "CNSGH", TYPHOON_SEVERITY, TYPHOON_START, TYPHOON_END) >= MATERIAL && !order.at().isBefore(TYPHOON_START)) {
            for (String s : List.of(subject, ship)) {
                b.label(s, RiskCategory.NATURAL, "typhoon_exposure", "passes CNSGH during Typhoon Lanhua or its backlog");
                b.label(s, RiskCategory.LOGISTICS, "disruption_delay", "Typhoon Lanhua delays up to 70% of such shipments by 6 days");
            }
        }
        if (exposure(shipment, "DEHAM", STRIKE_SEVERITY, STRIKE_START, STRIKE_END) >= MATERIAL && !order.at().isBefore(STRIKE_START)) {
            for (String s : List.of(subject, ship)) {
                b.label(s, RiskCategory.POLITICAL, "port_strike_exposure", "passes DEHAM during the dock strike or its backlog");
                b.label(s, RiskCategory.LOGISTICS, "disruption_delay", "the strike delays up to 80% of such shipments by 5 days");
            }
        }
    }

    /**
     * The world's physics of a disruption at a place: full strength from start to end, then the backlog
     * halves every {@link #BACKLOG_HALF_LIFE_DAYS} days. The largest probability over the route's passes.
     */
    private static double exposure(Shipment s, String locode, double severity, Instant from, Instant to) {
        double best = 0;
        for (Leg leg : s.legs()) {
            if (leg.from().code().equals(locode)) {
                best = Math.max(best, severity * strength(leg.plannedDeparture(), from, to));
            }
            if (leg.to().code().equals(locode)) {
                best = Math.max(best, severity * strength(leg.plannedArrival(), from, to));
            }
        }
        return best;
    }

    private static double strength(Instant t, Instant from, Instant to) {
        if (t.isBefore(from)) {
            return 0;
        }
        if (!t.isAfter(to)) {
            return 1;
        }
        return Math.pow(0.5, Duration.between(to, t).toMinutes() / 1440.0 / BACKLOG_HALF_LIFE_DAYS);
    }

    /** Plays the shipment out — delays, scans, delivery — and what became of the order. */
    private void simulate(Builder b, Actor m, Order order, Shipment shipment) {
        SplittableRandom r = b.r;
        Instant t = shipment.legs().get(0).plannedDeparture();
        boolean typhoon = false;
        boolean strike = false;
        String slowCarrier = "";
        int n = 0;
        for (Leg leg : shipment.legs()) {
            Instant departure = t.isAfter(leg.plannedDeparture()) ? t : leg.plannedDeparture();
            String lane = leg.carrierId() + "|" + leg.from() + "|" + leg.to() + "|" + leg.mode();
            boolean slow = b.slowLanes.contains(lane);
            if (slow) {
                slowCarrier = leg.carrierId();
            }
            int delay = legDelay(r, leg.mode(), slow);
            // One shock per route however many legs it touches, with the world's probability at that moment.
            double qTyphoon = Math.max(touch(leg.from(), departure, "CNSGH", TYPHOON_SEVERITY, TYPHOON_START, TYPHOON_END),
                    touch(leg.to(), leg.plannedArrival(), "CNSGH", TYPHOON_SEVERITY, TYPHOON_START, TYPHOON_END));
            if (!typhoon && qTyphoon > 0) {
                typhoon = true;
                if (r.nextDouble() < qTyphoon) {
                    delay += 6;
                }
            }
            double qStrike = Math.max(touch(leg.from(), departure, "DEHAM", STRIKE_SEVERITY, STRIKE_START, STRIKE_END),
                    touch(leg.to(), leg.plannedArrival(), "DEHAM", STRIKE_SEVERITY, STRIKE_START, STRIKE_END));
            if (!strike && qStrike > 0) {
                strike = true;
                if (r.nextDouble() < qStrike) {
                    delay += 5;
                }
            }
            Instant arrival = departure.plus(Duration.between(leg.plannedDeparture(), leg.plannedArrival()))
                    .plus(Duration.ofHours(24L * delay + r.nextInt(9) - 4));
            n++;
            if (!departure.isAfter(END)) {
                b.tracking.add(new TrackingEvent("T-" + shipment.id().substring(2) + "-" + n + "D", departure, shipment.id(),
                        leg.sequence(), TrackingStatus.DEPARTED, leg.from()));
            }
            boolean last = leg.sequence() == shipment.legs().size();
            if (!arrival.isAfter(END)) {
                b.tracking.add(new TrackingEvent("T-" + shipment.id().substring(2) + "-" + n + "A", arrival, shipment.id(),
                        leg.sequence(), last ? TrackingStatus.DELIVERED : TrackingStatus.ARRIVED, leg.to()));
            }
            t = arrival;
        }
        long lateDays = Duration.between(order.promisedBy(), t).toDays();
        double pBad = (m.bad ? 0.30 : 0.03) + (lateDays > 3 ? 0.04 : 0) + (slowCarrier.isEmpty() ? 0 : 0.05);
        Instant base = t.isAfter(order.at().plus(Duration.ofDays(7))) ? t : order.at().plus(Duration.ofDays(7));
        Instant when = base.plus(Duration.ofHours(r.nextInt(24 * 20)));
        String id = "X-" + order.id().substring(2);
        if (r.nextDouble() < pBad) {
            OutcomeKind kind;
            String who = m.id();
            double u = r.nextDouble();
            if (!slowCarrier.isEmpty() && u < 0.5) {
                kind = OutcomeKind.NON_DELIVERY;
                who = slowCarrier;
            } else if (u < 0.5) {
                kind = OutcomeKind.DISPUTE;
            } else if (u < 0.7) {
                kind = OutcomeKind.CHARGEBACK;
            } else if (u < 0.85) {
                kind = OutcomeKind.INSPECTION_FAILED;
            } else {
                kind = OutcomeKind.NON_DELIVERY;
            }
            if (!when.isAfter(END)) {
                b.outcomes.add(new Outcome(id, when, kind, who, order.id(), total(order.items(), m.currency)));
            }
        } else if (r.nextDouble() < 0.05 && !when.isAfter(END)) {
            OutcomeKind kind = r.nextBoolean() ? OutcomeKind.RETURN : OutcomeKind.COMPLAINT;
            b.outcomes.add(new Outcome(id, when, kind, m.id(), order.id(), total(order.items(), m.currency)));
        }
    }

    private static double touch(Location place, Instant when, String locode, double severity, Instant from, Instant to) {
        return place.code().equals(locode) ? severity * strength(when, from, to) : 0;
    }

    /** A leg's own delay in days: on time with the mode's probability, else a geometric number of days. */
    private static int legDelay(SplittableRandom r, TransportMode mode, boolean slow) {
        double onTime = slow ? 0.2 : switch (mode) {
            case SEA -> 0.80;
            case AIR -> 0.90;
            case ROAD -> 0.88;
            case RAIL -> 0.80;
            case COURIER -> 0.90;
        };
        double mean = slow ? 10 : switch (mode) {
            case SEA, RAIL -> 2.5;
            case AIR, COURIER -> 1.3;
            case ROAD -> 1.5;
        };
        if (r.nextDouble() < onTime) {
            return 0;
        }
        int d = 1;
        double stop = 1 / mean;
        while (r.nextDouble() > stop && d < 40) {
            d++;
        }
        return d;
    }

    // ------------------------------------------------------------------ fraud ring

    private void fraudRing(Builder b) {
        SplittableRandom r = b.r;
        int accounts = Math.max(3, b.orders / 4000);
        for (int a = 0; a < accounts; a++) {
            String dest = List.of("US", "GB", "DE", "AU").get(r.nextInt(4));
            PaymentParty payer = new PaymentParty(Names.person(r, dest), "ACC-R" + four(a + 1) + five(r.nextInt(100000)),
                    CountryCode.of(dest));
            Instant burst = START.plus(Duration.ofHours(24L * (10 + r.nextInt(DAYS - 20)) + r.nextInt(24)));
            for (int k = 0; k < 9; k++) {
                Actor m = b.merchants.get(pickCumulative(r, b.merchantCumulative));
                Instant at = burst.plus(Duration.ofMinutes(20L * k + r.nextInt(20)));
                int before = b.payments.size();
                placeOrder(b, m, at, dest, "B-RING-" + four(a + 1), payer, false, "");
                Payment p = b.payments.get(before);
                b.label("payment:" + p.id(), RiskCategory.CREDIT, "fraud_ring",
                        "account " + payer.account() + " pays 9 times in about 3 hours");
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static int pick(SplittableRandom r, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double u = r.nextDouble() * sum;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static int pickCumulative(SplittableRandom r, double[] cumulative) {
        double u = r.nextDouble() * cumulative[cumulative.length - 1];
        int i = java.util.Arrays.binarySearch(cumulative, u);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }

    private static String two(int n) {
        return String.format(Locale.ROOT, "%02d", n);
    }

    private static String four(int n) {
        return String.format(Locale.ROOT, "%04d", n);
    }

    private static String five(int n) {
        return String.format(Locale.ROOT, "%05d", n);
    }

    private static String six(int n) {
        return String.format(Locale.ROOT, "%06d", n);
    }

    /** All records of a world, each list in generation order. */
    public record World(long seed, int orders, List<Participant> participants, List<HazardEvent> hazards,
                        List<PoliticalEvent> political, List<Listing> listings, List<Shipment> shipments,
                        List<Order> orderList, List<Payment> payments, List<TrackingEvent> tracking,
                        List<Outcome> outcomes, List<Label> labels) {

        /** Every event of the world, by record type. */
        public Map<io.caravan.domain.RecordType, List<? extends Event>> byType() {
            Map<io.caravan.domain.RecordType, List<? extends Event>> m = new LinkedHashMap<>();
            m.put(io.caravan.domain.RecordType.PARTICIPANT, participants);
            m.put(io.caravan.domain.RecordType.HAZARD, hazards);
            m.put(io.caravan.domain.RecordType.POLITICAL, political);
            m.put(io.caravan.domain.RecordType.LISTING, listings);
            m.put(io.caravan.domain.RecordType.SHIPMENT, shipments);
            m.put(io.caravan.domain.RecordType.ORDER, orderList);
            m.put(io.caravan.domain.RecordType.PAYMENT, payments);
            m.put(io.caravan.domain.RecordType.TRACKING, tracking);
            m.put(io.caravan.domain.RecordType.OUTCOME, outcomes);
            return m;
        }

        /**
         * Every event in the order it happened: by time, then by record type (a participant before what it
         * trades, a shipment before the order that uses it), then in generation order — the order a live
         * feed would deliver them.
         */
        public List<Event> timeline() {
            record Timed(Event event, int type, int index) {
            }
            List<Timed> all = new java.util.ArrayList<>();
            for (var e : byType().entrySet()) {
                for (Event ev : e.getValue()) {
                    all.add(new Timed(ev, e.getKey().ordinal(), all.size()));
                }
            }
            all.sort(java.util.Comparator.comparing((Timed t) -> t.event().at()).thenComparingInt(Timed::type)
                    .thenComparingInt(Timed::index));
            return all.stream().map(Timed::event).toList();
        }
    }
}
