package io.caravan.information;

import io.caravan.domain.CountryCode;
import io.caravan.domain.Listing;
import io.caravan.domain.Money;
import io.caravan.domain.Participant;
import io.caravan.domain.ParticipantKind;
import io.caravan.reference.ReferenceData;
import io.caravan.risk.Estimate;
import io.caravan.risk.Reason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InformationReviewTest {

    private final ReferenceData ref = ReferenceData.bundled();
    private final InformationReview review = new InformationReview(ref.disclosureRules(), ref.settings(), new ListingIndex());

    private static final String TEXT = "Soft plush bear with embroidered eyes and a satin ribbon, filled with recycled fibre,"
            + " washable at thirty degrees, a gift for toddlers who love bedtime stories and cuddles every night";

    private static Listing listing(String id, String seller, long second, String title, String description, List<String> claims) {
        return new Listing(id, Instant.ofEpochSecond(second), seller, "", title, description, "toys", "950300", claims,
                Money.of("10", "USD"));
    }

    @Test
    void identicalTextsHaveSimilarityOneAndUnrelatedTextsNearZero() {
        long[] a = TextFingerprint.of(TEXT);
        assertThat(TextFingerprint.similarity(a, TextFingerprint.of(TEXT))).isEqualTo(1.0);
        long[] b = TextFingerprint.of("Stainless steel cookware set with induction base, riveted handles, oven safe lids");
        assertThat(TextFingerprint.similarity(a, b)).isLessThan(0.1);
    }

    @Test
    void aLaterCopyByAnotherSellerIsFlaggedButNotTheOriginal() {
        Listing original = listing("L-1", "M-1", 100, "Cuddly bear", TEXT, List.of("age:3+"));
        Listing copy = listing("L-2", "M-2", 200, "Cuddly bear", TEXT, List.of("age:3+"));
        assertThat(review.review(original, Function.identity()).probability()).isZero();
        assertThat(review.observe(original, Function.identity()).probability()).isZero();
        Estimate e = review.review(copy, Function.identity());
        // Identical text: p = p(J = 1) = 0.95.
        assertThat(e.probability()).isCloseTo(0.95, within(1e-12));
        assertThat(e.reasons().get(0).code()).isEqualTo("COPIED_LISTING");
        assertThat(e.reasons().get(0).evidence()).contains("L-1");
        // The same seller relisting its own text is not a copy.
        Listing relist = listing("L-3", "M-1", 300, "Cuddly bear", TEXT, List.of("age:3+"));
        assertThat(review.review(relist, Function.identity()).probability()).isZero();
    }

    @Test
    void aToyWithoutAgeGradingMissesAMandatoryDisclosure() {
        Estimate e = review.review(listing("L-9", "M-9", 1, "Bear", "A bear.", List.of("material:cotton")), Function.identity());
        assertThat(e.probability()).isCloseTo(0.85, within(1e-12));
        assertThat(e.reasons()).extracting(Reason::code).containsExactly("MISSING_DISCLOSURE");
    }

    @Test
    void aMerchantMustDiscloseItsRegistrationAndOwners() {
        Participant hidden = new Participant("M-1", Instant.EPOCH, ParticipantKind.MERCHANT, "Shadow Ltd", List.of(),
                CountryCode.of("HK"), List.of(), List.of(), List.of());
        Estimate e = review.review(hidden).orElseThrow();
        // Two gaps of 0.85 each: 1 − 0.15² = 0.9775.
        assertThat(e.probability()).isCloseTo(0.9775, within(1e-12));
    }
}
