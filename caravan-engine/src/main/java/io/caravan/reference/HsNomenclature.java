package io.caravan.reference;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The 4-digit headings of the Harmonized System (HS 2022). */
public final class HsNomenclature {

    private final String version;
    private final Map<String, String> headings;

    HsNomenclature(CsvTable table) {
        this.version = table.version();
        Map<String, String> map = new TreeMap<>();
        for (CsvTable.Row r : table.rows()) {
            String h = r.require("heading");
            if (h.length() != 4 || !h.chars().allMatch(Character::isDigit)) {
                throw r.error("heading", "'" + h + "' is not a 4-digit HS heading");
            }
            map.put(h, r.require("description"));
        }
        this.headings = Collections.unmodifiableMap(map);
    }

    public String version() {
        return version;
    }

    /** True when the code has 4 to 10 digits and its first four are an HS 2022 heading. */
    public boolean isValid(String hsCode) {
        return hsCode.length() >= 4 && hsCode.length() <= 10 && hsCode.chars().allMatch(Character::isDigit)
                && headings.containsKey(hsCode.substring(0, 4));
    }

    public Optional<String> heading(String hsCode) {
        return hsCode.length() < 4 ? Optional.empty() : Optional.ofNullable(headings.get(hsCode.substring(0, 4)));
    }

    public Map<String, String> headings() {
        return headings;
    }
}
