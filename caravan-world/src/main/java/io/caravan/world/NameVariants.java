package io.caravan.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** How names and texts get disguised in the wild: case, word order, legal forms, accents, small edits. */
final class NameVariants {

    private static final List<String> SUFFIXES = List.of("LLC", "Ltd.", "S.A.", "GmbH", "Co., Ltd.", "Trading LLC");
    private static final List<String> FILLERS = List.of("quality", "great", "new", "original", "popular", "premium",
            "best", "top", "genuine", "value");

    private NameVariants() {
    }

    /**
     * A variant of a listed name. Individuals listed as "LAST, First" come back as "First Last" (words
     * reordered) or in mixed case; entities come back in mixed case, with a legal form added, or with an
     * accent on a vowel.
     */
    static String variant(SplittableRandom r, String listed, boolean individual) {
        String title = titleCase(listed);
        if (individual) {
            int comma = listed.indexOf(',');
            if (comma > 0 && r.nextBoolean()) {
                return titleCase(listed.substring(comma + 1).trim()) + " " + titleCase(listed.substring(0, comma).trim());
            }
            return r.nextBoolean() ? title : title.toUpperCase(Locale.ROOT).replace(",", "");
        }
        return switch (r.nextInt(3)) {
            case 0 -> title;
            case 1 -> title + " " + SUFFIXES.get(r.nextInt(SUFFIXES.size()));
            default -> accent(title);
        };
    }

    /** Replaces {@code k} words of a text with other words (a copier's light touch). */
    static String editWords(SplittableRandom r, String text, int k) {
        List<String> words = new ArrayList<>(Arrays.asList(text.split(" ")));
        for (int i = 0; i < k && !words.isEmpty(); i++) {
            words.set(r.nextInt(words.size()), FILLERS.get(r.nextInt(FILLERS.size())));
        }
        return String.join(" ", words);
    }

    private static String accent(String s) {
        int i = s.indexOf('e');
        if (i >= 0) {
            return s.substring(0, i) + "é" + s.substring(i + 1);
        }
        i = s.indexOf('a');
        return i >= 0 ? s.substring(0, i) + "á" + s.substring(i + 1) : s + " Ltd.";
    }

    static String titleCase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toCharArray()) {
            sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = !Character.isLetterOrDigit(c);
        }
        return sb.toString();
    }
}
