package io.caravan.credit;

import io.caravan.domain.CountryCode;
import io.caravan.domain.Participant;
import io.caravan.domain.ParticipantKind;
import io.caravan.domain.Qualification;
import io.caravan.reference.ReferenceData;
import io.caravan.risk.Estimate;
import io.caravan.risk.Reason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Shipped rules: a merchant must hold a BUSINESS_LICENCE, warned 60 days ahead; p = 0.9 missing, 0.95 expired, 0.2 expiring. */
class QualificationExaminationTest {

    private final ReferenceData ref = ReferenceData.bundled();
    private final QualificationExamination exam = new QualificationExamination(ref.qualificationRules(), ref.settings());
    private static final LocalDate DAY = LocalDate.of(2025, 6, 1);

    private static Participant merchant(List<Qualification> qs) {
        return new Participant("M-1", Instant.EPOCH, ParticipantKind.MERCHANT, "Acme Trading Co., Ltd.", List.of(),
                CountryCode.of("CN"), List.of(), List.of(), qs);
    }

    private static Qualification licence(LocalDate from, LocalDate until) {
        return new Qualification("BUSINESS_LICENCE", "BL-1", "SAMR", from, until);
    }

    @Test
    void missingLicence() {
        Estimate e = exam.examine(merchant(List.of()), DAY);
        assertThat(e.probability()).isCloseTo(0.9, within(1e-12));
        assertThat(e.reasons()).extracting(Reason::code).containsExactly("QUALIFICATION_MISSING");
    }

    @Test
    void expiredLicenceSaysWhenAndHowLongAgo() {
        Estimate e = exam.examine(merchant(List.of(licence(LocalDate.of(2022, 1, 1), LocalDate.of(2025, 5, 2)))), DAY);
        assertThat(e.probability()).isCloseTo(0.95, within(1e-12));
        assertThat(e.reasons().get(0).text()).contains("expired on 2025-05-02, 30 days before 2025-06-01");
    }

    @Test
    void expiringLicenceWarnsWithinItsPeriod() {
        Estimate e = exam.examine(merchant(List.of(licence(LocalDate.of(2022, 1, 1), LocalDate.of(2025, 7, 1)))), DAY);
        assertThat(e.probability()).isCloseTo(0.2, within(1e-12));
        assertThat(e.reasons().get(0).code()).isEqualTo("QUALIFICATION_EXPIRING");
    }

    @Test
    void validLicenceGivesZeroWithAReason() {
        Estimate e = exam.examine(merchant(List.of(licence(LocalDate.of(2022, 1, 1), LocalDate.of(2027, 1, 1)))), DAY);
        assertThat(e.probability()).isZero();
        assertThat(e.reasons().get(0).code()).isEqualTo("QUALIFICATIONS_VALID");
    }

    @Test
    void theLatestOfSeveralLicencesCounts() {
        Estimate e = exam.examine(merchant(List.of(licence(LocalDate.of(2019, 1, 1), LocalDate.of(2022, 1, 1)),
                licence(LocalDate.of(2022, 1, 1), LocalDate.of(2027, 1, 1)))), DAY);
        assertThat(e.probability()).isZero();
    }
}
