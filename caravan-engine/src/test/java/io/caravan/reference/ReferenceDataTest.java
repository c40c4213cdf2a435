package io.caravan.reference;

import io.caravan.domain.CountryCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceDataTest {

    @Test
    void shippedTablesLoadWithTheirVersions() {
        ReferenceData r = ReferenceData.bundled();
        assertThat(r.countries().all()).hasSizeGreaterThan(240);
        assertThat(r.countries().name(CountryCode.of("DE"))).isEqualTo("Germany");
        assertThat(r.ports().find("DEHAM")).get().extracting(Port::name).isEqualTo("Hamburg");
        assertThat(r.hs().isValid("950300")).isTrue();
        assertThat(r.hs().isValid("770000")).isFalse();
        assertThat(r.hs().isValid("95A3")).isFalse();
        assertThat(r.indicators().of(CountryCode.of("DK")).politicalStability()).isGreaterThan(0.5);
        assertThat(r.jurisdictions().of(CountryCode.of("IR"))).extracting(Jurisdictions.Listing::level)
                .containsExactly(Jurisdictions.Level.EMBARGO, Jurisdictions.Level.CALL_FOR_ACTION);
        assertThat(r.fx().toUsd(85.3, "EUR")).isCloseTo(100, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(r.sanctions().size()).isGreaterThan(300);
        assertThat(r.versions()).containsKeys("countries", "sanctions", "legal-rules", "settings");
        assertThat(r.versions().get("sanctions")).startsWith("ofac-sdn-excerpt-2021-07-01-");
    }

    @Test
    void aFolderReplacesShippedFilesOfTheSameName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("fx-rates.csv"),
                "# version: my-rates\ncurrency,per_usd\nUSD,1\nEUR,0.5\nGBP,0.7\nAUD,1.5\nCAD,1.4\nJPY,150\n");
        ReferenceData r = ReferenceData.load(dir);
        assertThat(r.fx().version()).isEqualTo("my-rates");
        assertThat(r.fx().toUsd(1, "EUR")).isEqualTo(2.0);
        assertThat(r.countries().version()).isEqualTo(ReferenceData.bundled().countries().version());
    }

    @Test
    void rulesNeedARateForEveryCurrencyTheyUse(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("fx-rates.csv"), "# version: my-rates\ncurrency,per_usd\nUSD,1\nEUR,0.5\n");
        assertThatThrownBy(() -> ReferenceData.load(dir))
                .hasMessageContaining("legal-rules.csv line").hasMessageContaining("no exchange rate for 'GBP'");
    }

    @Test
    void aBadRowNamesFileLineAndField(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("fx-rates.csv"), "# version: x\ncurrency,per_usd\nUSD,1\nEUR,abc\n");
        assertThatThrownBy(() -> ReferenceData.load(dir)).isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("fx-rates.csv line 4, field per_usd: 'abc' is not a number");
    }

    @Test
    void aTableWithoutVersionIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("fx-rates.csv"), "currency,per_usd\nUSD,1\n");
        assertThatThrownBy(() -> ReferenceData.load(dir)).hasMessageContaining("no '# version: …' comment");
    }

    @Test
    void aRuleForAnUnknownCountryIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("legal-rules.csv"), "# version: x\n"
                + "destination,kind,hs_prefix,certificate,threshold,currency,valid_from,valid_to,description\n"
                + "XX,PROHIBITED,3604,,,,,,Fireworks\n");
        assertThatThrownBy(() -> ReferenceData.load(dir)).hasMessageContaining("line 3, field destination: 'XX'");
    }

    @Test
    void csvHandlesQuotesCommasAndLinesWithin() {
        CsvTable t = CsvTable.withHeader("t.csv", new StringReader("# version: 1\na,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n"));
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0).get("a")).isEqualTo("x, y");
        assertThat(t.rows().get(0).get("b")).isEqualTo("say \"hi\"");
        assertThat(t.rows().get(1).get("a")).isEqualTo("two\nlines");
        assertThat(t.rows().get(1).line()).isEqualTo(4);
    }

    @Test
    void anUnclosedQuoteIsReported() {
        assertThatThrownBy(() -> CsvTable.withHeader("t.csv", new StringReader("# version: 1\na,b\n\"open,x\n")))
                .hasMessageContaining("t.csv line 3").hasMessageContaining("never closed");
    }
}
