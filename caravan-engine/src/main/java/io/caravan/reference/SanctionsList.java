package io.caravan.reference;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sanctions list read from OFAC's published legacy CSV format: {@code sdn.csv} (ent_num, SDN_Name,
 * SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks) and,
 * optionally, {@code alt.csv} (ent_num, alt_num, alt_type, alt_name, alt_remarks). The files have no
 * header; {@code -0-} stands for an empty value. The same parser reads OFAC's consolidated (non-SDN) files.
 */
public final class SanctionsList {

    private final String name;
    private final String version;
    private final String listDate;
    private final List<SanctionedParty> parties;

    public SanctionsList(String name, String version, String listDate, List<SanctionedParty> parties) {
        this.name = name;
        this.version = version;
        this.listDate = listDate;
        this.parties = List.copyOf(parties);
    }

    /** An empty list, for assessments that screen against nothing (the report says so). */
    public static SanctionsList none() {
        return new SanctionsList("none", "none", "", List.of());
    }

    /**
     * Parses OFAC legacy CSV. {@code alt} may be null when there is no alternate-names file.
     *
     * @param listName e.g. {@code OFAC-SDN}; prefixes every entry id
     * @param listDate the publication date if known (ISO date), or empty
     */
    public static SanctionsList readOfac(String listName, String version, String listDate,
                                         String sdnFile, Reader sdn, String altFile, Reader alt) {
        Map<String, String[]> main = new LinkedHashMap<>();
        CsvTable table = CsvTable.headerless(sdnFile, version, sdn);
        for (CsvTable.Row r : table.rows()) {
            if (r.size() < 4) {
                throw new ReferenceDataException(sdnFile, r.line(), "",
                        "expected 12 comma-separated fields (ent_num, SDN_Name, SDN_Type, Program, …), found " + r.size()
                                + "; is this OFAC's legacy SDN CSV?");
            }
            String ent = clean(r.at(0));
            if (ent.isEmpty() || !ent.chars().allMatch(Character::isDigit)) {
                throw new ReferenceDataException(sdnFile, r.line(), "ent_num", "'" + r.at(0) + "' is not an entry number");
            }
            String partyName = clean(r.at(1));
            if (partyName.isEmpty()) {
                throw new ReferenceDataException(sdnFile, r.line(), "SDN_Name", "the entry has no name");
            }
            main.put(ent, new String[] {partyName, clean(r.at(2)), clean(r.at(3))});
        }
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        if (alt != null) {
            for (CsvTable.Row r : CsvTable.headerless(altFile, version, alt).rows()) {
                if (r.size() < 4) {
                    throw new ReferenceDataException(altFile, r.line(), "",
                            "expected 5 fields (ent_num, alt_num, alt_type, alt_name, alt_remarks), found " + r.size());
                }
                String ent = clean(r.at(0));
                if (!main.containsKey(ent)) {
                    throw new ReferenceDataException(altFile, r.line(), "ent_num",
                            "alternate name for entry " + ent + ", which " + sdnFile + " does not have; use the files of one publication");
                }
                String altName = clean(r.at(3));
                if (!altName.isEmpty()) {
                    aliases.computeIfAbsent(ent, k -> new ArrayList<>()).add(altName);
                }
            }
        }
        List<SanctionedParty> parties = new ArrayList<>(main.size());
        for (Map.Entry<String, String[]> e : main.entrySet()) {
            String[] v = e.getValue();
            String kind = v[1].isEmpty() ? "entity" : v[1].toLowerCase(Locale.ROOT);
            List<String> programs = new ArrayList<>();
            for (String p : v[2].replace("[", "").split("]")) {
                if (!p.isBlank()) {
                    programs.add(p.trim());
                }
            }
            parties.add(new SanctionedParty(listName + "-" + e.getKey(), v[0], kind, programs,
                    aliases.getOrDefault(e.getKey(), List.of())));
        }
        return new SanctionsList(listName, version, listDate, parties);
    }

    private static String clean(String v) {
        String t = v.trim();
        return t.equals("-0-") ? "" : t;
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    /** The publication date (ISO), or empty when unknown. */
    public String listDate() {
        return listDate;
    }

    public List<SanctionedParty> parties() {
        return Collections.unmodifiableList(parties);
    }

    public int size() {
        return parties.size();
    }
}
