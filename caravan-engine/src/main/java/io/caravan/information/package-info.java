/**
 * Information risk: listings copied from another seller (near-duplicate text found by MinHash and
 * locality-sensitive hashing), listings missing the disclosures their category requires, and participants
 * missing the disclosures their kind requires.
 */
package io.caravan.information;
