-- Payments and listings that were not approved, by decision and time.
--
-- Filtering payments (or listings) by decision found each record's assessment one record at a time, newest record
-- first, and kept those with the decision asked for. Nearly every payment is approved, so a list of the blocked
-- ones read every payment: 0.4–0.9 s on the demo world's 50 000, and growing with the store. These indexes hold only
-- the payments and listings sent to review, held or blocked (a payment or listing is assessed once, when it
-- arrives), so an approved one, the common case, adds no entry to any of them. The lists name the decision in their
-- statements, so the planner picks the index that holds it; approved ones are still listed from the records.

create index assessment_payment_reviewed on assessment (tenant_id, as_of) where subject_type = 'payment' and action = 'REVIEW';
create index assessment_payment_held on assessment (tenant_id, as_of) where subject_type = 'payment' and action = 'HOLD';
create index assessment_payment_blocked on assessment (tenant_id, as_of) where subject_type = 'payment' and action = 'BLOCK';
create index assessment_listing_reviewed on assessment (tenant_id, as_of) where subject_type = 'listing' and action = 'REVIEW';
create index assessment_listing_held on assessment (tenant_id, as_of) where subject_type = 'listing' and action = 'HOLD';
create index assessment_listing_blocked on assessment (tenant_id, as_of) where subject_type = 'listing' and action = 'BLOCK';

-- Approved shipments, like approved payments, are listed from the records, newest first: a shipment's newest
-- assessment may be later than the shipment (an event reached it on its way), so the assessments' time does not give
-- the list's order. Nothing reads this index any more.
drop index if exists assessment_shipment_approved;
