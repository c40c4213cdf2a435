package io.caravan.domain;

import java.time.Instant;
import java.util.List;

/**
 * A party of the chain. {@code segment} groups participants whose behaviour is alike (by default the
 * kind and region, e.g. {@code MERCHANT/Asia}); sparse evidence about one participant is shrunk toward it.
 */
public record Participant(
        String id,
        Instant at,
        ParticipantKind kind,
        String legalName,
        List<String> aliases,
        CountryCode country,
        List<RegistrationId> registrations,
        List<BeneficialOwner> owners,
        List<Qualification> qualifications) implements Event {

    public Participant {
        aliases = List.copyOf(aliases);
        registrations = List.copyOf(registrations);
        owners = List.copyOf(owners);
        qualifications = List.copyOf(qualifications);
    }

    @Override
    public RecordType type() {
        return RecordType.PARTICIPANT;
    }
}
