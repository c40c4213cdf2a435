-- The tables every ingested order writes to lose their foreign keys. PostgreSQL checks a foreign key with a
-- trigger per inserted row that looks the key up and locks the referenced row (FOR KEY SHARE): inserting
-- order records 100 000 at a time took 15–19 µs a row with the key to the tenant and 9–10 µs without it
-- (PostgreSQL 18, this project's 2-core machine, four runs each), and an order's record and assessment rows
-- carried three such keys. Every concurrent ingest transaction also took a share lock on its organisation's
-- one tenant row.
--
-- What the keys guarded is kept by the only writer of these rows, the organisation's ingestion lane:
-- tenant_id is the authenticated caller's organisation, and organisations are never deleted; a versions row
-- is committed on its own before the first assessment that cites it is written. The server's tests check
-- both after ingesting (no row without its tenant, no assessment without its versions).
alter table record drop constraint if exists record_tenant_id_fkey;
alter table assessment drop constraint if exists assessment_tenant_id_fkey;
alter table assessment drop constraint if exists assessment_versions_id_fkey;
alter table order_risk_daily drop constraint if exists order_risk_daily_tenant_id_fkey;
