-- Indexes the dashboard needs once a store holds a million orders. The first two cost an entry per insert of
-- an order or shipment assessment, or of an alert; the third holds only open qualification alerts.

-- Orders and shipments of one decision, newest first (an order has one assessment, made when it arrives; a
-- shipment one at booking and another whenever a hazard or political event touches its route).
create index assessment_by_decision on assessment (tenant_id, subject_type, action, as_of desc)
    where subject_type in ('order', 'shipment');

-- The alerts about one subject: a participant's or shipment's page, the participants' qualification filter.
create index alert_by_subject on alert (tenant_id, subject_id);

-- Participants with a lapsed or expiring qualification (the participants' filter): open qualification alerts only.
create index alert_open_qualification on alert (tenant_id, subject_id, kind)
    where kind in ('qualification_expired', 'qualification_expiring') and status <> 'CLOSED';
