package io.caravan.screening;

import io.caravan.reference.SanctionsList;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

class SanctionsIndexTest {

    /** Two entries in OFAC's legacy format, written for this test. */
    static final String SDN = """
            306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"a.k.a. 'BNC'."
            4400,"MUNOZ PAZ, Joaquin Emilio","individual","SDNT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 01 Jan 1960."
            9001,"ORION","vessel","IRAN",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0-
            """;
    static final String ALT = """
            306,220,"aka","NATIONAL BANK OF CUBA",-0-
            """;

    static SanctionsIndex index() {
        return new SanctionsIndex(SanctionsList.readOfac("OFAC-SDN", "test", "", "sdn.csv", new StringReader(SDN),
                "alt.csv", new StringReader(ALT)));
    }

    @Test
    void exactNameMatchesWhateverTheCase() {
        var m = index().screen("Banco  Nacional de Cuba").orElseThrow();
        assertThat(m.kind()).isEqualTo(SanctionsIndex.MatchKind.EXACT);
        assertThat(m.party().entryId()).isEqualTo("OFAC-SDN-306");
    }

    @Test
    void normalisedNameIgnoresAccentsPunctuationAndLegalForms() {
        var m = index().screen("Banco Nacional de Cúba, S.A.").orElseThrow();
        assertThat(m.kind()).isEqualTo(SanctionsIndex.MatchKind.NORMALISED);
    }

    @Test
    void alternateNamesAreScreenedToo() {
        assertThat(index().screen("National Bank of Cuba Ltd.").orElseThrow().listedName()).isEqualTo("NATIONAL BANK OF CUBA");
    }

    @Test
    void reorderedPersonNameMatches() {
        var m = index().screen("Joaquin Emilio Munoz Paz").orElseThrow();
        assertThat(m.kind()).isEqualTo(SanctionsIndex.MatchKind.REORDERED);
        assertThat(m.party().kind()).isEqualTo("individual");
        assertThat(m.party().programs()).containsExactly("SDNT");
    }

    @Test
    void unrelatedNamesDoNotMatch() {
        assertThat(index().screen("Banco Nacional de Chile")).isEmpty();
        assertThat(index().screen("Paz Munoz")).isEmpty();
        assertThat(index().screen("   ")).isEmpty();
    }

    @Test
    void oneWordIsNotReordered() {
        // "ORION" matches exactly, but a one-word name never matches through reordering.
        assertThat(index().screen("orion").orElseThrow().kind()).isEqualTo(SanctionsIndex.MatchKind.EXACT);
        assertThat(PartyName.reordered("Orion Ltd")).isEqualTo("ORION");
    }
}
