package io.caravan.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * All reference data an engine needs, loaded once. The one place that reads reference files: from the
 * copies shipped with Caravan, or — file by file — from a folder the user names, whose files replace the
 * shipped ones of the same name.
 */
public final class ReferenceData {

    public static final String COUNTRIES = "countries.csv";
    public static final String INDICATORS = "country-indicators.csv";
    public static final String PORTS = "ports.csv";
    public static final String HS = "hs2022-headings.csv";
    public static final String JURISDICTIONS = "high-risk-jurisdictions.csv";
    public static final String FX = "fx-rates.csv";
    public static final String LEGAL_RULES = "legal-rules.csv";
    public static final String DISCLOSURE_RULES = "disclosure-rules.csv";
    public static final String QUALIFICATION_RULES = "qualification-rules.csv";
    public static final String SETTINGS = "caravan.properties";

    private static final String BUNDLED = "/io/caravan/reference/";

    private final Countries countries;
    private final CountryIndicators indicators;
    private final Ports ports;
    private final HsNomenclature hs;
    private final Jurisdictions jurisdictions;
    private final FxRates fx;
    private final DestinationRules destinationRules;
    private final DisclosureRules disclosureRules;
    private final QualificationRules qualificationRules;
    private final Settings settings;
    private final SanctionsList sanctions;
    private final List<Table> tables;

    /** A loaded table: its file (or the user's replacement), version, rows and the notes it gives on its source. */
    public record Table(String file, String version, int rows, String notes) {
    }

    private ReferenceData(Source source, SanctionsList sanctions) {
        this.countries = new Countries(source.table(COUNTRIES, "alpha2", "name"));
        this.indicators = new CountryIndicators(source.table(INDICATORS, "alpha2", "political_stability", "natural_hazard"));
        this.ports = new Ports(source.table(PORTS, "locode", "name", "lat", "lon"));
        this.hs = new HsNomenclature(source.table(HS, "heading", "description"));
        this.jurisdictions = new Jurisdictions(source.table(JURISDICTIONS, "alpha2", "level", "list", "as_of"), countries);
        this.fx = new FxRates(source.table(FX, "currency", "per_usd"));
        this.destinationRules = new DestinationRules(source.table(LEGAL_RULES, "destination", "kind", "hs_prefix",
                "certificate", "threshold", "currency", "valid_from", "valid_to", "description"), countries, fx);
        this.disclosureRules = new DisclosureRules(source.table(DISCLOSURE_RULES, "subject", "key", "requirement"));
        this.qualificationRules = new QualificationRules(source.table(QUALIFICATION_RULES, "kind", "qualification", "warn_days"));
        this.settings = new Settings(SETTINGS, source.reader(SETTINGS));
        this.sanctions = sanctions;
        this.tables = List.copyOf(source.loaded);
    }

    /** The reference data shipped with Caravan, with the shipped sanctions excerpt. */
    public static ReferenceData bundled() {
        return new ReferenceData(new Source(null), bundledSanctions());
    }

    /**
     * Shipped reference data, each file replaced by the file of the same name in {@code folder} if there is one.
     * The folder may also hold {@code sdn.csv} (and {@code alt.csv}), which then replace the shipped sanctions excerpt.
     */
    public static ReferenceData load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ReferenceDataException(folder.toString(), 0, "", "is not a folder; name a folder holding reference files such as "
                    + COUNTRIES + " or " + LEGAL_RULES);
        }
        Source source = new Source(folder);
        SanctionsList sanctions = findIgnoringCase(folder, "sdn.csv") != null ? readOfacFolder(folder) : bundledSanctions();
        return new ReferenceData(source, sanctions);
    }

    /** The same reference data screening against another sanctions list. */
    public ReferenceData withSanctions(SanctionsList list) {
        return new ReferenceData(this, list);
    }

    private ReferenceData(ReferenceData base, SanctionsList sanctions) {
        this.countries = base.countries;
        this.indicators = base.indicators;
        this.ports = base.ports;
        this.hs = base.hs;
        this.jurisdictions = base.jurisdictions;
        this.fx = base.fx;
        this.destinationRules = base.destinationRules;
        this.disclosureRules = base.disclosureRules;
        this.qualificationRules = base.qualificationRules;
        this.settings = base.settings;
        this.tables = base.tables;
        this.sanctions = sanctions;
    }

    /**
     * Reads a sanctions list in OFAC's legacy CSV format from a folder holding {@code sdn.csv} and optionally
     * {@code alt.csv} (names matched regardless of case, as OFAC publishes {@code SDN.CSV}). A
     * {@code SOURCE.txt} line {@code list-date: YYYY-MM-DD} gives the publication date when known.
     */
    public static SanctionsList readOfacFolder(Path folder) {
        Path sdn;
        Path alt;
        if (Files.isRegularFile(folder)) {
            // A file named directly: its alternate names are the sibling whose name has "alt" for "sdn", if any.
            sdn = folder;
            String name = sdn.getFileName().toString();
            Path sibling = sdn.resolveSibling(name.replace("sdn", "alt").replace("SDN", "ALT"));
            alt = !sibling.equals(sdn) && Files.isRegularFile(sibling) ? sibling : null;
            folder = sdn.toAbsolutePath().getParent();
        } else {
            if (!Files.isDirectory(folder)) {
                throw new ReferenceDataException(folder.toString(), 0, "", "does not exist; name OFAC's sdn.csv or the folder"
                        + " holding it (with alt.csv)");
            }
            sdn = findIgnoringCase(folder, "sdn.csv");
            if (sdn == null) {
                throw new ReferenceDataException(folder.toString(), 0, "", "no sdn.csv here; download OFAC's SDN list in its "
                        + "legacy CSV format (sdn.csv, alt.csv) into this folder, or name the file itself");
            }
            alt = findIgnoringCase(folder, "alt.csv");
        }
        String date = "";
        Path source = findIgnoringCase(folder, "SOURCE.txt");
        try {
            if (source != null) {
                for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
                    if (line.startsWith("list-date:")) {
                        date = line.substring("list-date:".length()).trim();
                    }
                }
            }
            byte[] sdnBytes = Files.readAllBytes(sdn);
            byte[] altBytes = alt == null ? null : Files.readAllBytes(alt);
            String version = "ofac-sdn-" + (date.isEmpty() ? "" : date + "-") + sha256(sdnBytes, altBytes).substring(0, 12);
            return SanctionsList.readOfac("OFAC-SDN", version, date, sdn.toString(), decode(sdnBytes),
                    alt == null ? null : alt.toString(), altBytes == null ? null : decode(altBytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sanctions list in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static SanctionsList bundledSanctions() {
        byte[] sdn = resource(BUNDLED + "sanctions/sdn.csv");
        byte[] alt = resource(BUNDLED + "sanctions/alt.csv");
        String date = "";
        for (String line : new String(resource(BUNDLED + "sanctions/SOURCE.txt"), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("list-date:")) {
                date = line.substring("list-date:".length()).trim();
            }
        }
        String version = "ofac-sdn-excerpt-" + date + "-" + sha256(sdn, alt).substring(0, 12);
        return SanctionsList.readOfac("OFAC-SDN", version, date, "sanctions/sdn.csv (shipped excerpt)", decode(sdn),
                "sanctions/alt.csv (shipped excerpt)", decode(alt));
    }

    /** OFAC publishes in Windows-1252 historically and UTF-8 lately; decode as UTF-8 when the bytes are valid UTF-8. */
    private static Reader decode(byte[] bytes) {
        Charset cs = StandardCharsets.UTF_8;
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
        } catch (java.nio.charset.CharacterCodingException e) {
            cs = Charset.forName("windows-1252");
        }
        return new java.io.StringReader(new String(bytes, cs));
    }

    private static Path findIgnoringCase(Path folder, String name) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().equalsIgnoreCase(name)).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = ReferenceData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the shipped reference file " + path + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                if (p != null) {
                    d.update(p);
                }
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where files come from: the user's folder first, then the shipped copies; remembers what it loaded. */
    private record Source(Path folder, List<Table> loaded) {
        Source(Path folder) {
            this(folder, new ArrayList<>());
        }

        Reader reader(String name) {
            if (folder != null && Files.isRegularFile(folder.resolve(name))) {
                try {
                    return Files.newBufferedReader(folder.resolve(name), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + folder.resolve(name) + ": " + e.getMessage(), e);
                }
            }
            return new InputStreamReader(new java.io.ByteArrayInputStream(resource(BUNDLED + name)), StandardCharsets.UTF_8);
        }

        String label(String name) {
            return folder != null && Files.isRegularFile(folder.resolve(name)) ? folder.resolve(name).toString() : name;
        }

        CsvTable table(String name, String... columns) {
            try (Reader r = reader(name)) {
                CsvTable t = CsvTable.withHeader(label(name), r, columns);
                loaded.add(new Table(t.file(), t.version(), t.rows().size(), t.notes()));
                return t;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public Countries countries() {
        return countries;
    }

    public CountryIndicators indicators() {
        return indicators;
    }

    public Ports ports() {
        return ports;
    }

    public HsNomenclature hs() {
        return hs;
    }

    public Jurisdictions jurisdictions() {
        return jurisdictions;
    }

    public FxRates fx() {
        return fx;
    }

    public DestinationRules destinationRules() {
        return destinationRules;
    }

    public DisclosureRules disclosureRules() {
        return disclosureRules;
    }

    public QualificationRules qualificationRules() {
        return qualificationRules;
    }

    public Settings settings() {
        return settings;
    }

    public SanctionsList sanctions() {
        return sanctions;
    }

    /** The tables loaded, in loading order (the settings file and the sanctions list are apart). */
    public List<Table> tables() {
        return tables;
    }

    /** The version of every table, by component name. */
    public Map<String, String> versions() {
        Map<String, String> v = new TreeMap<>();
        v.put("countries", countries.version());
        v.put("country-indicators", indicators.version());
        v.put("ports", ports.version());
        v.put("hs", hs.version());
        v.put("jurisdictions", jurisdictions.version());
        v.put("fx", fx.version());
        v.put("legal-rules", destinationRules.version());
        v.put("disclosure-rules", disclosureRules.version());
        v.put("qualification-rules", qualificationRules.version());
        v.put("settings", settings.version());
        v.put("sanctions", sanctions.version());
        return v;
    }
}
