-- Caravan's storage. Every row of tenant data carries its tenant; every query filters on it.

-- Organisations, the people in them and their machine keys --------------------------------------------

create table tenant (
    id          bigint generated always as identity primary key,
    slug        text        not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name        text        not null,
    operator    boolean     not null default false,  -- the operator's own tenant may create other tenants
    created_at  timestamptz not null default now()
);

create table app_user (
    id             bigint generated always as identity primary key,
    tenant_id      bigint      not null references tenant (id),
    username       text        not null unique,
    password_hash  text        not null,            -- bcrypt, never the password
    role           text        not null check (role in ('ADMIN', 'ANALYST', 'VIEWER', 'INGEST')),
    enabled        boolean     not null default true,
    created_at     timestamptz not null default now()
);

create table api_key (
    id           bigint generated always as identity primary key,
    tenant_id    bigint      not null references tenant (id),
    prefix       text        not null unique,       -- the public part shown in lists, e.g. ck_3f9a1c0d
    secret_hash  bytea       not null,              -- SHA-256 of the 256-bit secret, never the secret
    name         text        not null,
    role         text        not null check (role in ('ADMIN', 'ANALYST', 'VIEWER', 'INGEST')),
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    revoked_at   timestamptz
);

-- The records, in the order they were accepted (the event store the engine is rebuilt from) ------------

create table record (
    tenant_id    bigint      not null references tenant (id),
    seq          bigint      not null,              -- per-tenant acceptance order
    type         text        not null,              -- participant, order, payment, …
    record_id    text        not null,
    record_key   text        not null,              -- the id; for a participant, the id and the time of the change
    at           timestamptz not null,
    digest       bytea       not null,              -- SHA-256 of the canonical JSON: a replay must match it
    body         jsonb       not null,
    received_at  timestamptz not null default now(),
    primary key (tenant_id, seq)
);
-- Few indexes: every one is paid for on each insert. The identity finds any record but a participant by
-- id (a participant's key is its id and the time of the change); the partial ones serve the detail pages.
create unique index record_identity on record (tenant_id, type, record_key);
create index record_by_time on record (tenant_id, type, at);
create index record_participant on record (tenant_id, record_id) where type = 'participant';
create index record_tracking_by_shipment on record (tenant_id, (body ->> 'shipment_id')) where type = 'tracking';
create index record_payment_by_order on record (tenant_id, (body ->> 'order_id')) where type = 'payment';
create index record_order_by_merchant on record (tenant_id, (body ->> 'merchant_id')) where type = 'order';

-- Reference-data and model versions that assessments cite ---------------------------------------------

create table versions (
    id          text        primary key,            -- digest of the versions map, as in assessment files
    entries     jsonb       not null,
    first_used  timestamptz not null default now()
);

-- Assessments: the engine's conclusions, with every reason --------------------------------------------

create table assessment (
    id                 bigint generated always as identity primary key,
    tenant_id          bigint           not null references tenant (id),
    assessment_id      text             not null,   -- e.g. order:O-000017
    subject_type       text             not null,
    subject_id         text             not null,
    as_of              timestamptz      not null,
    record_seq         bigint           not null,   -- the record whose arrival produced it
    action             text             not null,
    p_max              double precision not null,
    p_credit           double precision not null,
    p_logistics        double precision not null,
    p_information      double precision not null,
    p_legal            double precision not null,
    p_political        double precision not null,
    p_natural          double precision not null,
    exposure_usd       double precision not null,
    expected_loss_usd  double precision not null,
    versions_id        text             not null references versions (id),
    body               text             not null    -- caravan.assessment.v1 JSON
);
-- Bodies (2–4 kB) stay in the row uncompressed: compressing each on insert costs more than the space it saves.
alter table assessment set (toast_tuple_target = 8160);
create index assessment_by_subject on assessment (tenant_id, subject_id, as_of desc);
create index assessment_by_risk on assessment (tenant_id, subject_type, p_max desc);

create table decision_override (
    id             bigint generated always as identity primary key,
    tenant_id      bigint      not null references tenant (id),
    assessment_id  text        not null,
    subject_type   text        not null,
    subject_id     text        not null,
    engine_action  text        not null,
    action         text        not null,
    reason         text        not null check (length(trim(reason)) > 0),
    by_user        text        not null,
    at             timestamptz not null default now()
);
create index override_by_subject on decision_override (tenant_id, subject_type, subject_id, at desc);

-- Alerts and cases ------------------------------------------------------------------------------------

create table alert (
    id              bigint generated always as identity primary key,
    tenant_id       bigint      not null references tenant (id),
    kind            text        not null,
    severity        text        not null check (severity in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    subject_type    text        not null,
    subject_id      text        not null,
    dedup_key       text        not null,
    title           text        not null,
    detail          text        not null,
    assessment_id   text,
    status          text        not null default 'OPEN' check (status in ('OPEN', 'IN_CASE', 'CLOSED')),
    occurrences     integer     not null default 1,
    first_raised    timestamptz not null,       -- the time of the record that raised it
    last_raised     timestamptz not null,
    created_at      timestamptz not null default now(),
    case_id         bigint
);
create unique index alert_open_once on alert (tenant_id, dedup_key) where status <> 'CLOSED';
create index alert_queue on alert (tenant_id, status, severity, first_raised);

create table case_file (
    id           bigint generated always as identity primary key,
    tenant_id    bigint      not null references tenant (id),
    title        text        not null,
    status       text        not null default 'OPEN' check (status in ('OPEN', 'RESOLVED')),
    assignee     text,
    outcome      text        check (outcome in ('CONFIRMED', 'FALSE_POSITIVE', 'MITIGATED')),
    opened_by    text        not null,
    opened_at    timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    resolved_at  timestamptz
);
create index case_queue on case_file (tenant_id, status, updated_at desc);
alter table alert add constraint alert_case foreign key (case_id) references case_file (id);

create table case_entry (
    id              bigint generated always as identity primary key,
    case_id         bigint      not null references case_file (id),
    tenant_id       bigint      not null references tenant (id),
    kind            text        not null check (kind in ('OPENED', 'COMMENT', 'EVIDENCE', 'ASSIGNED', 'RESOLVED', 'REOPENED', 'ALERT_ADDED')),
    author          text        not null,
    at              timestamptz not null default now(),
    text            text        not null,
    evidence_name   text,
    evidence_type   text,
    evidence_sha256 text,
    evidence        bytea
);
create index case_timeline on case_entry (case_id, id);

-- The audit log: rows are added, never changed -------------------------------------------------------

create table audit_log (
    id          bigint generated always as identity primary key,
    tenant_id   bigint references tenant (id),      -- null for events outside any tenant (a failed login)
    at          timestamptz not null default now(),
    actor       text        not null,
    action      text        not null,
    target      text        not null,
    detail      text        not null,
    request_id  text
);
create index audit_by_tenant on audit_log (tenant_id, id desc);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % is not allowed', tg_op;
end
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();

-- Engine snapshots: the state after a record, to restart without replaying everything ---------------

create table engine_snapshot (
    tenant_id    bigint      not null references tenant (id),
    seq          bigint      not null,
    versions_id  text        not null,
    created_at   timestamptz not null default now(),
    body         bytea       not null,
    primary key (tenant_id, seq)
);
