-- The alert queue, split so that new alerts land at the end of an index.
--
-- alert_queue (tenant_id, status, severity, first_raised) took each new alert in the middle of the index, at the
-- end of its status's and severity's range: the half-filled pages and doubled splits that schema 10 removed from the
-- lists of records and assessments. One index per status and severity on (tenant_id, first_raised) takes new alerts
-- (raised in the order of their records' times) at its end and stays full. The queue names the status and the
-- severity in its statements, so the planner picks the index that holds them.
--
-- Measured with `caravan load bulk --in-flight 2` against the index before: see docs/benchmarks.md, 2026-11-28.

drop index if exists alert_queue;

create index alert_open_critical on alert (tenant_id, first_raised) where status = 'OPEN' and severity = 'CRITICAL';
create index alert_open_high on alert (tenant_id, first_raised) where status = 'OPEN' and severity = 'HIGH';
create index alert_open_medium on alert (tenant_id, first_raised) where status = 'OPEN' and severity = 'MEDIUM';
create index alert_open_low on alert (tenant_id, first_raised) where status = 'OPEN' and severity = 'LOW';
create index alert_in_case_critical on alert (tenant_id, first_raised) where status = 'IN_CASE' and severity = 'CRITICAL';
create index alert_in_case_high on alert (tenant_id, first_raised) where status = 'IN_CASE' and severity = 'HIGH';
create index alert_in_case_medium on alert (tenant_id, first_raised) where status = 'IN_CASE' and severity = 'MEDIUM';
create index alert_in_case_low on alert (tenant_id, first_raised) where status = 'IN_CASE' and severity = 'LOW';
create index alert_closed_critical on alert (tenant_id, first_raised) where status = 'CLOSED' and severity = 'CRITICAL';
create index alert_closed_high on alert (tenant_id, first_raised) where status = 'CLOSED' and severity = 'HIGH';
create index alert_closed_medium on alert (tenant_id, first_raised) where status = 'CLOSED' and severity = 'MEDIUM';
create index alert_closed_low on alert (tenant_id, first_raised) where status = 'CLOSED' and severity = 'LOW';
