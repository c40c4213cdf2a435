-- The indexes that list records by time and assessments by decision, split so that new entries land at the end.
--
-- record_by_time (tenant_id, type, at) and assessment_by_decision (tenant_id, subject_type, action, as_of desc)
-- took each new entry in the middle of the index: at the end of its type's (or decision's) range, or at its start.
-- A full page there splits in two halves and the older half never fills again, so these indexes were half empty,
-- split twice as often as a full index would, and wrote twice the pages and their WAL. An index of two 8-byte
-- columns whose new entries come in increasing order splits after the new entry instead and stays full: one
-- index per record type on (tenant_id, at), and one per kind of subject and decision on (tenant_id, as_of).
-- The lists name the type and the decision in their statements, so the planner picks the index that holds them.
--
-- Measured with `caravan load bulk --in-flight 2` against the indexes before (docs/benchmarks.md, 2026-11-28):
-- PostgreSQL's CPU an order fell from 103–112 µs to 84–92 µs. Building these indexes on a store of a million
-- orders takes about a minute, once, at the first start of this version.

drop index if exists record_by_time;
create index record_participant_by_time on record (tenant_id, at) where type = 'participant';
create index record_hazard_by_time on record (tenant_id, at) where type = 'hazard';
create index record_political_event_by_time on record (tenant_id, at) where type = 'political-event';
create index record_listing_by_time on record (tenant_id, at) where type = 'listing';
create index record_shipment_by_time on record (tenant_id, at) where type = 'shipment';
create index record_order_by_time on record (tenant_id, at) where type = 'order';
create index record_payment_by_time on record (tenant_id, at) where type = 'payment';
create index record_tracking_by_time on record (tenant_id, at) where type = 'tracking';
create index record_outcome_by_time on record (tenant_id, at) where type = 'outcome';

drop index if exists assessment_by_decision;
create index assessment_order_approved on assessment (tenant_id, as_of) where subject_type = 'order' and action = 'APPROVE';
create index assessment_order_reviewed on assessment (tenant_id, as_of) where subject_type = 'order' and action = 'REVIEW';
create index assessment_order_held on assessment (tenant_id, as_of) where subject_type = 'order' and action = 'HOLD';
create index assessment_order_blocked on assessment (tenant_id, as_of) where subject_type = 'order' and action = 'BLOCK';
create index assessment_shipment_approved on assessment (tenant_id, as_of) where subject_type = 'shipment' and action = 'APPROVE';
create index assessment_shipment_reviewed on assessment (tenant_id, as_of) where subject_type = 'shipment' and action = 'REVIEW';
create index assessment_shipment_held on assessment (tenant_id, as_of) where subject_type = 'shipment' and action = 'HOLD';
create index assessment_shipment_blocked on assessment (tenant_id, as_of) where subject_type = 'shipment' and action = 'BLOCK';
