package io.caravan.reference;

import java.util.List;

/**
 * An entry of a sanctions list: {@code entryId} is unique across lists (e.g. {@code OFAC-SDN-306}),
 * {@code kind} is individual, entity, vessel or aircraft, {@code aliases} are its a.k.a./f.k.a. names.
 */
public record SanctionedParty(String entryId, String name, String kind, List<String> programs, List<String> aliases) {

    public SanctionedParty {
        programs = List.copyOf(programs);
        aliases = List.copyOf(aliases);
    }
}
