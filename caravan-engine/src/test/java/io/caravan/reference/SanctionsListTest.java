package io.caravan.reference;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SanctionsListTest {

    @Test
    void readsOfacLegacyCsvWithNullsQuotesAndPrograms() {
        String sdn = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
                + "7,\"SMITH, John\",\"individual\",\"SDGT] [IRGC\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a, b\"\n\u001A";
        String alt = "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \n";
        SanctionsList l = SanctionsList.readOfac("OFAC-SDN", "v", "2021-07-01", "sdn.csv", new StringReader(sdn),
                "alt.csv", new StringReader(alt));
        assertThat(l.size()).isEqualTo(2);
        SanctionedParty a = l.parties().get(0);
        assertThat(a.entryId()).isEqualTo("OFAC-SDN-36");
        assertThat(a.kind()).isEqualTo("entity");
        assertThat(a.aliases()).containsExactly("AERO-CARIBBEAN");
        SanctionedParty p = l.parties().get(1);
        assertThat(p.name()).isEqualTo("SMITH, John");
        assertThat(p.kind()).isEqualTo("individual");
        assertThat(p.programs()).containsExactly("SDGT", "IRGC");
    }

    @Test
    void anAlternateNameOfAnUnknownEntryIsReportedWithItsLine() {
        String sdn = "36,\"A\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n";
        String alt = "36,1,\"aka\",\"B\",-0- \n99,2,\"aka\",\"C\",-0- \n";
        assertThatThrownBy(() -> SanctionsList.readOfac("OFAC-SDN", "v", "", "sdn.csv", new StringReader(sdn),
                "alt.csv", new StringReader(alt)))
                .hasMessageContaining("alt.csv line 2, field ent_num").hasMessageContaining("one publication");
    }

    @Test
    void aFileOfAnotherFormatIsRefused() {
        assertThatThrownBy(() -> SanctionsList.readOfac("OFAC-SDN", "v", "", "sdn.csv",
                new StringReader("name;country\nX;Y\n"), null, null))
                .hasMessageContaining("sdn.csv line 1").hasMessageContaining("legacy SDN CSV");
    }

    /** The full July 2021 list from the shared data: every published entry is read. */
    @Test
    void readsTheFullPublishedList() {
        Path dir = Path.of(System.getProperty("caravan.shared.data", "../../shared/data"), "sanctions");
        assumeTrue(Files.isRegularFile(dir.resolve("ofac_2021-07_sdn.csv")), "shared data not present");
        // Named by file, as a user may: the alternate names are found beside it (ofac_2021-07_alt.csv).
        SanctionsList l = ReferenceData.readOfacFolder(dir.resolve("ofac_2021-07_sdn.csv"));
        assertThat(l.size()).isEqualTo(8976);
        long aliases = l.parties().stream().mapToLong(x -> x.aliases().size()).sum();
        assertThat(aliases).isEqualTo(11910);
        assertThat(l.version()).startsWith("ofac-sdn-");
        SanctionsList older = ReferenceDataTestSupport.readOfac(dir.resolve("ofac_2019-01_sdn.csv"), dir.resolve("ofac_2019-01_alt.csv"));
        // 7 379 entries: the last line has no line break, so "wc -l" (and the data note) count 7 378.
        assertThat(older.size()).isEqualTo(7379);
    }
}
