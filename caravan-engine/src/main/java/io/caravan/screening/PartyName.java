package io.caravan.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The comparable forms of a party's name.
 * <ul>
 *   <li>exact: upper case, spaces collapsed — "Banco  Nacional de Cuba" = "BANCO NACIONAL DE CUBA";</li>
 *   <li>normalised: also without diacritics, punctuation and legal-form words (LTD, LLC, GMBH, S.A., …)
 *       — "Banco Nacional de Cuba S.A." = "BANCO NACIONAL DE CUBA";</li>
 *   <li>reordered: the normalised words in alphabetical order, so that "SMITH, John" = "John Smith".</li>
 * </ul>
 */
public final class PartyName {

    private static final Set<String> LEGAL_FORMS = Set.of(
            "LTD", "LIMITED", "LLC", "INC", "INCORPORATED", "CO", "COMPANY", "CORP", "CORPORATION", "PLC", "LLP",
            "GMBH", "AG", "KG", "SA", "SAS", "SARL", "SRL", "SPA", "BV", "NV", "AB", "AS", "OY", "JSC", "PJSC", "OJSC",
            "CJSC", "OOO", "ZAO", "OAO", "PTE", "PVT", "FZE", "FZCO", "FZC", "BHD", "SDN", "TBK", "PT", "THE", "DE", "CV");

    private PartyName() {
    }

    public static String exact(String name) {
        return collapse(name.toUpperCase(Locale.ROOT));
    }

    public static String normalised(String name) {
        return String.join(" ", words(name));
    }

    public static String reordered(String name) {
        List<String> w = words(name);
        String[] sorted = w.toArray(new String[0]);
        Arrays.sort(sorted);
        return String.join(" ", sorted);
    }

    /** The significant words: upper case, no diacritics or punctuation, legal forms dropped ("S.A." → "SA" → dropped). */
    static List<String> words(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        plain = plain.toUpperCase(Locale.ROOT).replace("&", " AND ");
        // Join dotted abbreviations such as S.A. or L.L.C. before splitting on punctuation.
        plain = plain.replaceAll("\\b(\\p{L})\\.(?=\\p{L}\\b\\.?)", "$1");
        List<String> out = new ArrayList<>();
        for (String w : plain.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty() && !LEGAL_FORMS.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static String collapse(String s) {
        return String.join(" ", s.trim().split("\\s+"));
    }
}
