package io.caravan.reference;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The 4-digit headings of the Harmonized System (HS 2022). */
public final class HsNomenclature {

    private final String version;
    private final Map<String, String> headings;
    /** known[h] for the heading number h (0101 … 9706): a lookup without allocating. */
    private final boolean[] known = new boolean[10_000];

    HsNomenclature(CsvTable table) {
        this.version = table.version();
        Map<String, String> map = new TreeMap<>();
        for (CsvTable.Row r : table.rows()) {
            String h = r.require("heading");
            if (h.length() != 4 || !h.chars().allMatch(Character::isDigit)) {
                throw r.error("heading", "'" + h + "' is not a 4-digit HS heading");
            }
            map.put(h, r.require("description"));
            known[Integer.parseInt(h)] = true;
        }
        this.headings = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }

    public String version() {
        return version;
    }

    /** True when the code has 4 to 10 digits and its first four are an HS 2022 heading. */
    public boolean isValid(String hsCode) {
        if (hsCode.length() < 4 || hsCode.length() > 10) {
            return false;
        }
        int heading = 0;
        for (int i = 0; i < hsCode.length(); i++) {
            char c = hsCode.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i < 4) {
                heading = heading * 10 + (c - '0');
            }
        }
        return known[heading];
    }

    public Optional<String> heading(String hsCode) {
        return hsCode.length() < 4 ? Optional.empty() : Optional.ofNullable(headings.get(hsCode.substring(0, 4)));
    }
}
