package io.caravan.information;

import io.caravan.domain.Listing;
import io.caravan.domain.Participant;
import io.caravan.reference.DisclosureRules;
import io.caravan.reference.Settings;
import io.caravan.risk.Estimate;
import io.caravan.risk.FailureModes;
import io.caravan.risk.Percent;
import io.caravan.risk.RiskCategory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reviews listings and participants for information risk.
 *
 * <p>Copied listing: the most similar earlier listing of another seller with estimated Jaccard similarity J
 * at least {@code information.copy.min-similarity} (J₀) gives p = p₀ + (p₁ − p₀)·(J − J₀)/(1 − J₀), from
 * {@code p-at-min} (p₀) at J₀ to {@code p-at-identical} (p₁) at J = 1. Missing disclosure: each requirement of
 * the listing's category without a matching claim is a failure mode with {@code information.disclosure.p}.
 */
public final class InformationReview {

    public static final String LISTING_OUTCOME = "misleading_listing";
    public static final String PARTICIPANT_OUTCOME = "disclosure_breach";
    private static final String LISTING_HORIZON = "listing is a copy of another seller's or breaks a mandatory disclosure rule";
    private static final String PARTICIPANT_HORIZON = "participant does not disclose what its kind must disclose";

    private final ListingIndex index;
    private final DisclosureRules rules;
    private final double minSimilarity;
    private final double pAtMin;
    private final double pAtIdentical;
    private final double disclosureP;

    public InformationReview(DisclosureRules rules, Settings s, ListingIndex index) {
        this.rules = rules;
        this.index = index;
        this.minSimilarity = s.probability("information.copy.min-similarity");
        this.pAtMin = s.probability("information.copy.p-at-min");
        this.pAtIdentical = s.probability("information.copy.p-at-identical");
        this.disclosureP = s.probability("information.disclosure.p");
    }

    /**
     * Reviews a listing against those indexed before it, then indexes it so that later listings are compared
     * with it; the text is fingerprinted once for both.
     */
    public Estimate observe(Listing listing, Function<String, String> names) {
        long[] sig = TextFingerprint.of(ListingIndex.text(listing));
        Estimate verdict = review(listing, sig, names);
        index.observe(listing, sig);
        return verdict;
    }

    /** Assesses a listing against the listings indexed before it and its category's rules. Read-only. */
    public Estimate review(Listing listing, Function<String, String> names) {
        return review(listing, TextFingerprint.of(ListingIndex.text(listing)), names);
    }

    private Estimate review(Listing listing, long[] sig, Function<String, String> names) {
        FailureModes modes = new FailureModes(RiskCategory.INFORMATION, LISTING_OUTCOME, LISTING_HORIZON);
        Optional<ListingIndex.Copy> copy = index.earlierCopy(listing, sig, minSimilarity);
        modes.evidence(index.size());
        if (copy.isPresent()) {
            double j = copy.get().similarity();
            double p = pAtMin + (pAtIdentical - pAtMin) * (j - minSimilarity) / (1 - minSimilarity);
            ListingIndex.Entry o = copy.get().original();
            modes.add("COPIED_LISTING", "Title and description are " + Percent.of(j) + " similar (MinHash Jaccard) to listing "
                    + o.listingId() + " of " + names.apply(o.sellerId()) + ", listed earlier.", p,
                    List.of(o.listingId(), "similarity " + Percent.of(j)));
        }
        for (DisclosureRules.Requirement r : rules.forListingCategory(listing.category())) {
            boolean disclosed = false;
            for (String claim : listing.claims()) {
                if (claim.startsWith(r.requirement())) {
                    disclosed = true;
                    break;
                }
            }
            if (!disclosed) {
                modes.add("MISSING_DISCLOSURE", "A " + listing.category() + " listing must state "
                        + r.description().toLowerCase(Locale.ROOT) + " (a claim '" + r.requirement() + "…'); this one does not.",
                        disclosureP,
                        List.of("rule " + r.key() + "/" + r.requirement()));
            }
        }
        if (modes.isEmpty()) {
            modes.add("NO_FINDING", "No similar listing by another seller and every required disclosure is present.", 0, List.of());
        }
        return modes.combine();
    }

    /** The disclosure gaps of a participant; empty when it discloses what its kind requires. */
    public Optional<Estimate> review(Participant p) {
        FailureModes modes = new FailureModes(RiskCategory.INFORMATION, PARTICIPANT_OUTCOME, PARTICIPANT_HORIZON);
        for (DisclosureRules.Requirement r : rules.forParticipantKind(p.kind().name())) {
            boolean ok = r.requirement().equals("registration") ? !p.registrations().isEmpty() : !p.owners().isEmpty();
            if (!ok) {
                modes.add("MISSING_" + r.requirement().toUpperCase(Locale.ROOT), p.legalName() + " discloses no "
                        + r.requirement().replace('_', ' ') + ": " + r.description() + ".", disclosureP,
                        List.of("rule " + r.key() + "/" + r.requirement()));
            }
        }
        return modes.isEmpty() ? Optional.empty() : Optional.of(modes.combine());
    }

    public ListingIndex index() {
        return index;
    }
}
