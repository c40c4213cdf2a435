package io.caravan.screening;

import io.caravan.reference.SanctionedParty;
import io.caravan.reference.SanctionsList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sanctions list indexed for screening: every primary and alternate name of every entry under its exact,
 * normalised and reordered forms ({@link PartyName}). A lookup costs three hash lookups after normalising
 * the screened name. Reordered matches need at least two words, so that one common word cannot match.
 */
public final class SanctionsIndex {

    /** How a screened name matched a listed one, strongest first. */
    public enum MatchKind {
        EXACT, NORMALISED, REORDERED
    }

    /** A hit: the listed party, the listed name that matched, and how. */
    public record Match(SanctionedParty party, String listedName, MatchKind kind) {
    }

    private final SanctionsList list;
    private final Map<String, List<Match>> exact = new HashMap<>();
    private final Map<String, List<Match>> normalised = new HashMap<>();
    private final Map<String, List<Match>> reordered = new HashMap<>();

    public SanctionsIndex(SanctionsList list) {
        this.list = list;
        for (SanctionedParty p : list.parties()) {
            add(p, p.name());
            for (String alias : p.aliases()) {
                add(p, alias);
            }
        }
    }

    private void add(SanctionedParty p, String name) {
        put(exact, PartyName.exact(name), new Match(p, name, MatchKind.EXACT));
        String n = PartyName.normalised(name);
        if (!n.isEmpty()) {
            put(normalised, n, new Match(p, name, MatchKind.NORMALISED));
        }
        List<String> words = PartyName.words(name);
        if (words.size() >= 2) {
            put(reordered, PartyName.reordered(name), new Match(p, name, MatchKind.REORDERED));
        }
    }

    private static void put(Map<String, List<Match>> map, String key, Match m) {
        List<Match> l = map.computeIfAbsent(key, k -> new ArrayList<>(1));
        for (Match existing : l) {
            if (existing.party().entryId().equals(m.party().entryId())) {
                return;
            }
        }
        l.add(m);
    }

    /** The strongest match of a name, if any (the first listed entry among equally strong ones). */
    public Optional<Match> screen(String name) {
        if (name.isBlank()) {
            return Optional.empty();
        }
        List<Match> m = exact.get(PartyName.exact(name));
        if (m != null) {
            return Optional.of(m.get(0));
        }
        List<String> words = PartyName.words(name);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        m = normalised.get(String.join(" ", words));
        if (m != null) {
            return Optional.of(m.get(0));
        }
        if (words.size() >= 2) {
            m = reordered.get(PartyName.reordered(name));
            if (m != null) {
                return Optional.of(m.get(0));
            }
        }
        return Optional.empty();
    }

    public SanctionsList list() {
        return list;
    }
}
