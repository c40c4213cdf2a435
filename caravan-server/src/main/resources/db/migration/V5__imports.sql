-- Files imported through the dashboard: what was sent, how far it got and what was wrong with it.
-- Counts are updated as each batch is stored, so a run that broke off still says what it stored.

create table import_run (
    id           bigint generated always as identity primary key,
    tenant_id    bigint      not null references tenant (id),
    file_name    text        not null,
    format       text        not null check (format in ('JSONL', 'CSV')),
    record_type  text,                               -- the file stem (orders, …); null: each line names its schema
    by_user      text        not null,
    status       text        not null default 'RUNNING' check (status in ('RUNNING', 'DONE', 'BROKEN')),
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    bytes        bigint      not null default 0,     -- bytes received
    lines        bigint      not null default 0,     -- lines (CSV: rows) read
    last_line    bigint      not null default 0,     -- the last line whose record is stored or reported
    accepted     bigint      not null default 0,
    duplicates   bigint      not null default 0,
    rejected     bigint      not null default 0,
    errors       jsonb       not null default '[]',  -- the first 1 000: {line, field, reason}
    problem      text                                -- why the run stopped before the end of the file
);
create index import_run_recent on import_run (tenant_id, id desc);
