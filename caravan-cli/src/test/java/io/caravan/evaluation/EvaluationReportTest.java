package io.caravan.evaluation;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The evaluations run on the shared public data; the figures recorded in docs/evaluation.md are reproduced. */
class EvaluationReportTest {

    private static final Path DATA = Path.of(System.getProperty("caravan.shared.data", "../../shared/data"));

    @Test
    void reproducesTheRecordedFigures() throws Exception {
        assumeTrue(Files.isDirectory(DATA.resolve("dataco")), "shared data not present");
        LateDeliveryEvaluation.Result late = LateDeliveryEvaluation.run(DATA);
        assertThat(late.train()).isEqualTo(4200);
        assertThat(late.test()).isEqualTo(1800);
        assertThat(late.base().auc()).isEqualTo(0.5);
        assertThat(late.lane().auc()).isBetween(0.70, 0.72);
        assertThat(late.lane().brier()).isLessThan(late.base().brier());

        NameScreeningEvaluation.Result names = NameScreeningEvaluation.run(DATA);
        assertThat(names.pairs()).isEqualTo(826);
        assertThat(names.caravan().precision()).isGreaterThan(0.9);
        assertThat(names.caravan().recall()).isBetween(0.15, 0.25);

        CopiedListingEvaluation.Result copies = CopiedListingEvaluation.run(DATA);
        assertThat(copies.testPairs()).isEqualTo(1916);
        assertThat(copies.auc()).isBetween(0.6, 0.7);

        assertThat(EvaluationReport.run(DATA)).contains("Late delivery", "Name screening", "Near-duplicate product text");
    }
}
